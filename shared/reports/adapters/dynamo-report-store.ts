/**
 * ReportStore on the Data table. One report (organisation × type × period) is a partition:
 *   `REPORT#<org>#<type>#<period>` / `HEAD`      summary of the latest version; gsi1 `RTYPE#<type>` / `<period>#<org>`,
 *                                               gsi2 `ORG#<org>#REPORTS` / `<type>#<period>`
 *   `REPORT#<org>#<type>#<period>` / `V#000001`  each version, kept for ever (`data` as JSON text)
 *   `REPORTID#<id>` / `REPORTID`                 the report's id → its key
 * A new version is one transaction: the head moves from version n to n+1 on condition, the version
 * item is put if absent, and the audit event goes with them. Concurrent submissions retry.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError, ValidationError } from '../../platform/errors';
import type { ReportSummary, ReportVersion } from '../domain/model';
import type { NewVersion, ReportKey, ReportListQuery, ReportStore } from '../ports/reports';
import { stripKeys, writeTransaction } from '../../platform/aws/transactions';
import { checkStartKey, cursorJson, GSI1_KEY, GSI2_KEY, invalidCursor } from '../../platform/aws/cursor';

const pkOf = (k: ReportKey) => `REPORT#${k.orgId}#${k.reportType}#${k.period}`;
const versionSk = (v: number) => `V#${String(v).padStart(6, '0')}`;
const MAX_ATTEMPTS = 40;

function headItem(s: ReportSummary): Record<string, unknown> {
  return {
    pk: pkOf(s),
    sk: 'HEAD',
    gsi1pk: `RTYPE#${s.reportType}`,
    gsi1sk: `${s.period}#${s.orgId}`,
    gsi2pk: `ORG#${s.orgId}#REPORTS`,
    gsi2sk: `${s.reportType}#${s.period}`,
    ...s,
  };
}

function versionItem(v: ReportVersion): Record<string, unknown> {
  const { data, ...rest } = v;
  return { pk: pkOf(v), sk: versionSk(v.version), ...rest, dataJson: JSON.stringify(data) };
}

function versionOf(item: Record<string, unknown>): ReportVersion {
  const { dataJson, ...rest } = stripKeys<Record<string, unknown>>(item);
  return { ...(rest as unknown as ReportVersion), data: JSON.parse(dataJson as string) as Record<string, unknown> };
}

interface ListCursor {
  /** The report type being walked when no type or organisation narrows the list. */
  t?: string;
  k?: Record<string, unknown>;
}

function encode(c: ListCursor | null): string | null {
  return c ? Buffer.from(JSON.stringify(c), 'utf8').toString('base64url') : null;
}
/**
 * The cursor's shape (the key inside is checked against the query where it is used); a 400 when it
 * is not one. `t`, a report type's code, is checked where the list is walked: one that is no type of
 * the office (types are never deleted) is a 400 there.
 */
function decode(cursor: string | undefined): ListCursor {
  if (!cursor) return {};
  const v = cursorJson(cursor);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalidCursor();
  const { t, k, ...rest } = v as { t?: unknown; k?: unknown };
  if (Object.keys(rest).length || (t === undefined && k === undefined) || (t !== undefined && (typeof t !== 'string' || !t)) || (k !== undefined && (!k || typeof k !== 'object'))) throw invalidCursor();
  return v as ListCursor;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DynamoReportStore implements ReportStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async appendVersion(key: ReportKey, build: (current: ReportSummary | undefined) => NewVersion): Promise<NewVersion> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.head(key);
      const next = build(current);
      const put = (item: Record<string, unknown>, condition: string, values?: Record<string, unknown>) => ({
        Put: { TableName: this.table, Item: item, ConditionExpression: condition, ...(values ? { ExpressionAttributeValues: values } : {}) },
      });
      const items: unknown[] = current
        ? [put(headItem(next.summary), 'latestVersion = :prev', { ':prev': current.latestVersion })]
        : [
            put(headItem(next.summary), 'attribute_not_exists(pk)'),
            put({ pk: `REPORTID#${next.summary.id}`, sk: 'REPORTID', orgId: key.orgId, reportType: key.reportType, period: key.period }, 'attribute_not_exists(pk)'),
          ];
      items.push(put(versionItem(next.version), 'attribute_not_exists(pk)'), next.auditItem);
      const r = await writeTransaction(this.db, items);
      if (r.ok) return next;
      if (attempt >= MAX_ATTEMPTS) {
        throw new ConflictError('Too many submissions of this report at the same moment; send it again', [], 'CONCURRENT_SUBMISSION');
      }
      // Another submission of the same report won: back off a little (with jitter) and build on it.
      await sleep(Math.min(200, 5 * 2 ** Math.min(attempt, 5)) * Math.random());
    }
  }

  private async head(key: ReportKey): Promise<ReportSummary | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: pkOf(key), sk: 'HEAD' }, ConsistentRead: true }));
    return r.Item ? stripKeys<ReportSummary>(r.Item) : undefined;
  }

  async getSummary(id: string): Promise<ReportSummary | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: `REPORTID#${id}`, sk: 'REPORTID' }, ConsistentRead: true }));
    if (!r.Item) return undefined;
    return this.head(r.Item as unknown as ReportKey);
  }

  async getVersion(key: ReportKey, version: number): Promise<ReportVersion | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: pkOf(key), sk: versionSk(version) }, ConsistentRead: true }));
    return r.Item ? versionOf(r.Item) : undefined;
  }

  async versions(key: ReportKey): Promise<ReportVersion[]> {
    const out: ReportVersion[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :v)',
          ExpressionAttributeValues: { ':p': pkOf(key), ':v': 'V#' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(r.Items ?? []).map(versionOf));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async list(q: ReportListQuery, typeCodes: () => Promise<string[]>): Promise<{ items: ReportSummary[]; nextCursor: string | null }> {
    const cursor = decode(q.cursor);
    if (q.orgId) {
      const prefix = q.reportType ? `${q.reportType}#${q.period ? `${q.period}` : ''}` : '';
      const exact = q.reportType && q.period;
      if (cursor.t !== undefined) throw invalidCursor();
      const partition = `ORG#${q.orgId}#REPORTS`;
      if (cursor.k) cursor.k = checkStartKey(cursor.k, { attrs: GSI2_KEY, equal: { gsi2pk: partition, ...(exact ? { gsi2sk: prefix } : {}) }, ...(prefix && !exact ? { prefix: { gsi2sk: prefix } } : {}) });
      const input: QueryCommandInput = {
        TableName: this.table,
        IndexName: 'gsi2',
        KeyConditionExpression: exact ? 'gsi2pk = :p AND gsi2sk = :s' : prefix ? 'gsi2pk = :p AND begins_with(gsi2sk, :s)' : 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': partition, ...(prefix ? { ':s': prefix } : {}) },
        Limit: q.limit,
        ExclusiveStartKey: cursor.k,
      };
      if (q.period && !q.reportType) {
        input.FilterExpression = '#per = :per';
        input.ExpressionAttributeNames = { '#per': 'period' };
        input.ExpressionAttributeValues = { ...input.ExpressionAttributeValues, ':per': q.period };
      }
      const r = await this.db.send(new QueryCommand(input));
      return { items: (r.Items ?? []).map((i) => stripKeys<ReportSummary>(i)), nextCursor: encode(r.LastEvaluatedKey ? { k: r.LastEvaluatedKey } : null) };
    }
    if (q.reportType) {
      if (cursor.t !== undefined) throw invalidCursor();
      const page = await this.byType(q.reportType, q.period, q.limit, cursor.k);
      return { items: page.items, nextCursor: encode(page.last ? { k: page.last } : null) };
    }
    // Neither a type nor an organisation: walk the types in code order.
    const codes = (await typeCodes()).sort();
    if (cursor.k && cursor.t === undefined) throw invalidCursor();
    // The key must be one of that type's.
    if (cursor.k) cursor.k = checkStartKey(cursor.k, { attrs: GSI1_KEY, equal: { gsi1pk: `RTYPE#${cursor.t}` } });
    // Report types are never deleted: a cursor naming no type of the office was not written by this server.
    let i = cursor.t ? codes.indexOf(cursor.t) : 0;
    if (i < 0) throw invalidCursor();
    let start = cursor.k;
    const items: ReportSummary[] = [];
    while (i < codes.length && items.length < q.limit) {
      const page = await this.byType(codes[i]!, q.period, q.limit - items.length, start);
      items.push(...page.items);
      start = page.last;
      if (!start) i++;
    }
    const more = i < codes.length;
    return { items, nextCursor: encode(more ? { t: codes[i]!, ...(start ? { k: start } : {}) } : null) };
  }

  private async byType(reportType: string, period: string | undefined, limit: number, start: Record<string, unknown> | undefined) {
    if (start) start = checkStartKey(start, { attrs: GSI1_KEY, equal: { gsi1pk: `RTYPE#${reportType}` }, ...(period ? { prefix: { gsi1sk: `${period}#` } } : {}) });
    const r = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: period ? 'gsi1pk = :p AND begins_with(gsi1sk, :s)' : 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': `RTYPE#${reportType}`, ...(period ? { ':s': `${period}#` } : {}) },
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return { items: (r.Items ?? []).map((i) => stripKeys<ReportSummary>(i)), last: r.LastEvaluatedKey };
  }

  async allForPeriod(reportType: string, period: string): Promise<ReportSummary[]> {
    const out: ReportSummary[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.byType(reportType, period, 500, start);
      out.push(...page.items);
      start = page.last;
    } while (start);
    return out;
  }
}
