import { mkdtempSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
import { startEmbedded } from '../local/embedded';
import { dynamoClient, documentClient } from '../shared/adapters/dynamodb/client';
import { ScanCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
const e = await startEmbedded({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'x-')), inMemory: true, plugins: false });
const t = e.env.DAUMOI_DATA_TABLE ?? Object.values(e.env).find((v) => v.endsWith('-Data'))!;
console.log(t);
async function count() { let n = 0; let k: any; do { const r = await dynamoClient().send(new ScanCommand({ TableName: t, Select: 'COUNT', ExclusiveStartKey: k })); n += r.Count!; k = r.LastEvaluatedKey; } while (k); return n; }
for (const total of [100, 1000, 5000]) {
  let have = await count();
  while (have < total) {
    const items = Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { pk: `X#${have + i}`, sk: 'X', body: 'y'.repeat(800) } } }));
    await documentClient().send(new BatchWriteCommand({ RequestItems: { [t]: items } })); have += 25;
  }
  const t0 = performance.now(); for (let i = 0; i < 10; i++) await count(); const ms = (performance.now() - t0) / 10;
  const d = await dynamoClient().send(new DescribeTableCommand({ TableName: t }));
  console.log(total, 'scan count ms', ms.toFixed(1), 'describe ItemCount', d.Table?.ItemCount);
}
await e.stop();
process.exit(0);
