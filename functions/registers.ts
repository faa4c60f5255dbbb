/** The registers: sổ văn bản đến and sổ văn bản đi and their entries (the printable export is in functions/exports.ts). */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler, once } from '../shared/platform/lambda';
import { basics, registersOf, type Edge, type Given } from '../shared/edge/compose';
import { issuedDocumentsOf } from '../shared/edge/exchange';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { registersOperations, type RegistersHttpParts } from '../shared/registers/http';
import { scansModule } from '../shared/scans/index';
import { assignmentsModule } from '../shared/assignments/index';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit, auth } = basics(edge);
  const office = () => given.office ?? officeConfig();
  const registers = registersOf(platform, audit, given);
  // Naming a scan links it (checked, secrecy at least what OCR read, one transaction): see ScanLinker.
  const scans = once(() => given.scans ?? scansModule(platform, { audit, registers }).scans);
  const links = { register: (...a: Parameters<RegistersHttpParts['links']['register']>) => scans().links.register(...a) };
  // Issued documents: rendered and signed with the office key on first request, kept in S3; the text from the draft issued.
  const documents = once(() => issuedDocumentsOf(platform, audit, office));
  const pdfOf: NonNullable<RegistersHttpParts['documents']>['pdfOf'] = (entry, ctx) => documents().pdfOf(entry, ctx);
  // The leader's instruction on a letter is shown on its entry (the assignments module keeps it).
  const assignments = once(() => assignmentsModule(platform, { audit, office, registers: () => registers, users: () => edge.users(platform, audit), notifier: (o) => edge.notifier(o, platform.clock) }));
  const instructions: RegistersHttpParts['instructions'] = { of: (id, caller) => assignments().queries.instructionOf(id, caller) };
  return apiHandler('registers', registersOperations({ registers, links, clock: platform.clock, office, documents: { pdfOf }, instructions }), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
