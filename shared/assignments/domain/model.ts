/**
 * Giao việc (assignments): work given to a person or a department — from a leader's instruction on
 * an incoming letter (ý kiến chỉ đạo, phiếu giải quyết văn bản đến), from an item of a standing
 * committee's conclusion (thông báo kết luận), or by hand — followed until it is done.
 */
import type { Secrecy } from '../../platform/security';

/** Who does the work: a person of the office (username) or a department (its code, e.g. BTCTU). */
export type Party = { user: string } | { dept: string };

export const ORIGIN_TYPES = ['letter', 'conclusion', 'manual'] as const;
export type OriginType = (typeof ORIGIN_TYPES)[number];

/** What the letter an instruction was given on says, as the sổ theo dõi giải quyết prints it. */
export interface LetterRef {
  entryId: string;
  arrivalNumber: number;
  arrivalDate: string;
  issuer: string;
  numberSymbol: string;
  documentDate: string;
  typeName: string;
  subject: string;
}

export interface Origin {
  type: OriginType;
  /** The incoming entry's id (letter), the conclusion's number-symbol and item (conclusion), or free text. */
  ref?: string;
  letter?: LetterRef;
}

/** Chủ trì (lead) or phối hợp (co-operating unit). */
export type AssignmentRole = 'lead' | 'cooperating';

export const ASSIGNMENT_STATUSES = ['open', 'done'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface ActorRef {
  sub: string;
  username: string;
}

export interface ExtensionRequest {
  dueDate: string;
  reason: string;
  askedAt: string;
  askedBy: ActorRef;
}

export interface Assignment {
  id: string;
  title: string;
  origin: Origin;
  /** The instruction (ý kiến chỉ đạo) it was given with, when it came from one. */
  instruction: string | null;
  /** The assignments made by the same instruction (the lead's and the co-operating units'). */
  groupId: string | null;
  role: AssignmentRole;
  assignee: Party;
  /** The assignee's department when assigned (a department's own code; a person's dept, if any): what the stats group by. */
  assigneeDept: string | null;
  cooperating: Party[];
  /** Hạn giải quyết: the date in the office's time zone and the instant it ends. */
  dueDate: string;
  dueAt: string;
  /** The due date first set (extensions move dueDate, not this). */
  originalDueDate: string;
  secrecy: Secrecy | null;
  status: AssignmentStatus;
  assignedAt: string;
  /** The office date it was given (stats and lists count it in this month). */
  assignedDate: string;
  assignedBy: ActorRef;
  doneAt: string | null;
  /** Done by the end of its due date (as it stood when it was done). */
  onTime: boolean | null;
  result: string | null;
  replyEntryId: string | null;
  /** The last progress note (tiến độ), for lists and the printed book. */
  progress: string | null;
  extension: ExtensionRequest | null;
  /** Extensions granted so far. */
  extensions: number;
  version: number;
  updatedAt: string;
  updatedBy: ActorRef;
}

export const EVENT_KINDS = ['assigned', 'progress', 'completed', 'extension-asked', 'extension-granted', 'extension-refused', 'reassigned', 'reminded'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One line of an assignment's history. */
export interface AssignmentEvent {
  at: string;
  by: ActorRef;
  kind: EventKind;
  note?: string;
  dueDate?: string;
  assignee?: Party;
  from?: Party;
  replyEntryId?: string;
}

/** Read views add what depends on the moment of reading. */
export interface AssignmentView extends Assignment {
  overdue: boolean;
}

export const partyKey = (p: Party): string => ('user' in p ? `u:${p.user}` : `d:${p.dept}`);
export const sameParty = (a: Party, b: Party): boolean => partyKey(a) === partyKey(b);
export const partyLabel = (p: Party): string => ('user' in p ? p.user : p.dept);
