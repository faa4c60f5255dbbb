/** The drafts' operations (operationId → use case) for functions/drafts.ts; the steps are DraftService's (shared/drafts/app). */
import type { ApiRequest, Operation } from '../platform/http/types';
import type { Caller } from '../platform/security';
import { decodePositionCursor, encodePositionCursor } from '../platform/aws/cursor';
import type { DraftService } from './app/draft-service';
import type { DecisionInput } from './domain/rules';
import type { DraftInput, DraftStatus } from './domain/model';

type IdParams = { id: string };
type ListQ = { limit: number; cursor?: string };

/** Other work of the caller that GET /v1/tasks lists beside the drafts' steps (the open assignments), each with its `source`. */
export type OtherWork = (caller: Caller) => Promise<({ source: string; dueAt: string } & Record<string, unknown>)[]>;

export function draftsOperations(drafts: DraftService, otherWork?: OtherWork): Record<string, Operation> {
  return {
    createDraft: async (req: ApiRequest<DraftInput>) => drafts.submit(req.caller, req.body, req.requestId),
    getDraft: async (req: ApiRequest<unknown, unknown, IdParams>) => drafts.get(req.caller, req.params.id),
    decideDraft: async (req: ApiRequest<DecisionInput, unknown, IdParams>) => drafts.decide(req.caller, req.params.id, req.body, req.requestId),
    listDrafts: async (req: ApiRequest<unknown, { status?: DraftStatus; limit: number; cursor?: string }>) => drafts.list(req.caller, req.query),
    countDrafts: async (req: ApiRequest) => drafts.counts(req.caller),
    listTasks: async (req: ApiRequest<unknown, ListQ>) => {
      // Every step of the caller (the drafts' list is bounded), then the other work, merged by due time and paged here.
      const steps = [];
      let cursor: string | undefined;
      do {
        const page = await drafts.tasks(req.caller, { limit: 200, ...(cursor ? { cursor } : {}) });
        steps.push(...page.items.map((t) => ({ ...t, source: 'draft' as const })));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const others = otherWork ? await otherWork(req.caller) : [];
      const items = [...steps, ...others].sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
      const offset = decodePositionCursor(req.query.cursor);
      const page = items.slice(offset, offset + req.query.limit);
      return { items: page, nextCursor: encodePositionCursor(offset + page.length, items.length) };
    },
  };
}
