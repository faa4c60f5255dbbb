/**
 * Drafts API: submit a draft (starts its workflow), read it, decide its pending step (answers
 * the waiting task token), and list the caller's tasks. The use cases are shared/drafts/app.
 */
import { apiHandler } from '../shared/platform/http/api-handler';
import { services } from '../shared/composition';
import type { DraftInput } from '../shared/drafts/domain/model';
import type { DecisionInput } from '../shared/drafts/domain/rules';
import type { ApiRequest } from '../shared/platform/http/types';

type IdParams = { id: string };
const drafts = () => services().draftsApp.drafts;

export const handler = apiHandler('drafts', {
  createDraft: async (req: ApiRequest<DraftInput>) => drafts().submit(req.caller, req.body, req.requestId),
  getDraft: async (req: ApiRequest<unknown, unknown, IdParams>) => drafts().get(req.caller, req.params.id),
  decideDraft: async (req: ApiRequest<DecisionInput, unknown, IdParams>) => drafts().decide(req.caller, req.params.id, req.body, req.requestId),
  listTasks: async (req: ApiRequest<unknown, { limit: number; cursor?: string }>) => drafts().tasks(req.caller, req.query),
});
