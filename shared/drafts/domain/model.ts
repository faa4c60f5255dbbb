/**
 * Drafts (dự thảo) on their way through appraisal (thẩm định) and approval (phê duyệt) to
 * issuance (ban hành): the stored shape, its statuses, the history of steps and the pending task.
 */
import type { WorkflowStep } from '../../office';
import type { Urgency } from '../../office';
import type { Role, Secrecy } from '../../platform/security';
import type { PrecheckFinding } from './precheck';

export const DRAFT_STATUSES = ['precheck', 'appraisal', 'revision', 'approval', 'issued', 'rejected', 'expired'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** Statuses after which nothing more happens to the draft. */
export const FINAL_STATUSES: readonly DraftStatus[] = ['issued', 'rejected', 'expired'];

export const DECISIONS = ['approve', 'return', 'reject'] as const;
/** approve = đồng ý (for a revision: resubmit); return = trả lại để chỉnh sửa; reject = không đồng ý (for a revision: withdraw). */
export type Decision = (typeof DECISIONS)[number];

export type { WorkflowStep };

/** Who did something; `system` for the workflow's own steps (precheck, escalation, issuance). */
export interface Actor {
  sub: string;
  username: string;
}
export const SYSTEM_ACTOR: Actor = { sub: 'system:workflow', username: 'workflow' };

export interface DossierItem {
  /** A dossier kind id of the configuration (e.g. `to-trinh`, `du-thao`) or a free name. */
  kind: string;
  name?: string;
}

/** The human step a draft waits for. */
export interface PendingTask {
  step: WorkflowStep;
  role: Role;
  /** For a revision: the drafting department (custom:dept) that must act. */
  dept?: string;
  /** When the step is due (ISO instant). */
  dueAt: string;
  since: string;
  /** Set after the first timeout: the escalation role was told and the step was extended once. */
  escalated: boolean;
  escalatedTo?: Role;
  round: number;
}

export type HistoryKind = 'submitted' | 'precheck' | WorkflowStep | 'escalation' | 'expired' | 'issuance';

/** One line of the draft's history: who, when, what was decided, with which comment. */
export interface HistoryEntry {
  at: string;
  step: HistoryKind;
  actor: Actor;
  round: number;
  decision?: Decision;
  comment?: string;
  /** The body was replaced with this decision (revision, or format fixes at appraisal). */
  bodyChanged?: boolean;
  /** Precheck: how many findings of each severity. */
  findings?: { error: number; warning: number; info: number };
  /** Escalation: to whom, and the new due time. */
  escalatedTo?: Role;
  dueAt?: string;
  /** Issuance: the number symbol taken. */
  numberSymbol?: string;
}

export interface Draft {
  id: string;
  typeCode: string;
  /** Issuer code ("TU") or body id ("tu-btv"). */
  issuerCode: string;
  subject: string;
  body: string;
  recipients: string[];
  dossier: DossierItem[];
  signingForm: string | null;
  signerTitle: string | null;
  secrecy: Secrecy | null;
  urgency: Urgency | null;
  /** The drafting department (ban tham mưu) that revises the draft. */
  dept: string | null;
  status: DraftStatus;
  /** Revision round: 1 at submission, +1 at every resubmission. */
  round: number;
  precheck: { findings: PrecheckFinding[]; ok: boolean; at: string; round: number; issuerBodyId: string | null } | null;
  pendingTask: PendingTask | null;
  history: HistoryEntry[];
  numberSymbol: string | null;
  outgoingEntryId: string | null;
  /** The workflow execution of this draft (deterministic: one per draft). */
  executionName: string;
  version: number;
  createdAt: string;
  createdBy: Actor;
  updatedAt: string;
}

/** What a drafting department submits. */
export interface DraftInput {
  typeCode: string;
  issuerCode: string;
  subject: string;
  body: string;
  recipients: string[];
  dossier: DossierItem[];
  signingForm?: string | null;
  signerTitle?: string | null;
  secrecy?: Secrecy | null;
  urgency?: Urgency | null;
}

/** Size limits that keep a draft in one DynamoDB item (400 KB) with its history. */
export const DRAFT_LIMITS = {
  subject: 2000,
  /** Characters; Vietnamese text takes up to 3 bytes a character in UTF-8. */
  body: 60_000,
  recipients: 100,
  recipient: 300,
  dossier: 50,
  comment: 2000,
  /** Revision rounds before the draft must be withdrawn and started afresh. */
  rounds: 20,
} as const;
