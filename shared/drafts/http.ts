/** The drafts' operations (operationId → use case) for functions/drafts.ts; the steps are DraftService's (shared/drafts/app). */
import type { ApiRequest, Operation } from '../platform/http/types';
import type { DraftService } from './app/draft-service';
import type { DecisionInput } from './domain/rules';
import type { DraftInput } from './domain/model';

type IdParams = { id: string };

export function draftsOperations(drafts: DraftService): Record<string, Operation> {
  return {
    createDraft: async (req: ApiRequest<DraftInput>) => drafts.submit(req.caller, req.body, req.requestId),
    getDraft: async (req: ApiRequest<unknown, unknown, IdParams>) => drafts.get(req.caller, req.params.id),
    decideDraft: async (req: ApiRequest<DecisionInput, unknown, IdParams>) => drafts.decide(req.caller, req.params.id, req.body, req.requestId),
    listTasks: async (req: ApiRequest<unknown, { limit: number; cursor?: string }>) => drafts.tasks(req.caller, req.query),
  };
}
