/** The search operation, for functions/search.ts: the caller's clearance bounds what is read. */
import type { Operation } from '../platform/http/types';
import type { SearchIndex } from './ports/search-index';

export function searchOperations({ index }: { index: () => SearchIndex }): Record<string, Operation> {
  return {
    search: async (req) => index().search({ ...req.query, clearance: req.caller.clearance }),
  };
}
