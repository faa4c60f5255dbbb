/** The registers' operations (operationId → use case), for functions/registers.ts and functions/exports.ts. */
import type { ApiRequest, Operation } from '../platform/http/types';
import type { Clock } from '../platform/clock';
import { arrivalYear, type DomainConfig } from '../office';
import { requiredVersion, withEtag } from '../platform/http/versions';
import type { Registers } from './app/registers';
import type { WriteContext, WriteResult } from './app/types';
import type { IncomingInput, RegisterName } from './domain/model';
import type { IncomingEntryView } from './domain/incoming';
import { printableRegister } from './domain/printable';
import { registerCsv, registerXlsx } from './adapters/register-export';
import { CSV_TYPE, XLSX_TYPE, attachment } from '../platform/http/attachments';

export interface RegistersHttpParts {
  registers: Registers;
  /** Registration naming a scan (checked, secrecy at least what OCR read, one transaction): the scans module's ScanLinker. */
  links: { register(input: IncomingInput & { scanId: string }, ctx: WriteContext): Promise<WriteResult<IncomingEntryView>> };
  clock: Clock;
  office: () => DomainConfig;
  /** The signed PDF of an outgoing entry (the documents module's IssuedDocuments). */
  documents?: { pdfOf(entry: OutgoingEntryView, ctx: { actor: ApiRequest['caller']; requestId?: string }): Promise<{ bytes: Uint8Array }> };
  /** The leader's instruction on an incoming entry, as far as the caller may see it (the assignments module's). */
  instructions?: { of(entryId: string, caller: ApiRequest['caller']): Promise<unknown> };
}
type OutgoingEntryView = Awaited<ReturnType<Registers['getOutgoing']>>;

const writer = (req: ApiRequest): WriteContext => ({ actor: req.caller, requestId: req.requestId });

export function registersOperations({ registers, links, clock, office, documents, instructions }: RegistersHttpParts): Record<string, Operation> {
  const thisYear = () => arrivalYear(clock.now(), office().office.timeZone);
  return {
    createIncomingEntry: async (req) => {
      const { scanId, ...rest } = req.body;
      const { entry, created } = scanId ? await links.register({ ...rest, scanId }, writer(req)) : await registers.registerIncoming(rest, writer(req));
      return { status: created ? 201 : 200, body: entry, headers: { etag: `"${entry.version}"` } };
    },
    listIncomingEntries: async (req) => {
      const { overdue, year, ...q } = req.query;
      const page = await registers.listIncoming({ ...q, year: year ?? thisYear(), ...(overdue ? { overdue: overdue === 'true' } : {}) }, req.caller);
      return page;
    },
    getIncomingEntry: async (req) => {
      const entry = await registers.getIncoming(req.params.id, req.caller);
      return withEtag(instructions ? { ...entry, instruction: await instructions.of(entry.id, req.caller) } : entry);
    },
    updateIncomingEntry: async (req) => {
      const { version, ...patch } = req.body;
      return withEtag(await registers.updateIncoming(req.params.id, patch, requiredVersion(version, req.headers['if-match']), writer(req)));
    },
    createOutgoingEntry: async (req) => {
      const { entry } = await registers.allocateOutgoing(req.body, writer(req));
      return { status: 201, body: entry, headers: { etag: `"${entry.version}"` } };
    },
    listOutgoingEntries: async (req) => registers.listOutgoing({ ...req.query, year: req.query.year ?? thisYear() }, req.caller),
    getOutgoingEntry: async (req) => withEtag(await registers.getOutgoing(req.params.id, req.caller)),
    getOutgoingDocument: async (req) => {
      const entry = await registers.getOutgoing(req.params.id, req.caller);
      if (!documents) throw new Error('no documents part in this composition');
      const { bytes } = await documents.pdfOf(entry, { actor: req.caller, requestId: req.requestId });
      return { status: 200, binary: bytes, headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${entry.numberSymbol.replace(/[^A-Za-z0-9-]/g, '_')}.pdf"` } };
    },
    voidOutgoingEntry: async (req) => {
      const version = requiredVersion(req.body.version, req.headers['if-match']);
      return withEtag(await registers.voidOutgoing(req.params.id, req.body.reason, version, writer(req)));
    },
    getRegisterCounts: async (req) => {
      const { year, ...days } = req.query;
      return registers.counts(req.params.register, year ?? thisYear(), req.caller, days);
    },
  };
}


/** The printable register (sổ văn bản đến/đi), XLSX or CSV. */
export function exportRegisterOperation({ registers, clock, office }: Omit<RegistersHttpParts, 'links'>): Operation {
  return async (req) => {
    const register = req.params.register as RegisterName;
    const year: number = req.query.year ?? arrivalYear(clock.now(), office().office.timeZone);
    const entries = await registers.allEntries(register, year, req.caller);
    const sheets = printableRegister(register, year, entries, office());
    const name = `so-van-ban-${register === 'incoming' ? 'den' : 'di'}-${year}`;
    if (req.query.format === 'csv') {
      return { status: 200, body: registerCsv(sheets, register === 'incoming' ? { bookColumn: 'Sổ' } : {}), headers: attachment(`${name}.csv`, CSV_TYPE) };
    }
    return { status: 200, binary: await registerXlsx(sheets), headers: attachment(`${name}.xlsx`, XLSX_TYPE) };
  };
}
