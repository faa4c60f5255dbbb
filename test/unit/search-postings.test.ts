import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  BLOCK_MAX,
  blockFor,
  dateOfOrderKey,
  decodeBlockRefs,
  decodeForward,
  decodePostings,
  encodeBlockRefs,
  encodeForward,
  encodePostings,
  idOfOrderKey,
  orderKey,
  splitBlock,
  type Posting,
} from '../../shared/search/domain/postings';

const posting = (ok: string, over: Partial<Posting> = {}): Posting => ({
  ok,
  head: false,
  surfaces: ['văn'],
  register: 'incoming',
  year: 2024,
  typeCode: 'CV',
  issuerCode: 'TU',
  ...over,
});

describe('order keys', () => {
  it('sort the newest document first, and give back the id and the date', () => {
    const newer = orderKey('2024-05-02', 'B');
    const older = orderKey('2023-12-31', 'A');
    expect(newer < older).toBe(true);
    expect(idOfOrderKey(newer)).toBe('B');
    expect(dateOfOrderKey(older)).toBe('2023-12-31');
    expect(dateOfOrderKey(orderKey('', 'X'))).toBeNull();
  });
});

describe('posting encoding', () => {
  it('round-trips any postings, Vietnamese forms and separators in values included', () => {
    const arb = fc.record({
      ok: fc.string({ minLength: 9, maxLength: 40 }).map((s) => s.replace(/[\u001d-\u001f]/g, '')),
      head: fc.boolean(),
      surfaces: fc.array(fc.constantFrom('văn', 'vân', 'van', 'hòa', 'hoà', 'văn phòng'), { minLength: 1, maxLength: 3 }),
      register: fc.constantFrom('incoming' as const, 'outgoing' as const),
      year: fc.integer({ min: 1930, max: 2200 }),
      typeCode: fc.constantFrom('CV', 'QĐi', 'TTr', ''),
      issuerCode: fc.constantFrom('TU', 'ĐUK', 'UBKTTU', ''),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 20 }), fc.constantFrom('', 'van'), (list, same) => {
        expect(decodePostings(encodePostings(list, same), same)).toEqual(list);
      }),
    );
  });

  it('does not repeat a form equal to the folded term', () => {
    expect(encodePostings([posting('k1', { surfaces: ['van'] })], 'van').length).toBeLessThan(encodePostings([posting('k1', { surfaces: ['van'] })], '').length);
  });

  it('round-trips a document’s forward index', () => {
    const terms = [
      { key: 'w:van', head: true, surfaces: ['văn', 'van'] },
      { key: 'b:van phong', head: false, surfaces: ['văn phòng'] },
      { key: 'n:141-kl/duk', head: true, surfaces: ['141-kl/duk'] },
    ];
    expect(decodeForward(encodeForward(terms))).toEqual(terms);
    expect(decodeForward(undefined)).toEqual([]);
  });
});

describe('posting lists and blocks', () => {
  it('applies additions (replacing the same document) and removals, keeping the order', () => {
    const list = [posting('a'), posting('c')];
    const out = applyChanges(list, [posting('b'), posting('c', { head: true })], ['a']);
    expect(out.map((p) => p.ok)).toEqual(['b', 'c']);
    expect(out[1]!.head).toBe(true);
  });

  it('round-trips a block directory', () => {
    const refs = [{ start: '', n: 256 }, { start: '7997869801M80C9X29AV20H2Y2G80NSBG3', n: 12 }];
    expect(decodeBlockRefs(encodeBlockRefs(refs))).toEqual(refs);
  });

  it('finds the block that holds an order key', () => {
    const blocks = [{ start: '', n: 3 }, { start: 'm', n: 3 }, { start: 't', n: 3 }];
    expect(blockFor(blocks, 'a')).toBe(0);
    expect(blockFor(blocks, 'm')).toBe(1);
    expect(blockFor(blocks, 's')).toBe(1);
    expect(blockFor(blocks, 'z')).toBe(2);
  });

  it('splits an overgrown block into even pieces that cover the same range', () => {
    const list = Array.from({ length: BLOCK_MAX * 2 + 10 }, (_, i) => posting(`k${String(i).padStart(5, '0')}`));
    const pieces = splitBlock('', list);
    expect(pieces).toHaveLength(3);
    expect(pieces[0]!.start).toBe('');
    expect(pieces.flatMap((p) => p.postings)).toEqual(list);
    for (const p of pieces) expect(p.postings.length).toBeLessThanOrEqual(BLOCK_MAX);
    for (const p of pieces.slice(1)) expect(p.start).toBe(p.postings[0]!.ok);
    expect(splitBlock('x', list.slice(0, 5))).toEqual([{ start: 'x', postings: list.slice(0, 5) }]);
  });
});
