/**
 * The registers (sổ văn bản): the incoming register (sổ văn bản đến), where each received
 * document gets its số đến, and the outgoing register (sổ văn bản đi), where each issued
 * document gets its số, ký hiệu. Plain data shapes shared by the rules, the store and the API.
 */
import type { Secrecy } from '../../platform/security';
import type { Urgency } from '../../office';
import type { IncomingRegisterKind } from '../../office';
import type { NumberingScopeKind } from '../../office';
import type { NumberSymbolRecord } from '../../office';

export const REGISTER_NAMES = ['incoming', 'outgoing'] as const;
export type RegisterName = (typeof REGISTER_NAMES)[number];

export const SECRECY_LEVELS = ['mat', 'toi-mat', 'tuyet-mat'] as const satisfies readonly Secrecy[];

/** Handling status of an incoming document: vào sổ → giao (assigned) → đang giải quyết → xong. */
export const INCOMING_STATUSES = ['registered', 'assigned', 'in-progress', 'done'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];

/** An outgoing number is either issued or void (hủy số); a void number stays used. */
export const OUTGOING_STATUSES = ['issued', 'void'] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

/** Limits of free text, so that a register row prints and an item stays small. */
export const LIMITS = {
  subject: 2000,
  numberSymbol: 80,
  name: 300,
  note: 2000,
  recipients: 100,
  recipient: 300,
  reason: 1000,
  copies: 100_000,
} as const;

/** Who did it, as stored on an entry. */
export interface ActorRef {
  sub: string;
  username: string;
}

/** One row of the sổ văn bản đến. */
export interface IncomingEntry {
  id: string;
  register: 'incoming';
  /** 'normal' = sổ văn bản đến; 'secret' = sổ văn bản đến mật (when configured). */
  book: IncomingRegisterKind;
  /** Counter key, e.g. 'incoming/2026'. */
  registerKey: string;
  /** Số đến: 1, 2, 3… per register per year, no gap, no repeat. */
  arrivalNumber: number;
  arrivalYear: number;
  /** Ngày đến (office time zone) and the instant of registration. */
  arrivalDate: string;
  arrivedAt: string;
  /** Số, ký hiệu as printed on the document. */
  numberSymbol: string;
  parsedNumberSymbol: NumberSymbolRecord;
  /** Ngày văn bản. */
  documentDate: string;
  /** Tác giả: the issuing body's name as the document gives it. */
  issuer: string;
  issuerCode: string | null;
  typeCode: string;
  typeName: string;
  /** Trích yếu. */
  subject: string;
  secrecy: Secrecy | null;
  urgency: Urgency | null;
  scanId: string | null;
  /** Người/đơn vị chủ trì giải quyết (a username when it is a person of the office). */
  handler: string | null;
  /** Đơn vị/người nhận. */
  recipients: string[];
  note: string | null;
  /** Thời hạn giải quyết: the date (office time zone) and the instant it ends. */
  dueDate: string | null;
  dueAt: string | null;
  dueSource: 'urgency' | 'manual' | null;
  status: IncomingStatus;
  /** Ngày chuyển: when it was handed to the handler. */
  assignedAt: string | null;
  doneAt: string | null;
  /** Quá hạn: past its due time and not done. Computed when read, never stored. */
  overdue?: boolean;
  /** Set when the clerk registered it again on purpose (`force`): the entry it repeats. */
  duplicateOf: string | null;
  /**
   * The secrecy of the entry `duplicateOf` names: the repeat is shown only to readers whose
   * clearance covers it (see `entryFor`); absent on entries registered before it was kept.
   */
  duplicateOfSecrecy?: Secrecy | null;
  version: number;
  createdAt: string;
  createdBy: ActorRef;
  updatedAt: string;
  updatedBy: ActorRef;
}

/** The numbering scope an outgoing number was taken from. */
export interface ScopeRef {
  kind: NumberingScopeKind;
  /** Counter key, e.g. 'TU/NQ/term-2025-2030'. */
  key: string;
  label: string;
  periodId: string;
  secretSeries: boolean;
}

/** One row of the sổ văn bản đi. */
export interface OutgoingEntry {
  id: string;
  register: 'outgoing';
  /** Year (of the document date) the row is printed under. */
  year: number;
  number: number;
  /** Số, ký hiệu, e.g. "12-NQ/TU". */
  numberSymbol: string;
  scope: ScopeRef;
  typeCode: string;
  typeName: string;
  issuerCode: string;
  /** The issuing body when it is known exactly (the code TU stands for several). */
  issuerId: string | null;
  issuerName: string;
  subject: string;
  documentDate: string;
  /** Người ký. */
  signer: string;
  /** Nơi nhận. */
  recipients: string[];
  /** Nơi lưu. */
  filing: string | null;
  /** Số lượng bản. */
  copies: number | null;
  secrecy: Secrecy | null;
  urgency: Urgency | null;
  note: string | null;
  /** The draft this number was issued for (issuance from the appraisal workflow). */
  draftId: string | null;
  status: OutgoingStatus;
  voidedAt: string | null;
  voidedBy: ActorRef | null;
  voidReason: string | null;
  version: number;
  createdAt: string;
  createdBy: ActorRef;
  updatedAt: string;
  updatedBy: ActorRef;
}

export type RegisterEntry = IncomingEntry | OutgoingEntry;

/** What a client sends to register a received document. */
export interface IncomingInput {
  numberSymbol: string;
  documentDate: string;
  issuer: string;
  typeCode: string;
  subject: string;
  secrecy: Secrecy | null;
  urgency: Urgency | null;
  scanId?: string | null;
  handler?: string | null;
  dueDate?: string | null;
  recipients?: string[];
  note?: string | null;
  /** Register it although the same letter is already in the register. */
  force?: boolean;
  /** Any further fields (e.g. an attachment) — only checked against the metadata-only rule. */
  [field: string]: unknown;
}

/** What a client sends to take an outgoing number. */
export interface OutgoingInput {
  typeCode: string;
  /** Code printed after "/" (e.g. "TU"); */
  issuerCode: string;
  /** Exact body when the code stands for several (e.g. "tu-btv"). */
  issuerId?: string | null;
  subject: string;
  /** Defaults to today (office time zone). */
  documentDate?: string | null;
  signer: string;
  recipients?: string[];
  secrecy: Secrecy | null;
  urgency: Urgency | null;
  copies?: number | null;
  filing?: string | null;
  note?: string | null;
  draftId?: string | null;
  [field: string]: unknown;
}

/** A change to an incoming entry: assignment, status, due date, note. */
export interface IncomingPatch {
  handler?: string | null;
  status?: IncomingStatus;
  dueDate?: string | null;
  recipients?: string[];
  note?: string | null;
}
