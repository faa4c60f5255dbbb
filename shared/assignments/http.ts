/** The assignments' operations (operationId → use case), for functions/assignments.ts. */
import type { ApiRequest, Operation } from '../platform/http/types';
import { ifMatchVersion, withEtag } from '../platform/http/versions';
import { XLSX_TYPE, attachment } from '../platform/http/attachments';
import { registerXlsx } from '../registers';
import type { DomainConfig } from '../office';
import type { Assignments } from './app/index';
import { followUpBook } from './domain/book';

const ctx = (req: ApiRequest<{ version?: number } | undefined>) => ({
  caller: req.caller,
  requestId: req.requestId,
  version: req.body?.version ?? ifMatchVersion(req.headers['if-match']),
});

export function assignmentsOperations(a: Assignments, office: () => DomainConfig): Record<string, Operation> {
  const { service, queries } = a;
  return {
    instructIncomingEntry: async (req) => ({ status: 201, body: await service.instruct(req.params.id, req.body, ctx(req)) }),
    createAssignment: async (req) => withEtag(await service.create(req.body, ctx(req)), 201),
    createConclusionAssignments: async (req) => ({ status: 201, body: await service.createFromConclusion(req.body, ctx(req)) }),
    listAssignments: async (req) => {
      const { overdue, ...q } = req.query;
      return queries.list(req.caller, { ...q, ...(overdue ? { overdue: overdue === 'true' } : {}) });
    },
    getAssignmentStats: async (req) => queries.stats(req.caller, req.query),
    listOverdueAssignments: async (req) => queries.overdue(req.caller),
    exportFollowUpBook: async (req) => {
      const { period, items, replies } = await queries.book(req.caller, req.query.period);
      const sheet = followUpBook(items, { periodLabel: period.label, officeName: office().office.name, replies });
      return { status: 200, binary: await registerXlsx([sheet]), headers: attachment(`so-theo-doi-giai-quyet-${period.text}.xlsx`, XLSX_TYPE) };
    },
    runAssignmentReminders: async () => a.reminders.run(),
    getAssignment: async (req) => withEtag(await queries.get(req.caller, req.params.id)),
    addAssignmentProgress: async (req) => withEtag(await service.progress(req.params.id, req.body.note, ctx(req))),
    completeAssignment: async (req) => withEtag(await service.complete(req.params.id, req.body, ctx(req))),
    askAssignmentExtension: async (req) => withEtag(await service.askExtension(req.params.id, req.body, ctx(req))),
    decideAssignmentExtension: async (req) => withEtag(await service.decideExtension(req.params.id, req.body.grant, ctx(req))),
    reassignAssignment: async (req) => withEtag(await service.reassign(req.params.id, req.body, ctx(req))),
  };
}
