/** Scans: upload URL, the scan with what OCR read, and its registration in the sổ văn bản đến. */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler } from '../shared/platform/lambda';
import { basics, registersOf, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { scansModule } from '../shared/scans/index';
import { scansOperations } from '../shared/scans/http';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit, auth } = basics(edge);
  const registers = registersOf(platform, audit, given);
  const scans = given.scans ?? scansModule(platform, { audit, registers }).scans;
  return apiHandler('scans', scansOperations({ scans }), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
