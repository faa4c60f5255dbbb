/** The registers: sổ văn bản đến and sổ văn bản đi and their entries (the printable export is in functions/exports.ts). */
import { apiHandler } from '../shared/platform/http/api-handler';
import { lazyHandler } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { registersModule } from '../shared/registers/index';
import { registersOperations } from '../shared/registers/http';
import { scansModule } from '../shared/scans/index';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit, auth } = basics(edge);
  const office = () => given.office ?? officeConfig();
  const registers = given.registers ?? registersModule(platform, { audit, office });
  // Naming a scan links it (checked, secrecy at least what OCR read, one transaction): see ScanLinker.
  const { scans } = given.scans ? { scans: given.scans } : scansModule(platform, { audit, registers });
  return apiHandler('registers', registersOperations({ registers, links: scans.links, clock: platform.clock, office }), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
