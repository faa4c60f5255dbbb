/** Assignment routes (giao việc, theo dõi, nhắc việc, đánh giá); their schemas are ./schemas.ts. Fixed paths come before `{id}`. */
import * as z from 'zod';
import { OFFICE_ROLES, type Role } from '../platform/security';
import { defineRoute, type Route } from '../platform/http/route';
import { ETAG_HEADERS, FILE_HEADERS, Id, listOf } from '../platform/http/schemas';
import * as s from './schemas';

const LEADERS: readonly Role[] = ['lanh-dao-vp', 'thuong-truc'];
const READERS: readonly Role[] = [...OFFICE_ROLES, 'ban-tham-muu'];
const tags = ['assignments'];
const IdParams = z.object({ id: Id });
const one = (description: string) => ({ 200: { description, schema: s.AssignmentView, headers: ETAG_HEADERS } });
const base = { fn: 'assignments', auth: 'user', tags } as const;

export const assignmentRoutes: Route[] = [
  defineRoute({
    ...base,
    operationId: 'instructIncomingEntry',
    method: 'POST',
    path: '/v1/registers/incoming/entries/{id}/instruction',
    roles: LEADERS,
    idempotent: true,
    summary: "The leader's instruction on a letter (ý kiến chỉ đạo): one assignment for the lead (chủ trì), one per co-operating unit (phối hợp)",
    request: { params: IdParams, body: s.InstructionBody },
    responses: { 201: { description: 'The instruction and the assignments made', schema: s.InstructionResult } },
  }),
  defineRoute({
    ...base,
    operationId: 'createAssignment',
    method: 'POST',
    path: '/v1/assignments',
    roles: LEADERS,
    idempotent: true,
    summary: 'Give work by hand, from an item of a conclusion, or from a letter',
    request: { body: s.NewAssignmentBody },
    responses: { 201: { description: 'The assignment', schema: s.AssignmentView, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    ...base,
    operationId: 'listAssignments',
    method: 'GET',
    path: '/v1/assignments',
    roles: READERS,
    summary: 'Assignments the caller may see, earliest due first (without assignee: those given since the start of last year, or from/to)',
    request: { query: s.AssignmentListQuery },
    responses: { 200: { description: 'Assignments', schema: listOf(s.AssignmentView) } },
  }),
  defineRoute({
    ...base,
    operationId: 'getAssignmentStats',
    method: 'GET',
    path: '/v1/assignments/stats',
    roles: OFFICE_ROLES,
    summary: 'Đánh giá: of the work given in a period, per person or department: assigned, done on time, done late, open (overdue included), overdue, extensions granted',
    request: { query: s.StatsQuery },
    responses: { 200: { description: 'One line per assignee (by=user) or department (by=dept)', schema: s.StatsView } },
  }),
  defineRoute({
    ...base,
    operationId: 'listOverdueAssignments',
    method: 'GET',
    path: '/v1/assignments/overdue',
    roles: [...LEADERS, 'van-thu'],
    summary: 'Overdue work by department, for the leaders (việc quá hạn)',
    responses: { 200: { description: 'Departments with their overdue assignments, most first', schema: s.OverdueView } },
  }),
  defineRoute({
    ...base,
    operationId: 'exportFollowUpBook',
    method: 'GET',
    path: '/v1/assignments/export',
    roles: OFFICE_ROLES,
    summary: 'The printable sổ theo dõi giải quyết văn bản đến of a period (XLSX), as far as the caller’s clearance reaches',
    request: { query: s.BookQuery },
    responses: {
      200: { description: 'The book', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', schema: z.string().meta({ format: 'binary' }), headers: FILE_HEADERS },
    },
  }),
  defineRoute({
    ...base,
    operationId: 'runAssignmentReminders',
    method: 'POST',
    path: '/v1/assignments/reminders/run',
    roles: ['admin'],
    summary: 'Run the reminder job now (it also runs on its schedule); each reminder goes out once',
    responses: { 200: { description: 'What the run did', schema: s.ReminderRunView } },
  }),
  defineRoute({
    ...base,
    operationId: 'getAssignment',
    method: 'GET',
    path: '/v1/assignments/{id}',
    roles: READERS,
    summary: 'One assignment with its history, reminders and the other assignments of its instruction (404 above your clearance)',
    request: { params: IdParams },
    responses: { 200: { description: 'The assignment', schema: s.AssignmentDetail, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    ...base,
    operationId: 'addAssignmentProgress',
    method: 'POST',
    path: '/v1/assignments/{id}/progress',
    roles: READERS,
    ifMatch: true,
    summary: 'A progress note (tiến độ) by the assignee or a leader',
    request: { params: IdParams, body: s.ProgressBody },
    responses: one('The assignment, next version'),
  }),
  defineRoute({
    ...base,
    operationId: 'completeAssignment',
    method: 'POST',
    path: '/v1/assignments/{id}/complete',
    roles: READERS,
    ifMatch: true,
    summary: 'Done, with its result and the outgoing entry that answers, if any',
    request: { params: IdParams, body: s.CompleteBody },
    responses: one('The assignment, done'),
  }),
  defineRoute({
    ...base,
    operationId: 'askAssignmentExtension',
    method: 'POST',
    path: '/v1/assignments/{id}/extension',
    roles: READERS,
    ifMatch: true,
    summary: 'The assignee asks for a later due date (xin gia hạn)',
    request: { params: IdParams, body: s.ExtensionBody },
    responses: one('The assignment with the request waiting'),
  }),
  defineRoute({
    ...base,
    operationId: 'decideAssignmentExtension',
    method: 'POST',
    path: '/v1/assignments/{id}/extension/decision',
    roles: LEADERS,
    ifMatch: true,
    summary: 'A leader grants (the due date moves) or refuses the extension asked',
    request: { params: IdParams, body: s.ExtensionDecisionBody },
    responses: one('The assignment after the decision'),
  }),
  defineRoute({
    ...base,
    operationId: 'reassignAssignment',
    method: 'POST',
    path: '/v1/assignments/{id}/reassign',
    roles: LEADERS,
    ifMatch: true,
    summary: 'A leader gives the work to someone else (giao lại)',
    request: { params: IdParams, body: s.ReassignBody },
    responses: one('The assignment, reassigned'),
  }),
];
