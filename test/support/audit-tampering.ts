/**
 * Tampering with the stored audit log, as someone with write access to the table could: edit
 * an event, delete one in the middle, delete the last one, swap two. Each case returns its undo,
 * so that the next case starts from an intact log. Used by the audit-chain test and the
 * reliability bench.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoAuditLog } from '../../shared/audit/adapters/dynamo-audit-log';
import type { ChainProblem } from '../../shared/audit/domain/audit-chain';

type Item = Record<string, unknown>;
type Undo = () => Promise<void>;

export interface TamperCase {
  name: string;
  /** The problem verify() must report. */
  detectedAs: ChainProblem['kind'];
  tamper(db: DynamoDBDocumentClient, table: string): Promise<Undo>;
}

/** The sealed event at a position of the chain. */
export async function sealedEvent(db: DynamoDBDocumentClient, table: string, seq: number): Promise<Item> {
  const r = await db.send(
    new QueryCommand({ TableName: table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :c AND gsi2sk = :s', ExpressionAttributeValues: { ':c': 'CHAIN', ':s': String(seq).padStart(12, '0') } }),
  );
  const item = r.Items?.[0];
  if (!item) throw new Error(`no sealed audit event at ${seq}`);
  return item;
}

const putBack = (db: DynamoDBDocumentClient, table: string, ...items: Item[]): Undo => async () => {
  for (const Item of items) await db.send(new PutCommand({ TableName: table, Item }));
};

export const TAMPER_CASES: TamperCase[] = [
  {
    name: 'an edited event',
    detectedAs: 'edited',
    async tamper(db, table) {
      const e = await sealedEvent(db, table, 2);
      await db.send(new UpdateCommand({ TableName: table, Key: { pk: e.pk, sk: e.sk }, UpdateExpression: 'SET #a = :a', ExpressionAttributeNames: { '#a': 'after' }, ExpressionAttributeValues: { ':a': { i: 999 } } }));
      return putBack(db, table, e);
    },
  },
  {
    name: 'an event deleted in the middle',
    detectedAs: 'missing',
    async tamper(db, table) {
      const e = await sealedEvent(db, table, 3);
      await db.send(new DeleteCommand({ TableName: table, Key: { pk: e.pk, sk: e.sk } }));
      return putBack(db, table, e);
    },
  },
  {
    name: 'the last event deleted (found through the chain head)',
    detectedAs: 'head-mismatch',
    async tamper(db, table) {
      const head = (await db.send(new GetCommand({ TableName: table, Key: { pk: 'CHAIN', sk: 'HEAD' } }))).Item!;
      const e = await sealedEvent(db, table, Number(head.seq));
      await db.send(new DeleteCommand({ TableName: table, Key: { pk: e.pk, sk: e.sk } }));
      return putBack(db, table, e);
    },
  },
  {
    name: 'two events swapped in order',
    detectedAs: 'edited',
    async tamper(db, table) {
      const a = await sealedEvent(db, table, 4);
      const b = await sealedEvent(db, table, 5);
      const swap = (x: Item, y: Item) => ({ ...x, seq: y.seq, gsi2sk: y.gsi2sk, prevHash: y.prevHash, hash: y.hash });
      await db.send(new PutCommand({ TableName: table, Item: swap(a, b) }));
      await db.send(new PutCommand({ TableName: table, Item: swap(b, a) }));
      return putBack(db, table, a, b);
    },
  },
];

export interface TamperResult {
  name: string;
  /** The log verified before the tampering and again after the undo. */
  intactAround: boolean;
  detected: boolean;
  kinds: string[];
}

/** Verifies, tampers, verifies (expecting the case's problem), undoes, verifies again. */
export async function runTamperCase(audit: DynamoAuditLog, db: DynamoDBDocumentClient, table: string, c: TamperCase): Promise<TamperResult> {
  const before = (await audit.verify()).ok;
  const undo = await c.tamper(db, table);
  const r = await audit.verify();
  await undo();
  const after = (await audit.verify()).ok;
  const kinds = r.problems.map((p) => p.kind);
  return { name: c.name, intactAround: before && after, detected: !r.ok && kinds.includes(c.detectedAs), kinds };
}
