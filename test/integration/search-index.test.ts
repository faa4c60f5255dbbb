/**
 * The inverted index on DynamoDB Local: matching with and without diacritics, ranking,
 * number-symbols, filters, the clearance filter, re-indexing and pagination in both modes.
 * Each run uses its own fresh set of tables.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';
import { ensureTables } from '../../local/bootstrap';
import { documentClient, dynamoClient } from '../../shared/platform/aws/dynamodb-client';
import { DynamoSearchIndex, SearchEngine } from '../../shared/search';
import type { SearchDocument } from '../../shared/search/domain/document';
import type { SearchQuery } from '../../shared/search/ports/search-index';

useEmbeddedEnv();
const prefix = `srch${randomUUID().slice(0, 8)}`;
let index: SearchEngine;
/** Same tables, lower limits: ranks everything only up to 3 candidates, so date-order pages are exercised. */
let windowed: SearchEngine;

const doc = (id: string, over: Partial<SearchDocument> = {}): SearchDocument => ({
  id,
  register: 'incoming',
  numberSymbol: null,
  typeCode: 'CV',
  typeName: 'Công văn',
  issuer: 'Ban Tổ chức Tỉnh ủy',
  issuerCode: 'BTCTU',
  subject: 'về việc báo cáo',
  documentDate: '2024-05-01',
  year: 2024,
  secrecy: null,
  other: [],
  text: null,
  ...over,
});
const q = (query: string, over: Partial<SearchQuery> = {}): SearchQuery => ({ q: query, clearance: 'tuyet-mat', limit: 50, ...over });
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

beforeAll(async () => {
  await ensureTables(dynamoClient(), prefix);
  index = new SearchEngine(new DynamoSearchIndex(documentClient(), `${prefix}-Search`));
  windowed = new SearchEngine(new DynamoSearchIndex(documentClient(), `${prefix}-Search`), { fullRankLimit: 3, windowStep: 2 });
  await index.index([
    doc('A-exact', { subject: 'về công tác văn phòng cấp ủy', numberSymbol: '12-NQ/TU', typeCode: 'NQ', issuerCode: 'TU', documentDate: '2024-03-01' }),
    doc('A-plain', { subject: 've cong tac van phong cap uy', documentDate: '2024-04-01' }),
    doc('A-text', { subject: 'về việc khác', text: 'Nội dung: nâng cao chất lượng công tác văn phòng cấp ủy trong tình hình mới.', documentDate: '2024-02-01' }),
    doc('A-apart', { subject: 'văn bản về phòng chống thiên tai', documentDate: '2024-01-01' }),
    doc('S-mat', { subject: 'kế hoạch bảo vệ bí mật văn phòng', secrecy: 'mat', documentDate: '2023-06-01', register: 'outgoing', year: 2023 }),
    doc('S-toimat', { subject: 'phương án bảo vệ bí mật văn phòng', secrecy: 'toi-mat', documentDate: '2023-07-01', year: 2023 }),
    doc('S-tuyetmat', { subject: 'đề án bảo vệ bí mật văn phòng', secrecy: 'tuyet-mat', documentDate: '2023-08-01', year: 2023 }),
    doc('H-hoa', { subject: 'hội nghị hoà giải cơ sở', documentDate: '2022-01-01', year: 2022 }),
  ]);
});

describe('search index', () => {
  it('finds a document with or without diacritics, and ranks the exact form first', async () => {
    const withMarks = await index.search(q('văn phòng'));
    expect(ids(withMarks)).toEqual(expect.arrayContaining(['A-exact', 'A-plain', 'A-text', 'A-apart']));
    expect(withMarks.items[0]!.id).toBe('A-exact');
    expect(ids(withMarks).indexOf('A-exact')).toBeLessThan(ids(withMarks).indexOf('A-plain'));
    const without = await index.search(q('van phong'));
    expect(new Set(ids(without))).toEqual(new Set(ids(withMarks)));
    expect(ids(without).indexOf('A-plain')).toBeLessThan(ids(without).indexOf('A-exact'));
  });

  it('needs every word, ranks adjacent words above scattered ones and headings above text', async () => {
    const r = await index.search(q('van phong cap uy'));
    expect(ids(r)).toEqual(expect.arrayContaining(['A-exact', 'A-plain', 'A-text']));
    expect(ids(r)).not.toContain('A-apart');
    const phrase = await index.search(q('văn phòng'));
    expect(ids(phrase).indexOf('A-text')).toBeLessThan(ids(phrase).indexOf('A-apart'));
    expect(ids(phrase).indexOf('A-exact')).toBeLessThan(ids(phrase).indexOf('A-text'));
  });

  it('finds a document by its number-symbol, typed in any case or without diacritics', async () => {
    for (const s of ['12-NQ/TU', '12-nq/tu', '12 - NQ / TU']) {
      const r = await index.search(q(s));
      expect(ids(r)).toEqual(['A-exact']);
      expect(r.items[0]).toMatchObject({ numberSymbol: '12-NQ/TU', register: 'incoming', documentDate: '2024-03-01', subject: 'về công tác văn phòng cấp ủy' });
    }
  });

  it('returns a snippet from the text when the words are there', async () => {
    const r = await index.search(q('chat luong'));
    expect(ids(r)).toEqual(['A-text']);
    expect(r.items[0]!.snippet).toContain('chất lượng công tác');
  });

  it('never returns what the clearance does not cover', async () => {
    const expectSeen = async (clearance: SearchQuery['clearance'], seen: string[]) => {
      const r = await index.search(q('bao ve bi mat', { clearance }));
      expect(ids(r).sort()).toEqual(seen.sort());
    };
    await expectSeen('none', []);
    await expectSeen('mat', ['S-mat']);
    await expectSeen('toi-mat', ['S-mat', 'S-toimat']);
    await expectSeen('tuyet-mat', ['S-mat', 'S-toimat', 'S-tuyetmat']);
  });

  it('applies the filters', async () => {
    expect(ids(await index.search(q('bi mat', { register: 'outgoing' })))).toEqual(['S-mat']);
    expect(ids(await index.search(q('van phong', { typeCode: 'NQ' })))).toEqual(['A-exact']);
    expect(ids(await index.search(q('van phong', { issuerCode: 'tu' })))).toEqual(['A-exact']);
    expect(ids(await index.search(q('bi mat', { year: 2023, from: '2023-07-01', to: '2023-07-31' })))).toEqual(['S-toimat']);
    expect(ids(await index.search(q('van phong', { year: 2030 })))).toEqual([]);
  });

  it('treats hoà and hòa as the same word', async () => {
    expect(ids(await index.search(q('hòa giải')))).toEqual(['H-hoa']);
    expect(ids(await index.search(q('hoa giai')))).toEqual(['H-hoa']);
  });

  it('re-indexes a changed document: old words, old secrecy and removed documents are gone', async () => {
    await index.index([doc('R-1', { subject: 'giấy mời họp chi bộ', documentDate: '2021-01-01' })]);
    expect(ids(await index.search(q('giay moi')))).toEqual(['R-1']);
    await index.index([doc('R-1', { subject: 'thông báo kết luận', secrecy: 'mat', documentDate: '2021-02-01' })]);
    expect(ids(await index.search(q('giay moi')))).toEqual([]);
    expect(ids(await index.search(q('thong bao ket luan', { clearance: 'none' })))).toEqual([]);
    expect(ids(await index.search(q('thong bao ket luan', { clearance: 'mat' })))).toEqual(['R-1']);
    await index.remove('R-1');
    expect(ids(await index.search(q('thong bao ket luan')))).toEqual([]);
  });

  it('keeps every posting when two indexers write the same terms at once', async () => {
    const docs = Array.from({ length: 10 }, (_, i) => doc(`C-${i}`, { subject: `đồng thời chỉ đạo số ${i}`, documentDate: `2020-01-${String((i % 28) + 1).padStart(2, '0')}` }));
    await Promise.all(docs.map((d) => index.index([d])));
    const r = await index.search(q('dong thoi chi dao'));
    expect(ids(r).sort()).toEqual(docs.map((d) => d.id).sort());
  });

  it('pages through many matches, in both ranked and date-order modes, without repeats or gaps', async () => {
    const docs = Array.from({ length: 600 }, (_, i) =>
      doc(`P-${String(i).padStart(4, '0')}`, { subject: `kế hoạch phân trang ${i % 3 === 0 ? 'đặc biệt' : 'thường'}`, documentDate: `2019-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` }),
    );
    await index.index(docs);
    for (const [engine, query] of [
      [index, 'phan trang'],
      [windowed, 'phan trang'],
      [windowed, 'phan trang dac biet'],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await engine.search(q(query, { limit: 70, ...(cursor ? { cursor } : {}) }));
        expect(page.items.length).toBeLessThanOrEqual(70);
        seen.push(...ids(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const expected = docs.filter((d) => query.endsWith('dac biet') ? d.subject.includes('đặc biệt') : true).map((d) => d.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.sort()).toEqual(expected.sort());
    }
  });

  it('refuses a cursor from another search and a query with no word', async () => {
    const first = await windowed.search(q('phan trang', { limit: 5 }));
    expect(first.nextCursor).not.toBeNull();
    await expect(windowed.search(q('van phong', { cursor: first.nextCursor! }))).rejects.toMatchObject({ status: 400 });
    await expect(index.search(q('…'))).rejects.toMatchObject({ status: 400 });
  });
});
