import { mkdtempSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
import { startEmbedded } from '../local/embedded';
import { documentClient } from '../shared/adapters/dynamodb/client';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
const dir = mkdtempSync(path.join(os.tmpdir(), 'exp-'));
const office = await startEmbedded({ dataDir: dir, inMemory: true, plugins: false });
const db = documentClient();
const T = process.env.DAUMOI_TABLE_DATA!, A = process.env.DAUMOI_TABLE_AUDIT!;
let conflicts = 0;
async function one(run: string, i: number) {
  for (;;) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: [
        { Update: { TableName: T, Key: { pk: `C#${run}`, sk: 'C' }, UpdateExpression: 'ADD #l :one', ExpressionAttributeNames: { '#l': 'last' }, ExpressionAttributeValues: { ':one': 1 } } },
        { Put: { TableName: T, Item: { pk: `E#${run}#${i}`, sk: 'E', subject: 'x'.repeat(200), gsi1pk: `R#${run}`, gsi1sk: String(i).padStart(8, '0') }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: A, Item: { pk: `ENTITY#${run}#${i}`, sk: 'a', gsi1pk: 'M', gsi1sk: `${run}${i}`, before: null, after: { x: 'y'.repeat(200) } } } },
      ] }));
      return;
    } catch (e: any) { if (e.name === 'TransactionCanceledException' || e.name === 'TransactionConflictException') { conflicts++; await new Promise(r => setTimeout(r, Math.random() * 5)); continue; } throw e; }
  }
}
for (const c of [1, 8, 32, 1, 8, 32]) {
  const run = `r${c}-${Math.random()}`; const n = 300; let next = 0; conflicts = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: c }, async () => { while (next < n) { const i = next++; await one(run, i); } }));
  const dt = (performance.now() - t0) / 1000;
  console.log(`c=${c} ${(n / dt).toFixed(1)}/s conflicts=${conflicts}`);
}
await office.stop();
