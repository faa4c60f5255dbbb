import { mkdtempSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
import { startEmbedded } from '../local/embedded';
import { tokenFor } from '../test/support/integration';
for (const inMemory of [process.env.MEM === '1']) {
const e = await startEmbedded({ dataDir: mkdtempSync(path.join(process.env.DIR ?? os.tmpdir(), 'x-')), inMemory, plugins: false, port: 0 });
const token = await tokenFor('vanthu');
const times: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  const r = await fetch(`${e.url}/v1/registers/incoming/entries`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ numberSymbol: `${i + 1}-CV/VPTU`, documentDate: '2026-11-01', issuer: 'VP', typeCode: 'CV', subject: 'về việc x', secrecy: null, urgency: null }) });
  await r.text();
  times.push(performance.now() - t0);
}
console.log(inMemory ? 'memory' : 'disk', times.map((t) => t.toFixed(0)).join(' '));
await e.stop();
}
process.exit(0);
