/**
 * Drafts and the task tokens of their human steps, as the drafts API and the workflow's task
 * Lambdas use them. Every change is conditioned on the draft's version; a decision claims the
 * step's token in the same transaction, so one step is decided once.
 */
import type { WorkflowStep } from '../../office';
import type { Decision, Draft, DraftStatus } from '../domain/model';
import type { Role } from '../../platform/security';
import type { TaskResponse } from '../domain/rules';
import type { AuditInput } from '../../audit';
import type { DraftListScope, DraftSummary, OpenStatus } from '../domain/listing';

/** The task token of one human step of one draft: server side only, never returned to a client. */
export interface TaskTokenRecord {
  draftId: string;
  step: WorkflowStep;
  token: string;
  /** pending: waiting for a decision; decided: a decision claimed it; closed: timed out. */
  status: 'pending' | 'decided' | 'closed';
  round: number;
  dueAt: string;
  createdAt: string;
  decision?: Decision;
  decidedBy?: string;
  /** The response sent (or to send again if sending failed) to the state machine. */
  response?: TaskResponse;
  delivered?: boolean;
}

export type AuditSpec = Omit<AuditInput, 'entityType' | 'entityId'>;

/** What a workflow task does to a draft: the new draft (and its audit event or task token), and what to return. */
export interface Mutation<R> {
  after?: Draft;
  audit?: AuditSpec;
  token?: TaskTokenRecord;
  value: R;
}

export interface DraftStore {
  get(id: string): Promise<Draft | undefined>;
  /** Stores a new draft with its audit event. */
  create(draft: Draft, audit: AuditSpec): Promise<void>;
  /** Removes a draft whose workflow could not be started. */
  discard(draft: Draft, audit: AuditSpec): Promise<void>;
  /** Read-modify-write by the workflow's tasks, re-applied when another writer got in between. */
  mutate<R>(id: string, change: (d: Draft) => Mutation<R>, current?: Draft): Promise<R>;
  getToken(draftId: string, step: WorkflowStep): Promise<TaskTokenRecord | undefined>;
  /** Claims the pending token and stores the decided draft; 409 when the step was already decided. */
  recordDecision(before: Draft, after: Draft, token: TaskTokenRecord, decision: { decision: Decision; by: string; response: TaskResponse }, audit: AuditSpec): Promise<void>;
  markDelivered(token: TaskTokenRecord): Promise<void>;
  /** The step had timed out when the decision was sent: restore the draft and close the token. */
  revertDecision(decided: Draft, restored: Draft, token: TaskTokenRecord, audit: AuditSpec): Promise<void>;
  /** A step timed out: its token answers no decision any more. */
  closeToken(draftId: string, step: WorkflowStep, token?: string): Promise<void>;
  /** Drafts whose pending step waits for one of these roles (a revision: the role within a department), at most `limit` per list. */
  listWaitingFor(lists: { role: Role; dept?: string }[], limit: number): Promise<Draft[]>;
  /** Drafts whose pending step was escalated to this role. */
  listEscalatedTo(role: Role, limit: number): Promise<Draft[]>;
  /** A page of the list (the office's or a department's), newest first, none above `scope.maxRank`; a foreign cursor is a 400. */
  listPage(q: { scope: DraftListScope; status?: DraftStatus; limit: number; cursor?: string }): Promise<{ items: DraftSummary[]; nextCursor: string | null }>;
  /** How many drafts of the list (none above `scope.maxRank`) are in each of these statuses. */
  countByStatus(scope: DraftListScope, statuses: readonly OpenStatus[]): Promise<Partial<Record<OpenStatus, number>>>;
}
