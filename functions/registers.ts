/** The registers: sổ văn bản đến and sổ văn bản đi, their entries and the printable export. */
import { apiHandler } from '../shared/http/api-handler';
import type { ApiRequest } from '../shared/http/types';
import { services } from '../shared/composition';
import { ValidationError } from '../shared/domain/errors';
import { arrivalYear } from '../shared/domain/numbering';
import { printableRegister } from '../shared/domain/registers/printable';
import type { RegisterName } from '../shared/domain/registers/model';
import { CSV_TYPE, XLSX_TYPE, registerCsv, registerXlsx } from '../shared/adapters/export/register-export';
import type { WriteContext } from '../shared/ports/register-store';

const registers = () => services().registers;
const thisYear = () => arrivalYear(services().clock.now(), services().domainConfig.office.timeZone);
const writer = (req: ApiRequest): WriteContext => ({ actor: req.caller, requestId: req.requestId });
const withEtag = <E extends { version: number }>(entry: E) => ({ status: 200, body: entry, headers: { etag: `"${entry.version}"` } });

export const handler = apiHandler('registers', {
  createIncomingEntry: async (req) => {
    const { entry, created } = await registers().registerIncoming(req.body, writer(req));
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
    const version = req.body.version ?? optionalVersion(req.headers['if-match']);
    return withEtag(await registers().voidOutgoing(req.params.id, req.body.reason, version, writer(req)));
  },
  exportRegister: async (req) => {
    const register = req.params.register as RegisterName;
    const year: number = req.query.year ?? thisYear();
    const entries = await registers().allEntries(register, year, req.caller);
    const sheets = printableRegister(register, year, entries, services().domainConfig);
    const name = `so-van-ban-${register === 'incoming' ? 'den' : 'di'}-${year}`;
    if (req.query.format === 'csv') {
      const body = registerCsv(sheets, register === 'incoming' ? { bookColumn: 'Sổ' } : {});
      return { status: 200, body, headers: { 'content-type': CSV_TYPE, 'content-disposition': `attachment; filename="${name}.csv"` } };
    }
    return { status: 200, binary: await registerXlsx(sheets), headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${name}.xlsx"` } };
  },
  getRegisterCounts: async (req) => registers().counts(req.params.register, req.query.year ?? thisYear(), req.caller),
});

/** The version an update is made from: the `version` field, else the If-Match header (`"3"`, `W/"3"` or `3`). */
function requiredVersion(field: number | undefined, ifMatch: string | undefined): number {
  const v = field ?? optionalVersion(ifMatch);
  if (v === undefined) throw new ValidationError('version is required: send the entry\'s version in the body or an If-Match header', [{ path: 'body.version', message: 'required' }], 'VERSION_REQUIRED');
  return v;
}

function optionalVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!m) throw new ValidationError('If-Match must be the entry\'s version, e.g. "3"', [{ path: 'headers.if-match', message: 'not a version' }]);
  return Number(m[1]);
}
