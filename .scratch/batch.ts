import { mkdtempSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
import { startEmbedded } from '../local/embedded';
import { callerWith, incomingBody, vnClock } from '../test/integration/registers-support';
import { DynamoRegisterStore } from '../shared/adapters/dynamodb/register-store';
import { GaplessCounter } from '../shared/adapters/dynamodb/gapless-counter';
import { documentClient } from '../shared/adapters/dynamodb/client';
import { tableName } from '../shared/adapters/dynamodb/tables';
import { services } from '../shared/composition';
const dir = mkdtempSync(path.join(os.tmpdir(), 'exp-'));
const office = await startEmbedded({ dataDir: dir, inMemory: true, plugins: false });
const clerk = callerWith('vanthu', ['van-thu'], 'mat');
let y = 2060;
for (const round of [0, 1]) for (const mb of [1, 2, 4, 8, 24]) {
  const year = y++;
  const clock = vnClock(`${year}-06-01T10:00:00`);
  const store = new DynamoRegisterStore({ db: documentClient(), table: tableName('Data'), audit: services().audit, clock, config: () => services().domainConfig, counter: new GaplessCounter(documentClient(), tableName('Data'), { maxBatch: mb }) });
  const n = 240; let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 32 }, async () => { while (next < n) { next++; await store.registerIncoming(incomingBody(`${year}-05-30`) as never, { actor: clerk }); } }));
  console.log(`round ${round} maxBatch=${mb}: ${(n / ((performance.now() - t0) / 1000)).toFixed(1)}/s`);
}
await office.stop();
