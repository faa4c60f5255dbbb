/**
 * The OCR bench's dev / held-out split (bench/ocr-sets.json): recomputed from the file's own
 * metadata by the documented rule (stratum = kind × secrecy, SHA-256 order, round(n/3) held out),
 * so a hand edit of the lists, or a rule changed without the file, fails here. The handbook
 * itself is not read (tests stay self-contained); `npm run bench -- ocr-split` checks it.
 */
import { describe, expect, it } from 'vitest';
import { HANDBOOK_SETS, loadSplitFile, splitDocOf, splitHash, splitSet, stratumOf, type SplitDoc } from '../../bench/ocr-split';

const file = loadSplitFile();

describe('bench/ocr-sets.json', () => {
  it('holds the three handbook sets', () => {
    expect(Object.keys(file.sets).sort()).toEqual(HANDBOOK_SETS.map((s) => s.name).sort());
  });

  it.each(HANDBOOK_SETS.map((s) => [s.name, s.split] as const))('%s: the parts are what the rule gives from the listed metadata', (name, split) => {
    const s = file.sets[name]!;
    expect(s.split).toBe(split);
    expect(s.parts).toEqual(splitSet(name, s.docs, split));
  });

  it.each(HANDBOOK_SETS.map((s) => [s.name] as const))('%s: every document is in exactly one part', (name) => {
    const s = file.sets[name]!;
    const all = [...s.parts.dev, ...s.parts['held-out']].sort();
    expect(all).toEqual(s.docs.map((d) => d.id).sort());
    expect(new Set(all).size).toBe(all.length);
  });

  it('scans-2: about a third held out, with secret documents of every level, a PDF and an image', () => {
    const s = file.sets['scans-2']!;
    const held = s.docs.filter((d) => s.parts['held-out'].includes(d.id));
    expect(held.length).toBe(16);
    expect(s.docs.length).toBe(48);
    expect(new Set(held.map((d) => d.secrecy))).toEqual(new Set(['none', 'mat', 'toi-mat', 'tuyet-mat']));
    expect(new Set(held.map((d) => d.kind))).toEqual(new Set(['pdf', 'image']));
    // Dev keeps something of every stratum with two or more documents.
    const dev = s.docs.filter((d) => s.parts.dev.includes(d.id));
    expect(new Set(dev.map(stratumOf))).toEqual(new Set(s.docs.map(stratumOf)));
  });

  it('real-scans: 3 of 10 held out (all PDFs, none secret: one stratum)', () => {
    const s = file.sets['real-scans']!;
    expect(s.parts['held-out'].length).toBe(3);
    expect(s.docs.length).toBe(10);
    expect(new Set(s.docs.map(stratumOf))).toEqual(new Set(['pdf|none']));
  });

  it('scans: all dev', () => {
    expect(file.sets['scans']!.parts['held-out']).toEqual([]);
  });
});

describe('the rule', () => {
  const docs = (n: number, kind: SplitDoc['kind'], secrecy: SplitDoc['secrecy'], prefix: string): SplitDoc[] =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${String(i + 1).padStart(3, '0')}`, kind, secrecy }));

  it.each([
    [1, 0],
    [2, 1],
    [3, 1],
    [4, 1],
    [5, 2],
    [6, 2],
    [26, 9],
  ])('a stratum of %i holds out %i', (n, k) => {
    expect(splitSet('x', docs(n, 'image', 'none', 'd'))['held-out'].length).toBe(k);
  });

  it('holds out the lowest hashes of each stratum, whatever order the documents come in', () => {
    const all = [...docs(6, 'image', 'none', 'a'), ...docs(3, 'pdf', 'mat', 'b')];
    const forward = splitSet('x', all);
    expect(splitSet('x', [...all].reverse())).toEqual(forward);
    const lowest = (members: SplitDoc[], k: number) => members.map((d) => d.id).sort((p, q) => (splitHash('x', p) < splitHash('x', q) ? -1 : 1)).slice(0, k);
    expect(forward['held-out']).toEqual([...lowest(all.slice(0, 6), 2), ...lowest(all.slice(6), 1)].sort());
  });

  it('depends on the set name (the same ids in another set split differently somewhere)', () => {
    const all = docs(30, 'image', 'none', 'd');
    const bySet = ['x', 'y', 'z'].map((s) => splitSet(s, all)['held-out'].join());
    expect(new Set(bySet).size).toBeGreaterThan(1);
  });

  it('an unsplit set is all dev', () => {
    expect(splitSet('x', docs(4, 'pdf', 'mat', 'd'), false)).toEqual({ dev: ['d-001', 'd-002', 'd-003', 'd-004'], 'held-out': [] });
  });

  it.each([
    [{ id: 's3-001', file: 's3-001.jpg', format: 'jpg', secrecy: null }, { id: 's3-001', kind: 'image', secrecy: 'none' }],
    [{ id: 's3-006', file: 's3-006.pdf', format: 'pdf', secrecy: 'Mật' }, { id: 's3-006', kind: 'pdf', secrecy: 'mat' }],
    [{ id: 's1-008', file: 's1-008.png', format: 'png', secrecy: 'Tối mật' }, { id: 's1-008', kind: 'image', secrecy: 'toi-mat' }],
    [{ id: 's1-011', file: 's1-011.jpg', secrecy: 'TUYỆT MẬT' }, { id: 's1-011', kind: 'image', secrecy: 'tuyet-mat' }],
    // The real-scans truth has no id: the file's name gives it.
    [{ file: 'qn-12.pdf', format: 'pdf', secrecy: null }, { id: 'qn-12', kind: 'pdf', secrecy: 'none' }],
  ] as const)('metadata of %j', (truth, want) => {
    expect(splitDocOf(truth)).toEqual(want);
  });

  it('refuses a secrecy label it does not know', () => {
    expect(() => splitDocOf({ id: 'x', file: 'x.jpg', secrecy: 'Hạn chế' })).toThrow(/unknown secrecy/);
  });
});
