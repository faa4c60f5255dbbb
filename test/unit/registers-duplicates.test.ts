/**
 * A second registration of the same letter (domain/duplicates.ts): refused or recorded as a
 * repeat of what the clerk may see; a first registration above their clearance does not exist
 * for them, and their copy is recorded with the hidden entry's secrecy and its own level key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDuplicate,
  decideDuplicate,
  FIRST,
  hiddenFirst,
  incomingClaims,
  incomingIdempotencyKey,
  levelKeyOf,
  repeatFields,
  visibleCopyKeys,
  type KeyOwner,
} from '../../shared/registers/domain/duplicates';

const LETTER = 'party|10|nq|tu||2026-11-18';
const owner = (entryId: string, secrecyRank: number): KeyOwner => ({ entryId, secrecyRank });
const rankArb = fc.integer({ min: 0, max: 3 });

describe('decideDuplicate', () => {
  // [case, owner rank, clerk rank, force, visible copy, expected]
  const cases: [string, number, number, boolean, KeyOwner | undefined, ReturnType<typeof decideDuplicate>][] = [
    ['plain letter seen by a plain clerk, no force: refused naming it', 0, 0, false, undefined, { kind: 'refuse', existingId: 'first' }],
    ['plain letter, force: a repeat of it', 0, 0, true, undefined, { kind: 'repeat', of: owner('first', 0) }],
    ['Mật letter seen by a Mật clerk, no force: refused naming it', 1, 1, false, undefined, { kind: 'refuse', existingId: 'first' }],
    ['Tối mật letter seen by a Tuyệt mật clerk, force: a repeat of it', 2, 3, true, undefined, { kind: 'repeat', of: owner('first', 2) }],
    ['Mật letter, plain clerk, no copy: their registration becomes the copy of their level', 1, 0, false, undefined, { kind: 'copy-of-hidden', of: owner('first', 1), levelKey: `${LETTER}@0` }],
    ['Mật letter, plain clerk, force, no copy: the copy of their level too', 1, 0, true, undefined, { kind: 'copy-of-hidden', of: owner('first', 1), levelKey: `${LETTER}@0` }],
    ['Tuyệt mật letter, Mật clerk, a plain copy exists, no force: refused naming the copy', 3, 1, false, owner('copy', 0), { kind: 'refuse', existingId: 'copy' }],
    ['Tuyệt mật letter, Mật clerk, a Mật copy exists, force: a repeat of the copy', 3, 1, true, owner('copy', 1), { kind: 'repeat', of: owner('copy', 1) }],
  ];
  it.each(cases)('%s', (_name, ownerRank, clerkRank, force, visibleCopy, expected) => {
    // The registration itself is a plain one (its level key is @0).
    const entryRank = 0;
    expect(decideDuplicate({ owner: owner('first', ownerRank), claimedKey: LETTER, letterKey: LETTER, clerkRank, entryRank, force, ...(visibleCopy ? { visibleCopy } : {}) })).toEqual(expected);
  });

  it('a level key held by a copy of the same level is a plain duplicate, never a hidden first registration', () => {
    const level = levelKeyOf(LETTER, 1);
    expect(hiddenFirst(owner('copy', 1), level, LETTER, 1)).toBe(false);
    expect(decideDuplicate({ owner: owner('copy', 1), claimedKey: level, letterKey: LETTER, clerkRank: 1, entryRank: 1, force: false })).toEqual({ kind: 'refuse', existingId: 'copy' });
  });

  it('never names, to a clerk, an entry above their clearance; force never refuses', () => {
    fc.assert(
      fc.property(rankArb, rankArb, fc.boolean(), fc.option(rankArb, { nil: undefined }), (ownerRank, clerkRank, force, copyRank) => {
        const entryRank = clerkRank;
        const copy = copyRank !== undefined && copyRank <= clerkRank ? owner('copy', copyRank) : undefined;
        const d = decideDuplicate({ owner: owner('first', ownerRank), claimedKey: LETTER, letterKey: LETTER, clerkRank, entryRank, force, ...(copy ? { visibleCopy: copy } : {}) });
        if (force) expect(d.kind).not.toBe('refuse');
        if (d.kind === 'refuse') expect(d.existingId === 'first' ? ownerRank : copy!.secrecyRank).toBeLessThanOrEqual(clerkRank);
        if (d.kind === 'repeat') expect(d.of.secrecyRank).toBeLessThanOrEqual(clerkRank);
        if (d.kind === 'copy-of-hidden') {
          expect(ownerRank).toBeGreaterThan(clerkRank);
          expect(copy).toBeUndefined();
          expect(d.levelKey).toBe(levelKeyOf(LETTER, entryRank));
        }
        // A letter the clerk may see is never treated as hidden.
        if (ownerRank <= clerkRank) expect(d).toEqual(force ? { kind: 'repeat', of: owner('first', ownerRank) } : { kind: 'refuse', existingId: 'first' });
      }),
    );
  });
});

describe('the state a decision leaves, and what the entry claims', () => {
  it('a repeat records the repeated entry and its secrecy, and claims no letter key', () => {
    const s = applyDuplicate({ kind: 'repeat', of: owner('e1', 2) });
    expect(s).toEqual({ duplicateOf: 'e1', duplicateOfSecrecy: 'toi-mat', claimsLetter: false, levelKey: null });
    expect(incomingClaims(undefined, LETTER, s)).toEqual([]);
    expect(repeatFields(s)).toEqual({ duplicateOf: 'e1', duplicateOfSecrecy: 'toi-mat' });
  });

  it('a copy of a hidden registration claims its level key only', () => {
    const s = applyDuplicate({ kind: 'copy-of-hidden', of: owner('e1', 3), levelKey: `${LETTER}@0` });
    expect(s).toMatchObject({ duplicateOf: 'e1', duplicateOfSecrecy: 'tuyet-mat', claimsLetter: false });
    expect(incomingClaims('k', LETTER, s)).toEqual([
      { kind: 'incoming-key', key: 'k' },
      { kind: 'incoming-doc', key: `${LETTER}@0` },
    ]);
  });

  it('a first registration claims the letter, after its idempotency key', () => {
    expect(incomingClaims('draft-1', LETTER, FIRST)).toEqual([
      { kind: 'incoming-key', key: 'draft-1' },
      { kind: 'incoming-doc', key: LETTER },
    ]);
    expect(repeatFields(FIRST)).toEqual({ duplicateOf: null });
  });

  it.each([
    ['the caller’s key wins', 'k', 's1', false, 'k'],
    ['a scan without a linking write is its own key', undefined, 's1', false, 'scan#s1'],
    ['a linked scan keeps one entry by its own condition', undefined, 's1', true, undefined],
    ['no key and no scan: none', undefined, null, false, undefined],
  ] as const)('idempotency key: %s', (_n, given, scanId, linked, expected) => {
    expect(incomingIdempotencyKey(given, scanId, linked)).toBe(expected);
  });

  it('a clerk looks for copies at every level their clearance covers, lowest first', () => {
    expect(visibleCopyKeys(LETTER, 0)).toEqual([`${LETTER}@0`]);
    fc.assert(
      fc.property(rankArb, (clerk) => {
        const keys = visibleCopyKeys(LETTER, clerk);
        expect(keys).toEqual(Array.from({ length: clerk + 1 }, (_, r) => levelKeyOf(LETTER, r)));
      }),
    );
  });
});
