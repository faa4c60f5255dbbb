import { mkdtempSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
import { startEmbedded } from '../local/embedded';
import { callerWith, incomingBody, vnClock } from '../test/integration/registers-support';
import { DynamoRegisterStore } from '../shared/adapters/dynamodb/register-store';
import { GaplessCounter } from '../shared/adapters/dynamodb/gapless-counter';
import { documentClient } from '../shared/adapters/dynamodb/client';
import { tableName } from '../shared/adapters/dynamodb/tables';
import { services } from '../shared/composition';
import { planIncoming } from '../shared/domain/registers/incoming';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
const dir = mkdtempSync(path.join(os.tmpdir(), 'exp-'));
const office = await startEmbedded({ dataDir: dir, inMemory: true, plugins: false });
const clerk = callerWith('vanthu', ['van-thu'], 'mat');
const db = documentClient(); const send = db.send.bind(db); let txMs = 0, tx = 0;
(db as any).send = async (c: any) => { const t = performance.now(); try { return await send(c); } finally { if (c instanceof TransactWriteCommand) { tx++; txMs += performance.now() - t; } } };
for (const year of [2070, 2071, 2072]) {
  const clock = vnClock(`${year}-06-01T10:00:00`);
  const store = new DynamoRegisterStore({ db, table: tableName('Data'), audit: services().audit, clock, config: () => services().domainConfig, counter: new GaplessCounter(db, tableName('Data'), { maxBatch: 1 }) });
  tx = 0; txMs = 0;
  const n = 150; const t0 = performance.now();
  for (let i = 0; i < n; i++) await store.registerIncoming(incomingBody(`${year}-05-30`) as never, { actor: clerk });
  const total = performance.now() - t0;
  const p0 = performance.now();
  for (let i = 0; i < 1000; i++) planIncoming(incomingBody(`${year}-05-30`) as never, { config: services().domainConfig, now: clock.now(), actor: clerk });
  console.log(`year ${year}: ${(n / (total / 1000)).toFixed(1)}/s  tx avg ${(txMs / tx).toFixed(1)}ms  plan ${((performance.now() - p0) / 1000).toFixed(3)}ms`);
}
await office.stop();
