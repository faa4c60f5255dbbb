/** The drafts' operations (operationId → use case) for functions/drafts.ts; the steps are DraftService's (shared/drafts/app). */
import type { ApiRequest, Operation } from '../platform/http/types';
import type { DraftService } from './app/draft-service';
import type { DecisionInput } from './domain/rules';
import type { DraftInput, DraftStatus } from './domain/model';

type IdParams = { id: string };

export function draftsOperations(drafts: DraftService): Record<string, Operation> {
  return {
    createDraft: async (req: ApiRequest<DraftInput>) => drafts.submit(req.caller, req.body, req.requestId),
    getDraft: async (req: ApiRequest<unknown, unknown, IdParams>) => drafts.get(req.caller, req.params.id),
    decideDraft: async (req: ApiRequest<DecisionInput, unknown, IdParams>) => drafts.decide(req.caller, req.params.id, req.body, req.requestId),
    listDrafts: async (req: ApiRequest<unknown, { status?: DraftStatus; limit: number; cursor?: string }>) => drafts.list(req.caller, req.query),
    countDrafts: async (req: ApiRequest) => drafts.counts(req.caller),
    listTasks: async (req: ApiRequest<unknown, { limit: number; cursor?: string }>) => drafts.tasks(req.caller, req.query),
  };
}
