import { mkdtempSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
import { startEmbedded } from '../local/embedded';
import { otherContainer, incomingBody, callerWith, vnClock } from '../test/integration/registers-support';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../shared/adapters/dynamodb/client';
const dir = mkdtempSync(path.join(os.tmpdir(), 'exp-'));
const office = await startEmbedded({ dataDir: dir, inMemory: true, plugins: false });
const clerk = callerWith('vanthu', ['van-thu'], 'mat');
const db = documentClient(); const send = db.send.bind(db); let tx = 0, txMs = 0, fails = 0;
(db as any).send = async (c: any) => { if (c instanceof TransactWriteCommand) { const t = performance.now(); tx++; try { return await send(c); } catch (e) { fails++; throw e; } finally { txMs += performance.now() - t; } } return send(c); };
let year = 2080;
for (const [k, n] of [[1, 200], [4, 200], [8, 200], [1, 200], [4, 200], [8, 200], [32, 200]] as const) {
  tx = 0; txMs = 0; fails = 0; year++;
  const clock = vnClock(`${year}-06-01T10:00:00`);
  const cs = Array.from({ length: k }, () => otherContainer(clock));
  const t0 = performance.now();
  const rs = await Promise.allSettled(Array.from({ length: n }, (_, i) => cs[i % k]!.registerIncoming(incomingBody(`${year}-05-30`) as never, { actor: clerk })));
  console.log(`containers=${k} n=${n} ${(performance.now() - t0).toFixed(0)}ms tx=${tx} fails=${fails} avgTx=${(txMs / tx).toFixed(1)}ms rejected=${rs.filter(r => r.status === 'rejected').length}`);
}
await office.stop();
