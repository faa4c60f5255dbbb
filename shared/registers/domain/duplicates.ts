/**
 * A second registration of the same letter (same number-symbol and document date), decided
 * without I/O. The store tells who already claims the letter's key; these functions say what
 * the new registration becomes.
 *
 * The same letter already registered is a 409 DUPLICATE, or with `force` a repeat ("Đăng ký
 * lại") of the entry the clerk may see. A first registration above the clerk's clearance does
 * not exist for them: their registration goes ahead as a first one for them, and is recorded as a
 * repeat of the hidden entry with that entry's secrecy, so that only readers who may see both are
 * shown the mark (repeatFor). Such a copy claims the letter's key for its own secrecy level
 * (`<key>@<rank>`), so the next clerk below the first registration is told about the copy they
 * may see.
 */
import type { Secrecy } from '../../platform/security';
import { secrecyOfRank } from './rules';

/** The entry that holds a unique key, and its secrecy rank. */
export interface KeyOwner {
  entryId: string;
  secrecyRank: number;
}

/** The kinds of unique keys an entry claims in its own transaction. */
export type UniqueKind = 'incoming-doc' | 'incoming-key' | 'outgoing-key';

export interface UniqueClaim {
  kind: UniqueKind;
  key: string;
}

/** What the registration is, as far as duplicates go. */
export interface DuplicateState {
  duplicateOf: string | null;
  duplicateOfSecrecy: Secrecy | null;
  /** Whether it claims the letter's key (it is the first registration of the letter). */
  claimsLetter: boolean;
  /** The level key it claims as the first copy its clerk may see of a hidden registration. */
  levelKey: string | null;
}

export type DuplicateDecision =
  /** Record it as a repeat of `of`, which the clerk may see; it claims no letter key. */
  | { kind: 'repeat'; of: KeyOwner }
  /** The first registration is hidden from the clerk and no copy is visible to them: this one becomes that copy. */
  | { kind: 'copy-of-hidden'; of: KeyOwner; levelKey: string }
  /** Refused: 409 DUPLICATE naming `existingId`. */
  | { kind: 'refuse'; existingId: string };

/** A first registration (nothing known of another yet). */
export const FIRST: DuplicateState = { duplicateOf: null, duplicateOfSecrecy: null, claimsLetter: true, levelKey: null };

/** The letter's key for the copies registered at one secrecy level below a hidden first registration. */
export const levelKeyOf = (letterKey: string, rank: number): string => `${letterKey}@${rank}`;

/** The level keys under which a clerk of `clerkRank` may find a copy they can see, lowest level first. */
export const visibleCopyKeys = (letterKey: string, clerkRank: number): string[] => Array.from({ length: clerkRank + 1 }, (_, r) => levelKeyOf(letterKey, r));

/**
 * Whether `owner`, holding `claimedKey`, is the letter's first registration hidden from the clerk:
 * then the copies the clerk may see must be looked up (visibleCopyKeys) before deciding.
 */
export const hiddenFirst = (owner: KeyOwner, claimedKey: string, letterKey: string, clerkRank: number): boolean =>
  claimedKey === letterKey && owner.secrecyRank > clerkRank;

/**
 * What a registration of a letter that `owner` already claims (under `claimedKey`) becomes.
 * `visibleCopy` is the first copy found under visibleCopyKeys when the owner is hidden from the clerk.
 */
export function decideDuplicate(a: {
  owner: KeyOwner;
  claimedKey: string;
  letterKey: string;
  clerkRank: number;
  /** The rank of the entry being registered (at most the clerk's). */
  entryRank: number;
  force: boolean;
  visibleCopy?: KeyOwner;
}): DuplicateDecision {
  let target = a.owner;
  if (hiddenFirst(a.owner, a.claimedKey, a.letterKey, a.clerkRank)) {
    if (!a.visibleCopy) return { kind: 'copy-of-hidden', of: a.owner, levelKey: levelKeyOf(a.letterKey, a.entryRank) };
    target = a.visibleCopy;
  }
  return a.force ? { kind: 'repeat', of: target } : { kind: 'refuse', existingId: target.entryId };
}

/** The registration's duplicate state once a (non-refusing) decision is taken. */
export function applyDuplicate(decision: Exclude<DuplicateDecision, { kind: 'refuse' }>): DuplicateState {
  const repeat = { duplicateOf: decision.of.entryId, duplicateOfSecrecy: secrecyOfRank(decision.of.secrecyRank), claimsLetter: false };
  return decision.kind === 'repeat' ? { ...repeat, levelKey: null } : { ...repeat, levelKey: decision.levelKey };
}

/**
 * The unique keys an incoming entry claims, in transaction order. The idempotency key goes first:
 * when a retried request also repeats the letter, it is a replay, not a duplicate.
 */
export function incomingClaims(idempotencyKey: string | undefined, letterKey: string, state: DuplicateState): UniqueClaim[] {
  return [
    ...(idempotencyKey ? [{ kind: 'incoming-key' as const, key: idempotencyKey }] : []),
    ...(state.claimsLetter ? [{ kind: 'incoming-doc' as const, key: letterKey }] : []),
    ...(state.levelKey ? [{ kind: 'incoming-doc' as const, key: state.levelKey }] : []),
  ];
}

/**
 * The idempotency key of an incoming registration: the caller's, else for a registration from a
 * scan without a linking write of its own, the scan (registering one scan twice returns the first entry).
 * A linked scan's own condition (not linked yet) keeps one entry per scan.
 */
export function incomingIdempotencyKey(given: string | undefined, scanId: string | null | undefined, linked: boolean): string | undefined {
  return given ?? (scanId && !linked ? `scan#${scanId}` : undefined);
}

/** The repeat fields of a new incoming entry. */
export const repeatFields = (state: DuplicateState): { duplicateOf: string | null; duplicateOfSecrecy?: Secrecy | null } =>
  state.duplicateOf ? { duplicateOf: state.duplicateOf, duplicateOfSecrecy: state.duplicateOfSecrecy } : { duplicateOf: null };
