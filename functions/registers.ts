/** The registers: sổ văn bản đến and sổ văn bản đi and their entries (the printable export is in functions/exports.ts). */
import { apiHandler } from '../shared/platform/http/api-handler';
import type { ApiRequest } from '../shared/platform/http/types';
import { services } from '../shared/composition';
import { arrivalYear } from '../shared/office/domain/numbering';
import { requiredVersion, withEtag } from '../shared/platform/http/versions';
import type { WriteContext } from '../shared/registers';

const registers = () => services().registers;
const thisYear = () => arrivalYear(services().clock.now(), services().domainConfig.office.timeZone);
const writer = (req: ApiRequest): WriteContext => ({ actor: req.caller, requestId: req.requestId });

export const handler = apiHandler('registers', {
  createIncomingEntry: async (req) => {
    // Naming a scan links it (checked, secrecy at least what OCR read, one transaction): see ScanLinker.
    const { scanId, ...rest } = req.body;
    const { entry, created } = scanId ? await services().scans.links.register({ ...rest, scanId }, writer(req)) : await registers().registerIncoming(rest, writer(req));
    return { status: created ? 201 : 200, body: entry, headers: { etag: `"${entry.version}"` } };
  },
  listIncomingEntries: async (req) => {
    const { overdue, year, ...q } = req.query;
    return registers().listIncoming({ ...q, year: year ?? thisYear(), ...(overdue ? { overdue: overdue === 'true' } : {}) }, req.caller);
  },
  getIncomingEntry: async (req) => withEtag(await registers().getIncoming(req.params.id, req.caller)),
  updateIncomingEntry: async (req) => {
    const { version, ...patch } = req.body;
    return withEtag(await registers().updateIncoming(req.params.id, patch, requiredVersion(version, req.headers['if-match']), writer(req)));
  },
  createOutgoingEntry: async (req) => {
    const { entry } = await registers().allocateOutgoing(req.body, writer(req));
    return { status: 201, body: entry, headers: { etag: `"${entry.version}"` } };
  },
  listOutgoingEntries: async (req) => registers().listOutgoing({ ...req.query, year: req.query.year ?? thisYear() }, req.caller),
  getOutgoingEntry: async (req) => withEtag(await registers().getOutgoing(req.params.id, req.caller)),
  voidOutgoingEntry: async (req) => {
    const version = requiredVersion(req.body.version, req.headers['if-match']);
    return withEtag(await registers().voidOutgoing(req.params.id, req.body.reason, version, writer(req)));
  },
  getRegisterCounts: async (req) => registers().counts(req.params.register, req.query.year ?? thisYear(), req.caller),
});
