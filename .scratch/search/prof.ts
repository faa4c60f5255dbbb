import { mkdtempSync } from 'node:fs';
import { startEmbedded } from '../../local/embedded';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { tableName } from '../../shared/adapters/dynamodb/tables';
import { DynamoSearchIndex } from '../../shared/adapters/dynamodb/search-index';
import { syntheticEntries } from '../../bench/search';

const office = await startEmbedded({ dataDir: mkdtempSync('/tmp/prof-'), inMemory: true, plugins: false });
const db = documentClient();
const log: { cmd: string; ms: number }[] = [];
db.middlewareStack.add((next, ctx) => async (args) => {
  const t = performance.now();
  const r = await next(args);
  log.push({ cmd: (ctx as any).commandName, ms: performance.now() - t });
  return r;
}, { step: 'initialize', name: 'prof' });
try {
  const index = new DynamoSearchIndex(db, tableName('Search'));
  const docs = syntheticEntries(Number(process.argv[2] ?? 3000));
  let t = Date.now();
  await index.index(docs);
  console.log('index', Date.now() - t);
  const sum = (l: typeof log) => { const m = new Map<string, [number, number]>(); for (const x of l) { const e = m.get(x.cmd) ?? [0, 0]; e[0]++; e[1] += x.ms; m.set(x.cmd, e); } return [...m].map(([k, [n, ms]]) => `${k}: ${n} calls ${ms.toFixed(0)}ms`).join('; '); };
  console.log(sum(log)); log.length = 0;
  for (const q of ['công tác', 'cong', 'van thu luu tru', 'văn phòng cấp ủy', 'kiểm tra giám sát', 'phong chong tham nhung', 'bổ nhiệm', '5-CV/TU']) {
    for (const cl of ['none', 'tuyet-mat'] as const) {
      log.length = 0; t = performance.now();
      const r = await index.search({ q, clearance: cl, limit: 20 });
      console.log(q, cl, (performance.now() - t).toFixed(1), 'ms', r.items.length, r.nextCursor ? 'more' : '', '|', sum(log));
    }
  }
} finally { await office.stop(); }
