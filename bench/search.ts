/**
 * `npm run bench -- search [entries] [queries]`: indexes synthetic register entries (default
 * 50,000) into an embedded DynamoDB Local and measures the latency of 1-, 2- and 3-syllable
 * queries through the same SearchIndex the API uses. Target: p95 ≤ 200 ms.
 *
 * Subjects are composed from phrases of real office letters, so common syllables ("công",
 * "tác", "văn") occur in a large share of the entries, as they do in a real register. Queries
 * are taken from indexed subjects (so they have hits), half typed without diacritics, at
 * clearances from none to tuyệt mật.
 *
 * `--data <dir>` keeps DynamoDB Local's files there and reuses an index built by an earlier run
 * with the same number of entries (to measure queries again without indexing again).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '../local/embedded';
import { documentClient } from '../shared/platform/aws/dynamodb-client';
import { tableName } from '../shared/platform/aws/tables';
import { DynamoSearchIndex, SearchEngine } from '../shared/search';
import type { SearchDocument } from '../shared/search/domain/document';
import type { Clearance, Secrecy } from '../shared/platform/security';
import { seededRng } from '../test/support/seeded-rng';

const ACTIONS = [
  'về việc triển khai', 'về việc tổ chức', 'về tăng cường', 'về việc thực hiện', 'về nâng cao chất lượng', 'về việc kiện toàn',
  'về đẩy mạnh', 'về việc sơ kết', 'về việc tổng kết', 'về việc chuẩn bị', 'về việc kiểm tra, giám sát', 'về việc góp ý dự thảo',
  'về việc khen thưởng', 'về việc bổ nhiệm', 'về việc điều động', 'về công tác', 'V/v đề nghị', 'V/v báo cáo', 'V/v cử cán bộ dự',
];
const OBJECTS = [
  'công tác văn thư, lưu trữ', 'công tác văn phòng cấp ủy', 'công tác tổ chức xây dựng Đảng', 'công tác kiểm tra, giám sát',
  'công tác tuyên giáo', 'công tác dân vận', 'công tác bảo vệ bí mật nhà nước', 'công tác phát triển đảng viên',
  'công tác cán bộ', 'chế độ thông tin, báo cáo', 'sinh hoạt chi bộ', 'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'chuyển đổi số trong các cơ quan đảng', 'thực hành tiết kiệm, chống lãng phí', 'phòng, chống tham nhũng, tiêu cực',
  'đại hội đảng bộ các cấp', 'hội nghị Ban Chấp hành', 'quy chế làm việc', 'đánh giá, xếp loại chất lượng tổ chức đảng',
  'kỷ niệm Ngày truyền thống Văn phòng cấp ủy', 'công tác thi đua, khen thưởng', 'quản lý đảng viên', 'an ninh, quốc phòng',
  'phát triển kinh tế - xã hội', 'cải cách hành chính', 'xây dựng nông thôn mới', 'công tác đối ngoại', 'bảo vệ nền tảng tư tưởng của Đảng',
];
const QUALIFIERS = [
  'trong tình hình mới', 'năm {y}', '6 tháng đầu năm {y}', 'quý {q} năm {y}', 'nhiệm kỳ 2025 - 2030', 'giai đoạn 2021 - 2025',
  'trên địa bàn tỉnh', 'trong các cơ quan, tổ chức đảng', 'đối với các chi bộ trực thuộc', 'của Đảng bộ Khối', '',
];
const ISSUERS: [string, string][] = [
  ['Tỉnh ủy', 'TU'], ['Văn phòng Tỉnh ủy', 'VPTU'], ['Ban Tổ chức Tỉnh ủy', 'BTCTU'], ['Ban Tuyên giáo Tỉnh ủy', 'BTGTU'],
  ['Ủy ban Kiểm tra Tỉnh ủy', 'UBKTTU'], ['Đảng ủy Khối các cơ quan tỉnh', 'ĐUK'], ['Huyện ủy Phú Lộc', 'HU'], ['Đảng ủy phường Phú Hội', 'ĐU'],
  ['Ban Dân vận Tỉnh ủy', 'BDVTU'], ['Ban Nội chính Tỉnh ủy', 'BNCTU'],
];
const TYPES: [string, string][] = [
  ['CV', 'Công văn'], ['BC', 'Báo cáo'], ['KH', 'Kế hoạch'], ['TB', 'Thông báo'], ['HD', 'Hướng dẫn'], ['QĐ', 'Quyết định'],
  ['NQ', 'Nghị quyết'], ['CT', 'Chỉ thị'], ['TTr', 'Tờ trình'], ['GM', 'Giấy mời'], ['KL', 'Kết luận'],
];
const SECRECY: (Secrecy | null)[] = [null, null, null, null, null, null, null, null, 'mat', 'mat', 'toi-mat', 'tuyet-mat'];

/** Deterministic pseudo-random numbers (mulberry32), so every run indexes the same corpus. */

export function syntheticEntries(count: number, seed = 42): SearchDocument[] {
  const r = seededRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const numbers = new Map<string, number>();
  return Array.from({ length: count }, (_, i) => {
    const year = 2016 + Math.floor(r() * 11);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    const [issuer, issuerCode] = pick(ISSUERS);
    const [typeCode, typeName] = pick(TYPES);
    const key = `${typeCode}/${issuerCode}/${year}`;
    const n = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, n);
    const qualifier = pick(QUALIFIERS).replace('{y}', String(year)).replace('{q}', String(1 + Math.floor(r() * 4)));
    const subject = [pick(ACTIONS), pick(OBJECTS), qualifier].filter(Boolean).join(' ');
    return {
      id: `E${String(i).padStart(7, '0')}`,
      register: r() < 0.6 ? 'incoming' : 'outgoing',
      numberSymbol: `${n}-${typeCode}/${issuerCode}`,
      typeCode,
      typeName,
      issuer,
      issuerCode,
      subject,
      documentDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      year,
      secrecy: pick(SECRECY),
      other: r() < 0.3 ? ['Văn phòng Tỉnh ủy', 'Lưu VT'] : [],
      text: null,
    };
  });
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export async function run(args: string[]): Promise<void> {
  const dataAt = args.indexOf('--data');
  const keep = dataAt >= 0 ? path.resolve(args[dataAt + 1]!) : null;
  const [countArg, perClassArg] = args.filter((_, i) => dataAt < 0 || (i !== dataAt && i !== dataAt + 1));
  const count = Number(countArg ?? 50_000);
  const perClass = Number(perClassArg ?? 200);
  const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'daumoi-bench-search-'));
  const office = await startEmbedded({ dataDir: dir, inMemory: !keep, plugins: false });
  try {
    const index = new SearchEngine(new DynamoSearchIndex(documentClient(), tableName('Search')));
    const docs = syntheticEntries(count);
    const marker = path.join(dir, `search-index-${count}.done`);
    if (keep && existsSync(marker)) console.log(`  reusing the index of ${count} entries in ${dir}`);
    else {
      const t0 = Date.now();
      for (let i = 0; i < docs.length; i += 5000) {
        await index.index(docs.slice(i, i + 5000));
        process.stdout.write(`\r  indexed ${Math.min(i + 5000, docs.length)} / ${docs.length} entries`);
      }
      const indexSeconds = (Date.now() - t0) / 1000;
      console.log(`\n  indexing took ${indexSeconds.toFixed(1)} s (${Math.round(docs.length / indexSeconds)} entries/s)`);
      if (keep) writeFileSync(marker, new Date().toISOString());
    }

    const r = seededRng(7);
    const clearances: Clearance[] = ['none', 'mat', 'mat', 'toi-mat', 'tuyet-mat'];
    const queryOf = (words: number): string => {
      for (;;) {
        const doc = docs[Math.floor(r() * docs.length)]!;
        const syl = doc.subject.split(/[\s,]+/).filter((w) => /\p{L}/u.test(w) && w !== 'V/v');
        if (syl.length < words) continue;
        const at = Math.floor(r() * (syl.length - words + 1));
        const q = syl.slice(at, at + words).join(' ');
        return r() < 0.5 ? fold(q) : q;
      }
    };
    // Warm up the JVM and the connection pool.
    for (let i = 0; i < 30; i++) await index.search({ q: queryOf(1 + (i % 3)), clearance: 'mat', limit: 20 });
    const rows: string[] = [];
    for (const words of [1, 2, 3]) {
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < perClass; i++) {
        const q = queryOf(words);
        const start = performance.now();
        const page = await index.search({ q, clearance: clearances[i % clearances.length]!, limit: 20 });
        times.push(performance.now() - start);
        hits += page.items.length;
      }
      rows.push(
        `| ${words} | ${perClass} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${(hits / perClass).toFixed(1)} |`,
      );
    }
    console.log(`\nSearch latency over ${docs.length} entries (DynamoDB Local, limit 20):\n`);
    console.log('| words | queries | p50 ms | p95 ms | max ms | hits/query |');
    console.log('|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log('\nTarget: p95 ≤ 200 ms.');
  } finally {
    await office.stop();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
