import { startEmbedded } from '../../local/embedded';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { tableName } from '../../shared/adapters/dynamodb/tables';
import { DynamoSearchIndex } from '../../shared/adapters/dynamodb/search-index';
import { syntheticEntries } from '../../bench/search';
const office = await startEmbedded({ dataDir: '/tmp/sbench', inMemory: false, plugins: false });
const db = documentClient();
let calls = 0; let bytes = 0;
db.middlewareStack.add((next) => async (args) => { calls++; const r: any = await next(args); bytes += Number(r.response?.headers?.['content-length'] ?? 0); return r; }, { step: 'finalizeRequest', name: 'prof' });
try {
  const index = new DynamoSearchIndex(db, tableName('Search'));
  const docs = syntheticEntries(50000);
  let seed = 7; const r = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const rows: [number, string, number, number, number][] = [];
  for (let i = 0; i < 30; i++) await index.search({ q: 'cong tac', clearance: 'mat', limit: 20 });
  for (const words of [2, 3]) for (let i = 0; i < 150; i++) {
    const doc = docs[Math.floor(r() * docs.length)]!;
    const syl = doc.subject.split(/[\s,]+/).filter((w) => /\p{L}/u.test(w) && w !== 'V/v');
    if (syl.length < words) continue;
    const at = Math.floor(r() * (syl.length - words + 1));
    let q = syl.slice(at, at + words).join(' '); if (r() < 0.5) q = fold(q);
    const cl = (['none', 'mat', 'toi-mat', 'tuyet-mat'] as const)[i % 4]!;
    calls = 0; bytes = 0; const t = performance.now();
    const page = await index.search({ q, clearance: cl, limit: 20 });
    rows.push([performance.now() - t, `${q}/${cl}`, calls, bytes, page.items.length]);
  }
  rows.sort((a, b) => b[0] - a[0]);
  for (const row of rows.slice(0, 25)) console.log(row[0].toFixed(0), 'ms', row[1], row[2], 'calls', (row[3] / 1024).toFixed(0), 'KB', row[4], 'hits');
  const ms = rows.map((x) => x[0]).sort((a, b) => a - b);
  console.log('p50', ms[Math.floor(ms.length / 2)]!.toFixed(0), 'p95', ms[Math.floor(ms.length * 0.95)]!.toFixed(0));
} finally { await office.stop(); }
