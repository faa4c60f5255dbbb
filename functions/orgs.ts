/** Subordinate organisations and their machine clients (admin). */
import { apiHandler } from '../shared/platform/http/api-handler';
import { services } from '../shared/composition';
import { ValidationError } from '../shared/platform/errors';
import { NewClientBody } from '../shared/reports/org-routes';

const orgs = () => services().reporting.orgs;
const withEtag = <E extends { version: number }>(status: number, body: E) => ({ status, body, headers: { etag: `"${body.version}"` } });

export const handler = apiHandler('orgs', {
  createOrg: async (req) => withEtag(201, await orgs().create(req.caller, req.body, req.requestId)),
  listOrgs: async (req) => orgs().list(req.query),
  getOrg: async (req) => withEtag(200, await orgs().get(req.params.orgId)),
  updateOrg: async (req) => {
    const { version, ...changes } = req.body;
    return withEtag(200, await orgs().update(req.caller, req.params.orgId, requiredVersion(version, req.headers['if-match']), changes, req.requestId));
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

/** The version an update is made from: the `version` field, else the If-Match header (`"3"`, `W/"3"` or `3`). */
function requiredVersion(field: number | undefined, ifMatch: string | undefined): number {
  const m = ifMatch ? /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim()) : null;
  const v = field ?? (m ? Number(m[1]) : undefined);
  if (v === undefined) throw new ValidationError("version is required: send the organisation's version in the body or an If-Match header", [{ path: 'body.version', message: 'required' }], 'VERSION_REQUIRED');
  return v;
}
