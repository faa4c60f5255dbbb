import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../shared/search/domain/document';
import { canonicalNumberSymbol, documentTerms, findNumberSymbol, parseQuery, tokenize } from '../../shared/search/domain/terms';
import { isExact, scoreOf } from '../../shared/search/domain/ranking';
import { snippetOf } from '../../shared/search/domain/snippet';
import type { Posting } from '../../shared/search/domain/postings';

const doc = (over: Partial<SearchDocument> = {}): SearchDocument => ({
  id: 'E1',
  register: 'incoming',
  numberSymbol: '5-CT/ĐU',
  typeCode: 'CT',
  typeName: 'Chỉ thị',
  issuer: 'Đảng ủy phường Phú Hội',
  issuerCode: 'ĐU',
  subject: 'về tăng cường công tác văn thư, lưu trữ',
  documentDate: '2024-03-01',
  year: 2024,
  secrecy: null,
  other: [],
  text: null,
  ...over,
});

describe('search terms', () => {
  it('folds diacritics, đ and case, so a query without diacritics has the same terms', () => {
    const withMarks = parseQuery('Văn thư lưu trữ');
    const without = parseQuery('van thu luu tru');
    expect(without.required.map((t) => t.key)).toEqual(withMarks.required.map((t) => t.key));
    expect(without.required.map((t) => t.key)).toEqual(['w:van', 'w:thu', 'w:luu', 'w:tru']);
    expect(without.pairs.map((t) => t.key)).toEqual(['b:van thu', 'b:thu luu', 'b:luu tru']);
    expect(parseQuery('Đảng').required[0]!.key).toBe('w:dang');
  });

  it('treats the old and new tone placement (hoà / hòa) as the same form', () => {
    const [a] = parseQuery('hoà').required;
    const [b] = parseQuery('hòa').required;
    expect(a!.key).toBe(b!.key);
    expect(a!.surface).toBe(b!.surface);
  });

  it('indexes syllables and adjacent pairs (across a comma, not across a full stop) with their forms', () => {
    const terms = documentTerms(doc({ text: 'Công tác văn thư. Lưu trữ hồ sơ' }));
    expect(terms.get('w:van')).toEqual({ head: true, surfaces: new Set(['văn']) });
    expect(terms.get('b:thu luu')?.head).toBe(true); // "văn thư, lưu trữ" in the subject
    expect(terms.get('b:luu tru')?.surfaces).toEqual(new Set(['lưu trữ']));
    expect(terms.get('w:ho')?.head).toBe(false); // only in the text
    expect(tokenize('thư. Lưu')[1]!.breakBefore).toBe(true);
  });

  it('finds the number-symbol however it is typed', () => {
    const key = documentTerms(doc()).has('n:5-ct/du');
    expect(key).toBe(true);
    for (const q of ['5-CT/ĐU', '5 - ct / đu', 'số 5-CT/DU', '05-CT/ĐU']) expect(parseQuery(q).required[0]).toMatchObject({ kind: 'number', key: 'n:5-ct/du' });
    expect(findNumberSymbol('Số: 45/2024/NĐ-CP ngày')?.canonical).toBe('45/2024/nd-cp');
    expect(canonicalNumberSymbol('141-KL/ĐUK')).toBe('141-kl/duk');
    expect(parseQuery('văn thư 5-CT/ĐU').required.map((t) => t.key)).toEqual(['n:5-ct/du', 'w:van', 'w:thu']);
  });
});

describe('ranking', () => {
  const p = (surfaces: string[], head = true): Posting => ({ ok: 'k', head, surfaces, register: 'incoming', year: 2024, typeCode: 'CV', issuerCode: 'TU' });
  it('ranks the exact-diacritic form above a folded match, and a heading above the text', () => {
    const exact = scoreOf([{ kind: 'word', querySurface: 'văn', posting: p(['văn']) }]);
    const folded = scoreOf([{ kind: 'word', querySurface: 'văn', posting: p(['vân']) }]);
    const inText = scoreOf([{ kind: 'word', querySurface: 'văn', posting: p(['văn'], false) }]);
    expect(exact).toBeGreaterThan(folded);
    expect(exact).toBeGreaterThan(inText);
    expect(isExact({ querySurface: 'van', posting: p(['văn']) })).toBe(false);
  });

  it('adds a phrase bonus for adjacent words and ranks a number-symbol match first', () => {
    const words = [{ kind: 'word' as const, querySurface: 'văn', posting: p(['văn']) }, { kind: 'word' as const, querySurface: 'thư', posting: p(['thư']) }];
    expect(scoreOf([...words, { kind: 'pair', querySurface: 'văn thư', posting: p(['văn thư']) }])).toBeGreaterThan(scoreOf(words));
    expect(scoreOf([{ kind: 'number', querySurface: '5-ct/du', posting: p(['5-ct/du']) }])).toBeGreaterThan(scoreOf(words));
  });
});

describe('snippet', () => {
  it('shows the stretch around the first query word found, matching without diacritics', () => {
    const text = `${'Mở đầu. '.repeat(40)}Tăng cường công tác văn thư, lưu trữ trong các cơ quan. ${'Kết thúc. '.repeat(40)}`;
    const s = snippetOf(['Chỉ thị', text], ['luu', 'tru'], 120);
    expect(s).toContain('lưu trữ');
    expect(s.startsWith('… ')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(126);
    expect(snippetOf(['về công tác văn thư'], ['van'])).toBe('về công tác văn thư');
    expect(snippetOf(['không có gì'], ['xyz'])).toBe('không có gì');
  });
});
