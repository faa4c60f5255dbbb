/** Scans: upload URL, the scan with what OCR read, and its registration in the sổ văn bản đến. */
import { apiHandler } from '../shared/platform/http/api-handler';
import { services } from '../shared/composition';

export const handler = apiHandler('scans', {
  createScan: async (req) => ({ status: 201, body: await services().scans.createUpload(req.body, req.caller) }),
  getScan: async (req) => services().scans.view(req.params.scanId, req.caller),
  registerScan: async (req) => {
    const { entry, created } = await services().scans.register(req.params.scanId, req.body, { actor: req.caller, requestId: req.requestId });
    return { status: created ? 201 : 200, body: entry, headers: { etag: `"${entry.version}"` } };
  },
});
