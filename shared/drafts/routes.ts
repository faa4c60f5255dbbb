/** Draft routes: submission, appraisal (thẩm định) and approval (phê duyệt) decisions, and the caller's tasks. */
import * as z from 'zod';
import { URGENCY_LEVELS, WORKFLOW_STEPS } from '../office';
import { DECISIONS, DRAFT_LIMITS, DRAFT_STATUSES } from './domain/model';
import { ROLES } from '../platform/security';
import { SECRECY_LEVELS } from '../registers/model';
import { AssignmentTaskView } from '../assignments/schemas';
import { defineRoute } from '../platform/http/route';
import { Id, ListQuery, listOf } from '../platform/http/schemas';

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });
const Body = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(DRAFT_LIMITS.body, { error: `must be at most ${DRAFT_LIMITS.body} characters` })
  .refine((s) => s.trim() !== '', { error: 'must not be blank' });
const Step = z.enum(WORKFLOW_STEPS, { error: `must be one of ${WORKFLOW_STEPS.join(', ')}` });
const Actor = z.object({ sub: z.string(), username: z.string() });

export const DraftCreate = z
  .strictObject({
    typeCode: text(10).meta({ description: 'Document type code from the configuration (NQ, CT, QĐ…)' }),
    issuerCode: text(40).meta({ description: 'Issuing body: code printed after "/" (TU) or body id (tu-btv)' }),
    subject: text(DRAFT_LIMITS.subject).meta({ description: 'Trích yếu' }),
    body: Body.meta({ description: 'The full text of the draft (dự thảo), with its header, signature block and "Nơi nhận:"' }),
    recipients: z.array(text(DRAFT_LIMITS.recipient)).max(DRAFT_LIMITS.recipients).default([]).meta({ description: 'Nơi nhận' }),
    dossier: z
      .array(
        z.union([
          z.strictObject({ kind: text(64).meta({ description: 'Dossier kind id (to-trinh, du-thao, …) or a name' }), name: text(300).optional() }),
          text(64).transform((kind) => ({ kind })),
        ]),
      )
      .max(DRAFT_LIMITS.dossier)
      .default([])
      .meta({ description: 'Hồ sơ trình: what accompanies the draft (tờ trình, dự thảo, báo cáo tiếp thu…)' }),
    signingForm: text(20).nullable().optional().meta({ description: 'Thể thức đề ký (T/M, K/T, T/L, T/UQ, direct); read from the text when absent' }),
    signerTitle: text(100).nullable().optional().meta({ description: 'Chức vụ of the signer; read from the text when absent' }),
    secrecy: z.enum(SECRECY_LEVELS).nullable().default(null),
    urgency: z.enum(URGENCY_LEVELS).nullable().default(null),
  })
  .meta({ id: 'DraftCreate' });

export const DecisionCreate = z
  .strictObject({
    step: Step,
    decision: z.enum(DECISIONS, { error: `must be one of ${DECISIONS.join(', ')}` }).meta({
      description: 'approve (for a revision: resubmit), return (for revision), reject (for a revision: withdraw)',
    }),
    comment: z.string().trim().max(DRAFT_LIMITS.comment).nullable().optional().meta({ description: 'Ý kiến; required to return or reject' }),
    body: Body.nullable().optional().meta({ description: 'The revised text (revision), or format fixes made at appraisal' }),
  })
  .meta({ id: 'DecisionCreate' });

const Finding = z.object({ code: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), field: z.string().optional() });

export const PendingTaskView = z
  .object({
    step: Step,
    role: z.enum(ROLES),
    dept: z.string().optional(),
    dueAt: z.string(),
    since: z.string(),
    escalated: z.boolean(),
    escalatedTo: z.enum(ROLES).optional(),
    round: z.number(),
  })
  .meta({ id: 'PendingTask' });

export const DraftView = z
  .object({
    id: z.string(),
    status: z.enum(DRAFT_STATUSES),
    typeCode: z.string(),
    issuerCode: z.string(),
    subject: z.string(),
    body: z.string(),
    recipients: z.array(z.string()),
    dossier: z.array(z.object({ kind: z.string(), name: z.string().optional() })),
    signingForm: z.string().nullable(),
    signerTitle: z.string().nullable(),
    secrecy: z.enum(SECRECY_LEVELS).nullable(),
    urgency: z.enum(URGENCY_LEVELS).nullable(),
    dept: z.string().nullable(),
    round: z.number(),
    precheck: z.object({ findings: z.array(Finding), ok: z.boolean(), at: z.string(), round: z.number() }).nullable(),
    pendingTask: PendingTaskView.nullable(),
    history: z.array(
      z.object({
        at: z.string(),
        step: z.string(),
        actor: Actor,
        round: z.number(),
        decision: z.enum(DECISIONS).optional(),
        comment: z.string().optional(),
        bodyChanged: z.boolean().optional(),
        findings: z.object({ error: z.number(), warning: z.number(), info: z.number() }).optional(),
        escalatedTo: z.string().optional(),
        dueAt: z.string().optional(),
        numberSymbol: z.string().optional(),
      }),
    ),
    numberSymbol: z.string().optional(),
    outgoingEntryId: z.string().optional(),
    version: z.number(),
    createdAt: z.string(),
    createdBy: Actor,
    updatedAt: z.string(),
  })
  .meta({ id: 'Draft' });

export const TaskView = z
  .object({
    draftId: z.string(),
    step: Step,
    role: z.enum(ROLES),
    dept: z.string().optional(),
    dueAt: z.string(),
    overdue: z.boolean(),
    escalated: z.boolean(),
    /** act: the caller decides it; follow-up: escalated to the caller, who chases it (đôn đốc). */
    kind: z.enum(['act', 'follow-up']),
    subject: z.string(),
    typeCode: z.string(),
    issuerCode: z.string(),
    round: z.number(),
    source: z.literal('draft').meta({ description: "A draft's step (the open assignments of the caller are listed too, with source `assignment`)" }),
  })
  .meta({ id: 'Task' });

/** What GET /v1/tasks lists: the drafts' steps and the caller's open assignments, earliest due first. */
export const WorkItemView = z.discriminatedUnion('source', [TaskView, AssignmentTaskView]).meta({ id: 'WorkItem' });

export const DraftSummaryView = DraftView.pick({
  id: true,
  status: true,
  typeCode: true,
  issuerCode: true,
  subject: true,
  secrecy: true,
  urgency: true,
  dept: true,
  round: true,
  pendingTask: true,
  numberSymbol: true,
  createdAt: true,
  createdBy: true,
  updatedAt: true,
  version: true,
}).meta({ id: 'DraftSummary' });

const DraftListQuery = ListQuery.extend({
  status: z.enum(DRAFT_STATUSES, { error: `must be one of ${DRAFT_STATUSES.join(', ')}` }).optional(),
});

const openCount = z.number().int().min(0);
export const DraftCountsView = z
  .object({
    byStatus: z.object({ precheck: openCount, appraisal: openCount, revision: openCount, approval: openCount }),
    waiting: openCount.meta({ description: 'Drafts waiting for a step (the sum of byStatus)' }),
  })
  .meta({ id: 'DraftCounts' });

const IdParams = z.object({ id: Id });
const tags = ['drafts'];

export const draftRoutes = [
  defineRoute({
    operationId: 'createDraft',
    method: 'POST',
    path: '/v1/drafts',
    fn: 'drafts',
    auth: 'user',
    roles: ['ban-tham-muu'],
    summary: 'Submit a draft (dự thảo): the precheck runs and the appraisal workflow starts',
    tags,
    idempotent: true,
    request: { body: DraftCreate },
    responses: { 201: { description: 'Submitted; the workflow has started', schema: DraftView } },
  }),
  defineRoute({
    operationId: 'listDrafts',
    method: 'GET',
    path: '/v1/drafts',
    fn: 'drafts',
    auth: 'user',
    summary:
      'The drafts the caller may see, newest first: office roles every draft their clearance covers, a drafting department its own (within its clearance); ?status= one status',
    tags,
    request: { query: DraftListQuery },
    responses: { 200: { description: 'Drafts', schema: listOf(DraftSummaryView) } },
  }),
  defineRoute({
    operationId: 'countDrafts',
    method: 'GET',
    path: '/v1/drafts/counts',
    fn: 'drafts',
    auth: 'user',
    summary: 'How many of the drafts the caller may see wait in each open status (precheck, appraisal, revision, approval)',
    tags,
    responses: { 200: { description: 'Counts', schema: DraftCountsView } },
  }),
  defineRoute({
    operationId: 'getDraft',
    method: 'GET',
    path: '/v1/drafts/{id}',
    fn: 'drafts',
    auth: 'user',
    summary: 'A draft with its precheck findings, pending task (with due time) and history of steps',
    tags,
    request: { params: IdParams },
    responses: { 200: { description: 'The draft', schema: DraftView } },
  }),
  defineRoute({
    operationId: 'decideDraft',
    method: 'POST',
    path: '/v1/drafts/{id}/decisions',
    fn: 'drafts',
    auth: 'user',
    summary: 'Decide the pending step: approve, return for revision, or reject (revision: resubmit or withdraw)',
    tags,
    request: { params: IdParams, body: DecisionCreate },
    responses: { 200: { description: 'Decided; the workflow moves on', schema: DraftView } },
  }),
  defineRoute({
    operationId: 'listTasks',
    method: 'GET',
    path: '/v1/tasks',
    fn: 'drafts',
    auth: 'user',
    summary: "The caller's pending human steps (and, for the escalation role, overdue steps to chase) and open assignments, earliest due first",
    tags,
    request: { query: ListQuery },
    responses: { 200: { description: 'Tasks: drafts’ steps (source draft) and assignments (source assignment)', schema: listOf(WorkItemView) } },
  }),
];
