import { startDynamo } from '../../local/dynamodb';
import { DynamoDBClient, CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, BatchWriteCommand, BatchGetCommand, TransactWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
const d = await startDynamo({});
try {
  const raw = new DynamoDBClient({ endpoint: d.endpoint, region: 'x', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const db = DynamoDBDocumentClient.from(raw);
  await raw.send(new CreateTableCommand({ TableName: 'tbl', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }] }));
  const size = Number(process.argv[2] ?? 20000);
  const mk = (i: number) => ({ pk: 'K#' + i, sk: 'B#', n: 1, p: ('x'.repeat(50) + '\u001e').repeat(size / 51) });
  let t = performance.now();
  for (let i = 0; i < 200; i += 25) await db.send(new BatchWriteCommand({ RequestItems: { tbl: Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: mk(i + j) } })) } }));
  console.log('batchwrite 200', (performance.now() - t).toFixed(0));
  t = performance.now();
  for (let i = 0; i < 200; i += 50) await db.send(new TransactWriteCommand({ TransactItems: Array.from({ length: 50 }, (_, j) => ({ Put: { TableName: 'tbl', Item: mk(i + j) } })) }));
  console.log('transact 4x50', (performance.now() - t).toFixed(0));
  t = performance.now();
  for (let i = 0; i < 200; i += 10) await db.send(new TransactWriteCommand({ TransactItems: Array.from({ length: 10 }, (_, j) => ({ Put: { TableName: 'tbl', Item: mk(i + j) } })) }));
  console.log('transact 20x10', (performance.now() - t).toFixed(0));
  for (const n of [1, 3, 10, 50]) for (const cr of [true, false]) {
    const ts: number[] = [];
    for (let rep = 0; rep < 10; rep++) { t = performance.now(); await db.send(new BatchGetCommand({ RequestItems: { tbl: { Keys: Array.from({ length: n }, (_, j) => ({ pk: 'K#' + ((rep * 13 + j) % 200), sk: 'B#' })), ConsistentRead: cr } } })); ts.push(performance.now() - t); }
    ts.sort((a, b) => a - b); console.log('batchget', n, cr, 'median', ts[5]!.toFixed(1));
  }
  const ts: number[] = [];
  for (let rep = 0; rep < 10; rep++) { t = performance.now(); await db.send(new GetCommand({ TableName: 'tbl', Key: { pk: 'K#5', sk: 'B#' } })); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b); console.log('get median', ts[5]!.toFixed(1));
} finally { await d.stop(); }
