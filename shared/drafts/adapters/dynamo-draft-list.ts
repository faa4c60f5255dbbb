/**
 * The lists of drafts on the Data table, read by GET /v1/drafts without a scan.
 *
 * Every draft has a list item `DRAFT#<id>` / `LIST#ALL` (the office's list) and, when it has a
 * drafting department, `DRAFT#<id>` / `LIST#DEPT` (that department's), written in the same
 * transaction as the draft itself, each with the draft's summary and its secrecy rank:
 * - gsi1 lists them newest first: `DRAFTLIST#ALL` or `DRAFTLIST#DEPT#<dept>` / `<createdAt>#<id>`;
 * - gsi2 the same by status: `DRAFTLIST#ALL#<status>` or `DRAFTLIST#DEPT#<dept>#<status>` / `<createdAt>#<id>`.
 * A status change re-puts the items (the keys are attributes of the item, not its key), so no
 * list item is ever left behind in an old status. The clearance bound is a filter on the query:
 * nothing above it leaves the table's answer for the caller.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, GSI1_KEY, GSI2_KEY } from '../../platform/aws/cursor';
import { secrecyRank, summaryOf, type DraftListScope, type DraftSummary, type OpenStatus } from '../domain/listing';
import type { Draft, DraftStatus } from '../domain/model';

const listPartition = (dept?: string | null) => (dept ? `DRAFTLIST#DEPT#${dept}` : 'DRAFTLIST#ALL');
const LIST_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'secrecyRank'] as const;

/** The keys of a draft's list items (to delete them with the draft). */
export function listKeys(d: Pick<Draft, 'id' | 'dept'>): { pk: string; sk: string }[] {
  return [{ pk: `DRAFT#${d.id}`, sk: 'LIST#ALL' }, ...(d.dept ? [{ pk: `DRAFT#${d.id}`, sk: 'LIST#DEPT' }] : [])];
}

/** The draft's list items as they are after this write. */
export function listItems(d: Draft): Record<string, unknown>[] {
  const order = `${d.createdAt}#${d.id}`;
  const lists = [listPartition(null), ...(d.dept ? [listPartition(d.dept)] : [])];
  return listKeys(d).map((key, i) => ({
    ...key,
    gsi1pk: lists[i],
    gsi1sk: order,
    gsi2pk: `${lists[i]}#${d.status}`,
    gsi2sk: order,
    secrecyRank: secrecyRank(d.secrecy),
    ...summaryOf(d),
  }));
}

export class DynamoDraftList {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async page(q: { scope: DraftListScope; status?: DraftStatus; limit: number; cursor?: string }): Promise<{ items: DraftSummary[]; nextCursor: string | null }> {
    const list = listPartition(q.scope.dept);
    const [index, partition, attrs] = q.status ? (['gsi2', `${list}#${q.status}`, GSI2_KEY] as const) : (['gsi1', list, GSI1_KEY] as const);
    const items: DraftSummary[] = [];
    let start: Record<string, unknown> | undefined = decodeCursor(q.cursor, { attrs, equal: { [`${index}pk`]: partition } });
    let lastKey: Record<string, unknown> | undefined;
    for (;;) {
      const r = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: index,
          KeyConditionExpression: `${index}pk = :pk`,
          FilterExpression: 'secrecyRank <= :rank',
          ExpressionAttributeValues: { ':pk': partition, ':rank': q.scope.maxRank },
          ExclusiveStartKey: start,
          ScanIndexForward: false,
          Limit: Math.max(q.limit - items.length, 25),
        }),
      );
      for (const item of r.Items ?? []) {
        if (items.length === q.limit) return { items, nextCursor: encodeCursor(lastKey) };
        items.push(strip(item));
        lastKey = Object.fromEntries(attrs.map((a) => [a, item[a]]));
      }
      start = r.LastEvaluatedKey;
      if (!start) return { items, nextCursor: null };
      if (items.length === q.limit) return { items, nextCursor: encodeCursor(lastKey) };
    }
  }

  async countByStatus(scope: DraftListScope, statuses: readonly OpenStatus[]): Promise<Partial<Record<OpenStatus, number>>> {
    const list = listPartition(scope.dept);
    const counts = await Promise.all(
      statuses.map(async (status) => {
        let n = 0;
        let start: Record<string, unknown> | undefined;
        do {
          const r = await this.db.send(
            new QueryCommand({
              TableName: this.table,
              IndexName: 'gsi2',
              KeyConditionExpression: 'gsi2pk = :pk',
              FilterExpression: 'secrecyRank <= :rank',
              ExpressionAttributeValues: { ':pk': `${list}#${status}`, ':rank': scope.maxRank },
              Select: 'COUNT',
              ExclusiveStartKey: start,
            }),
          );
          n += r.Count ?? 0;
          start = r.LastEvaluatedKey;
        } while (start);
        return [status, n] as const;
      }),
    );
    return Object.fromEntries(counts);
  }
}

function strip(raw: Record<string, unknown>): DraftSummary {
  const out = { ...raw };
  for (const k of LIST_ATTRS) delete out[k];
  return out as DraftSummary;
}
