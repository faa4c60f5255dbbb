/** The assignments' request and response schemas (zod, also the OpenAPI document's). */
import * as z from 'zod';
import { ListQuery } from '../platform/http/schemas';
import { ASSIGNMENT_STATUSES, EVENT_KINDS, ORIGIN_TYPES } from './domain/model';

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });
const Day = z.iso.date({ error: 'must be a real calendar date YYYY-MM-DD' });
const SecrecyLevel = z.enum(['mat', 'toi-mat', 'tuyet-mat'], { error: 'must be null or one of mat, toi-mat, tuyet-mat' });
const Version = z.number().int().min(1).optional().meta({ description: 'The version this change is made from (or send If-Match); a stale one gets 409' });
const Username = z.string().trim().min(1).max(128).regex(/^[\p{L}\p{N}._@+-]+$/u, { error: 'must be a username' });
const DeptCode = z.string().trim().min(1).max(32).regex(/^[\p{Lu}\p{N}-]+$/u, { error: 'must be a department code in capitals, e.g. BTCTU' });

export const Party = z
  .union([z.strictObject({ user: Username }), z.strictObject({ dept: DeptCode })], { error: 'must be {"user": "<username>"} or {"dept": "<code>"}' })
  .meta({ id: 'AssignmentParty', description: 'A person of the office (username) or a department (code)' });
const PartyWithDue = z.union([z.strictObject({ user: Username, dueDate: Day.optional() }), z.strictObject({ dept: DeptCode, dueDate: Day.optional() })], {
  error: 'must be {"user": "<username>"} or {"dept": "<code>"}, with an optional dueDate',
});

export const InstructionBody = z.strictObject({
  instruction: text(4000).meta({ description: 'Ý kiến chỉ đạo' }),
  lead: PartyWithDue.meta({ description: 'Chủ trì; its dueDate, else the body dueDate, else the letter’s hạn giải quyết (from its urgency and the office calendar)' }),
  cooperating: z.array(PartyWithDue).max(15, { error: 'at most 15 co-operating units' }).optional().meta({ description: 'Phối hợp; each due the configured working days before the lead unless given' }),
  dueDate: Day.optional(),
});

export const NewAssignmentBody = z.strictObject({
  title: text(500),
  origin: z.strictObject({ type: z.enum(ORIGIN_TYPES), ref: text(200).optional().meta({ description: 'letter: the incoming entry id; conclusion: its number-symbol and item' }) }),
  assignee: Party,
  cooperating: z.array(Party).max(15, { error: 'at most 15 co-operating units' }).optional(),
  dueDate: Day,
  secrecy: SecrecyLevel.nullable().optional().meta({ description: "Độ mật; a letter's assignment takes the letter's when higher" }),
  instruction: text(4000).optional(),
});

export const ConclusionBody = z.strictObject({
  conclusion: text(200).meta({ description: 'The conclusion (thông báo kết luận): its number-symbol, e.g. 125-TB/TU; each item becomes `<conclusion> mục <n>`' }),
  secrecy: NewAssignmentBody.shape.secrecy,
  items: z
    .array(NewAssignmentBody.omit({ origin: true, secrecy: true }))
    .min(1, { error: 'a conclusion has at least one item' })
    .max(15, { error: 'at most 15 items (they are stored together)' })
    .meta({ description: 'Each item its own assignment: all are made, or none' }),
});

export const ProgressBody = z.strictObject({ note: text(4000), version: Version });
export const CompleteBody = z.strictObject({ result: text(4000), replyEntryId: text(64).optional().meta({ description: 'The outgoing entry that answers the letter' }), version: Version });
export const ExtensionBody = z.strictObject({ dueDate: Day, reason: text(2000), version: Version });
export const ExtensionDecisionBody = z.strictObject({ grant: z.boolean({ error: 'must be true or false' }), version: Version });
export const ReassignBody = z.strictObject({ assignee: Party, dueDate: Day.optional(), reason: text(2000).optional(), version: Version });

export const AssignmentListQuery = ListQuery.extend({
  assignee: z.string().trim().min(1).max(140).optional().meta({ description: '`me`, a username, or a department: `dept:<CODE>` or its code in capitals (BTCTU)' }),
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  from: Day.optional().meta({ description: 'Given on or after (office date)' }),
  to: Day.optional().meta({ description: 'Given on or before (office date)' }),
});
export const StatsQuery = z.strictObject({
  period: z.string().trim().min(4).max(10).meta({ description: 'A month (2026-11), quarter (2026-Q4), half-year (2026-H2) or year (2026): the work given in it' }),
  by: z.enum(['user', 'dept']).default('user'),
});
export const BookQuery = z.strictObject({ period: StatsQuery.shape.period, format: z.enum(['xlsx']).default('xlsx') });

const Actor = z.object({ sub: z.string(), username: z.string() });
const LetterRef = z.object({ entryId: z.string(), arrivalNumber: z.number(), arrivalDate: z.string(), issuer: z.string(), numberSymbol: z.string(), documentDate: z.string(), typeName: z.string(), subject: z.string() });

export const AssignmentView = z
  .object({
    id: z.string(),
    title: z.string(),
    origin: z.object({ type: z.enum(ORIGIN_TYPES), ref: z.string().optional(), letter: LetterRef.optional() }),
    instruction: z.string().nullable(),
    groupId: z.string().nullable(),
    role: z.enum(['lead', 'cooperating']),
    assignee: Party,
    assigneeDept: z.string().nullable(),
    cooperating: z.array(Party),
    dueDate: z.string(),
    dueAt: z.string(),
    originalDueDate: z.string(),
    secrecy: SecrecyLevel.nullable(),
    status: z.enum(ASSIGNMENT_STATUSES),
    overdue: z.boolean(),
    assignedAt: z.string(),
    assignedDate: z.string(),
    assignedBy: Actor,
    doneAt: z.string().nullable(),
    onTime: z.boolean().nullable(),
    result: z.string().nullable(),
    replyEntryId: z.string().nullable(),
    progress: z.string().nullable(),
    extension: z.object({ dueDate: z.string(), reason: z.string(), askedAt: z.string(), askedBy: Actor }).nullable(),
    extensions: z.number().int(),
    version: z.number().int(),
    updatedAt: z.string(),
    updatedBy: Actor,
  })
  .meta({ id: 'Assignment' });

const HistoryEvent = z.object({ at: z.string(), by: Actor, kind: z.enum(EVENT_KINDS), note: z.string().optional(), dueDate: z.string().optional(), assignee: Party.optional(), from: Party.optional(), replyEntryId: z.string().optional() });
const ReminderView = z.object({ assignmentId: z.string(), dueDate: z.string(), kind: z.enum(['before', 'after']), days: z.number(), scheduledAt: z.string(), createdAt: z.string(), status: z.enum(['pending', 'sent', 'skipped', 'failed']), messageId: z.string().nullable().optional(), error: z.string().nullable().optional() });

export const AssignmentDetail = AssignmentView.extend({
  history: z.array(HistoryEvent),
  reminders: z.array(ReminderView),
  related: z.array(z.object({ id: z.string(), role: z.enum(['lead', 'cooperating']), assignee: Party, status: z.enum(ASSIGNMENT_STATUSES), dueDate: z.string(), overdue: z.boolean(), progress: z.string().nullable(), result: z.string().nullable() })),
}).meta({ id: 'AssignmentDetail' });

export const InstructionView = z
  .object({ entryId: z.string(), instruction: z.string(), lead: Party, cooperating: z.array(Party), assignmentIds: z.array(z.string()), secrecy: SecrecyLevel.nullable(), at: z.string(), by: Actor })
  .meta({ id: 'Instruction' });

export const InstructionResult = z.object({ instruction: InstructionView, items: z.array(AssignmentView) });

const Counts = { assigned: z.number().int(), doneOnTime: z.number().int(), doneLate: z.number().int(), open: z.number().int(), overdue: z.number().int(), extensions: z.number().int() };
export const StatsView = z.object({
  period: z.string(),
  by: z.enum(['user', 'dept']),
  items: z.array(z.union([z.object({ user: z.string(), ...Counts }), z.object({ dept: z.string().nullable(), ...Counts })])),
});
export const OverdueView = z.object({ items: z.array(z.object({ dept: z.string().nullable(), count: z.number().int(), items: z.array(AssignmentView) })) });
export const ReminderRunView = z.object({ at: z.string(), checked: z.number(), sent: z.number(), skipped: z.number(), failed: z.number(), alreadyDone: z.number() });

/** An open assignment as GET /v1/tasks lists it beside the drafts' steps (`source` tells them apart). */
export const AssignmentTaskView = z
  .object({
    source: z.literal('assignment'),
    assignmentId: z.string(),
    title: z.string(),
    role: z.enum(['lead', 'cooperating']),
    kind: z.literal('act'),
    dueDate: z.string(),
    dueAt: z.string(),
    overdue: z.boolean(),
    secrecy: SecrecyLevel.nullable(),
    progress: z.string().nullable(),
    extensionAsked: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'AssignmentTask' });

export const ConclusionResult = z.object({ conclusion: z.string(), items: z.array(AssignmentView) }).meta({ id: 'ConclusionAssignments' });
