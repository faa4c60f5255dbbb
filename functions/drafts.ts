/**
 * Drafts API: submit a draft (starts its workflow), read it, decide its pending step (answers
 * the waiting task token), and list the caller's tasks. The use cases are shared/drafts/app.
 */
import { apiHandler } from '../shared/platform/http/api-handler';
import { services } from '../shared/composition';
import { DraftService, type DecisionInput, type DraftInput } from '../shared/drafts/index';
import type { ApiRequest } from '../shared/platform/http/types';

type IdParams = { id: string };

let app: DraftService | undefined;
// The clock is read through services() on every call: tests and the embedded clock hook replace it.
const drafts = () =>
  (app ??= new DraftService({ drafts: services().drafts, workflow: services().workflow, clock: { now: () => services().clock.now() }, config: () => services().domainConfig }));

export const handler = apiHandler('drafts', {
  createDraft: async (req: ApiRequest<DraftInput>) => drafts().submit(req.caller, req.body, req.requestId),
  getDraft: async (req: ApiRequest<unknown, unknown, IdParams>) => drafts().get(req.caller, req.params.id),
  decideDraft: async (req: ApiRequest<DecisionInput, unknown, IdParams>) => drafts().decide(req.caller, req.params.id, req.body, req.requestId),
  listTasks: async (req: ApiRequest<unknown, { limit: number; cursor?: string }>) => drafts().tasks(req.caller, req.query),
});
