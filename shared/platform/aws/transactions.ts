/** TransactWriteItems for the DynamoDB adapters: tells a failed condition (or a conflicting transaction) apart from other errors; and the key attributes stripped from an item read back. */
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** Which item's condition failed (index → code), or ok. Other errors are thrown as they are. */
export async function writeTransaction(db: DynamoDBDocumentClient, items: unknown[]): Promise<{ ok: true } | { ok: false; reasons: (string | undefined)[] }> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: items as TransactItem[] }));
    return { ok: true };
  } catch (err) {
    const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
    if (e.name === 'TransactionCanceledException') {
      const reasons = (e.CancellationReasons ?? []).map((r) => (r.Code === 'None' ? undefined : r.Code));
      // A throttled or failed item is not a business conflict: let the caller see the real error.
      if (reasons.some((r) => r && r !== 'ConditionalCheckFailed' && r !== 'TransactionConflict')) throw err;
      return { ok: false, reasons };
    }
    if (e.name === 'TransactionConflictException') return { ok: false, reasons: ['TransactionConflict'] };
    throw err;
  }
}

/** Strips the key attributes from an item. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = item;
  return rest as T;
}
