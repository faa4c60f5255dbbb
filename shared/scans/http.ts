/** The scans' operations (operationId → use case), for functions/scans.ts. */
import type { Operation } from '../platform/http/types';
import type { ScanService } from './app/scan-service';

export function scansOperations({ scans }: { scans: ScanService }): Record<string, Operation> {
  return {
    createScan: async (req) => ({ status: 201, body: await scans.createUpload(req.body, req.caller) }),
    getScan: async (req) => scans.view(req.params.scanId, req.caller),
    getScanOriginal: async (req) => scans.original(req.params.scanId, req.caller, req.requestId),
    registerScan: async (req) => {
      const { entry, created } = await scans.register(req.params.scanId, req.body, { actor: req.caller, requestId: req.requestId });
      return { status: created ? 201 : 200, body: entry, headers: { etag: `"${entry.version}"` } };
    },
  };
}
