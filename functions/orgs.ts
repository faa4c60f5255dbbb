/** Subordinate organisations and their machine clients (admin). */
import { apiHandler } from '../shared/platform/http/api-handler';
import { services } from '../shared/composition';
import { ValidationError } from '../shared/platform/errors';
import { requiredVersion, withEtag } from '../shared/platform/http/versions';
import { NewClientBody } from '../shared/reports/org-routes';

const orgs = () => services().reporting.orgs;

export const handler = apiHandler('orgs', {
  createOrg: async (req) => withEtag(await orgs().create(req.caller, req.body, req.requestId), 201),
  listOrgs: async (req) => orgs().list(req.query),
  getOrg: async (req) => withEtag(await orgs().get(req.params.orgId)),
  updateOrg: async (req) => {
    const { version, ...changes } = req.body;
    return withEtag(await orgs().update(req.caller, req.params.orgId, requiredVersion(version, req.headers['if-match'], 'organisation'), changes, req.requestId));
  },
  createOrgClient: async (req) => {
    // The body is optional ({"name": "..."}), so it is checked here rather than by the route.
    const parsed = NewClientBody.optional().safeParse(req.body);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message }));
      throw new ValidationError(`Invalid request: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
    }
    const client = await orgs().createClient(req.caller, req.params.orgId, parsed.data?.name, req.requestId);
    return { status: 201, body: client, headers: { 'cache-control': 'no-store' } };
  },
  listOrgClients: async (req) => ({ items: await orgs().listClients(req.params.orgId), nextCursor: null }),
  revokeOrgClient: async (req) => orgs().revokeClient(req.caller, req.params.orgId, req.params.clientId, req.requestId),
});
