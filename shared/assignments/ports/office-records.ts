/**
 * What assignments need of the rest of the office: the registers' letters (an instruction's letter,
 * a reply's outgoing entry) and the office's people. The functions compose them from the registers
 * module and the user directory; each read applies the caller's clearance (404 above it).
 */
import type { Caller, Clearance, Secrecy } from '../../platform/security';
import type { Urgency } from '../../office';
import type { LetterRef } from '../domain/model';

/** An incoming entry as an instruction reads it: what the book prints of it, and what its work inherits (secrecy, due date). */
export type IncomingLetter = Omit<LetterRef, 'entryId'> & {
  id: string;
  secrecy: Secrecy | null;
  urgency: Urgency | null;
  dueDate: string | null;
};

export interface Letters {
  /** An incoming entry the caller may see (NotFoundError otherwise). */
  incoming(id: string, caller: Caller): Promise<IncomingLetter>;
  /** An outgoing entry the caller may see (NotFoundError otherwise): a reply. */
  outgoing(id: string, caller: Caller): Promise<{ id: string; numberSymbol: string }>;
}

export interface Person {
  username: string;
  clearance: Clearance;
  dept?: string | undefined;
  /** Where reminders reach the person; none: the reminder is recorded, not delivered. */
  email?: string | undefined;
  enabled: boolean;
}

export interface People {
  get(username: string): Promise<Person | undefined>;
  /** The enabled people of a department (custom:dept). */
  members(dept: string): Promise<Person[]>;
  /** Department codes the office knows (its people's and the issuing bodies' configured). */
  departments(): Promise<Set<string>>;
}
