import { mkdtempSync } from 'node:fs';
import { startEmbedded } from '../../local/embedded';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { tableName } from '../../shared/adapters/dynamodb/tables';
import { DynamoSearchIndex } from '../../shared/adapters/dynamodb/search-index';
import { syntheticEntries } from '../../bench/search';

const office = await startEmbedded({ dataDir: mkdtempSync('/tmp/prof-'), inMemory: true, plugins: false });
const db = documentClient();
let dbms = 0; let calls = 0;
db.middlewareStack.add((next) => async (args) => { const t = performance.now(); const r = await next(args); dbms += performance.now() - t; calls++; return r; }, { step: 'initialize', name: 'prof' });
try {
  const index = new DynamoSearchIndex(db, tableName('Search'));
  const docs = syntheticEntries(Number(process.argv[2] ?? 3000));
  let t = Date.now();
  const cpu0 = process.cpuUsage();
  await index.index(docs);
  const cpu = process.cpuUsage(cpu0);
  console.log('index', Date.now() - t, 'ms; node cpu', ((cpu.user + cpu.system) / 1000).toFixed(0), 'ms; db calls', calls, 'db ms (sum)', dbms.toFixed(0));
  await new Promise((r) => setTimeout(r, 3000));
  for (let rep = 0; rep < 3; rep++) {
    const line: string[] = [];
    for (const q of ['công tác', 'cong', 'van thu luu tru', 'văn phòng cấp ủy', 'kiểm tra giám sát', 'phong chong tham nhung', 'bổ nhiệm', '5-CV/TU']) {
      for (const cl of ['none', 'tuyet-mat'] as const) {
        calls = 0; t = performance.now();
        const r = await index.search({ q, clearance: cl, limit: 20 });
        line.push(`${q}/${cl}: ${(performance.now() - t).toFixed(0)}ms/${calls}c`);
      }
    }
    console.log(line.join('  '));
  }
} finally { await office.stop(); }
