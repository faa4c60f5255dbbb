/**
 * AssignmentStore on the Data table.
 * - `ASSIGNMENT#<id>` / `A`: the assignment; gsi1 `ASSIGNEE#<u:user|d:dept>` / `<dueAt>#<id>` (work of
 *   one person or department, earliest due first); gsi2 `ASSIGNED#<YYYY-MM>` / `<assignedAt>#<id>`
 *   (what was given in a month: lists, stats, the printed book and reminders read a period as its
 *   months, in parallel, one partition each).
 * - `ASSIGNMENT#<id>` / `H#<at>#<n>`: its history; `R#<dueDate>#<kind>#<days>`: its reminders.
 * - `INSTRUCTION#<entryId>` / `I`: the instruction on a letter (one per letter).
 * - Stats (written in the same transaction as the assignment, so that a year's stats read small
 *   partitions, never the assignments): `ASSIGNAGG#<YYYY-MM>#<user|dept>` / `<group>#<secrecy>` running
 *   totals (ADD the difference a write makes); `ASSIGNOPEN#<YYYY-MM>` / `<dueAt>#<id>` a slim row per
 *   open assignment, deleted when it is done: a reading asks only for the rows not yet due.
 */
import { BatchWriteCommand, GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { stripKeys, writeTransaction } from '../../platform/aws/transactions';
import { partyKey, type Assignment, type AssignmentEvent, type Party } from '../domain/model';
import type { AssignmentStore, Instruction, ReminderRecord } from '../ports/assignment-store';
import { aggregateDeltas, type AggDelta, type AggRow, type StatRow, type StatsBy } from '../domain/stats';

const pk = (id: string) => `ASSIGNMENT#${id}`;
const MAIN = 'A';
const month = (a: Assignment) => a.assignedDate.slice(0, 7);

const openKey = (a: Assignment) => ({ pk: `ASSIGNOPEN#${month(a)}`, sk: `${a.dueAt}#${a.id}` });
/** An open assignment's slim row for the stats (short attribute names: what they count by, nothing else). */
function openItem(a: Assignment) {
  return { ...openKey(a), a: partyKey(a.assignee), d: a.assigneeDept, s: a.secrecy ?? '-', du: a.dueAt, x: a.extensions };
}
function openRow(i: Record<string, unknown>): StatRow {
  const key = String(i.a);
  return {
    id: String(i.sk).slice(String(i.sk).indexOf('#') + 1),
    assignee: key.startsWith('u:') ? { user: key.slice(2) } : { dept: key.slice(2) },
    assigneeDept: (i.d as string | null) ?? null,
    secrecy: i.s === '-' ? null : (i.s as StatRow['secrecy']),
    status: 'open',
    dueAt: String(i.du),
    onTime: null,
    extensions: Number(i.x ?? 0),
  };
}
const aggKeyOf = (d: Pick<AggRow, 'month' | 'by' | 'group' | 'secrecy'>) => ({ pk: `ASSIGNAGG#${d.month}#${d.by}`, sk: `${d.group}#${d.secrecy ?? '-'}` });
function aggRow(i: Record<string, unknown>): AggRow {
  return { month: String(i.pk).slice('ASSIGNAGG#'.length, 'ASSIGNAGG#'.length + 7), by: i.by as AggRow['by'], group: String(i.g), secrecy: i.s === '-' ? null : (i.s as AggRow['secrecy']), assigned: Number(i.n ?? 0), doneOnTime: Number(i.ot ?? 0), doneLate: Number(i.lt ?? 0), open: Number(i.o ?? 0), extensions: Number(i.x ?? 0) };
}
/** A transaction that failed only because another one touched the same item (a running total) is tried again. */
const CONFLICT_RETRIES = 5;
const onlyConflicts = (r: { ok: boolean; reasons?: (string | undefined)[] }) => !r.ok && !!r.reasons?.length && r.reasons.every((x) => x === undefined || x === 'TransactionConflict') && r.reasons.some((x) => x === 'TransactionConflict');

export class DynamoAssignmentStore implements AssignmentStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private item(a: Assignment) {
    return { pk: pk(a.id), sk: MAIN, gsi1pk: `ASSIGNEE#${partyKey(a.assignee)}`, gsi1sk: `${a.dueAt}#${a.id}`, gsi2pk: `ASSIGNED#${month(a)}`, gsi2sk: `${a.assignedAt}#${a.id}`, ...a };
  }

  /** The stats' writes of changes made together: the running totals they move (one update each), the open rows kept or removed. */
  private statWrites(...changes: [before: Assignment | null, after: Assignment][]): unknown[] {
    return [...aggregateDeltas(...changes).map((d) => ({ Update: this.aggUpdate(d) })), ...changes.flatMap(([before, after]) => this.openWrites(before, after))];
  }

  private openWrites(before: Assignment | null, after: Assignment): unknown[] {
    const writes: unknown[] = [];
    const moved = before?.status === 'open' && (after.status !== 'open' || openKey(before).pk !== openKey(after).pk || openKey(before).sk !== openKey(after).sk);
    if (moved) writes.push({ Delete: { TableName: this.table, Key: openKey(before) } });
    if (after.status === 'open') writes.push({ Put: { TableName: this.table, Item: openItem(after) } });
    return writes;
  }

  /** Adds a difference to a running total (made on first use). */
  private aggUpdate(d: AggDelta) {
    return {
      TableName: this.table,
      Key: aggKeyOf(d),
      UpdateExpression: 'SET #by = :by, g = :g, s = :s ADD n :n, ot :ot, lt :lt, o :o, x :x',
      ExpressionAttributeNames: { '#by': 'by' },
      ExpressionAttributeValues: { ':by': d.by, ':g': d.group, ':s': d.secrecy ?? '-', ':n': d.assigned, ':ot': d.doneOnTime, ':lt': d.doneLate, ':o': d.open, ':x': d.extensions },
    };
  }

  private async transact(items: unknown[]): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      const r = await writeTransaction(this.db, items);
      if (r.ok) return true;
      if (!onlyConflicts(r) || attempt >= CONFLICT_RETRIES) return false;
      await new Promise((res) => setTimeout(res, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }

  private historyPut(id: string, e: AssignmentEvent) {
    return { Put: { TableName: this.table, Item: { pk: pk(id), sk: `H#${e.at}#${ulid()}`, ...e }, ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  async create(items: { assignment: Assignment; event: AssignmentEvent }[], also: unknown[], instruction?: Instruction): Promise<boolean> {
    const writes: unknown[] = [];
    if (instruction) writes.push({ Put: { TableName: this.table, Item: { pk: `INSTRUCTION#${instruction.entryId}`, sk: 'I', ...instruction }, ConditionExpression: 'attribute_not_exists(pk)' } });
    for (const { assignment, event } of items) {
      writes.push({ Put: { TableName: this.table, Item: this.item(assignment), ConditionExpression: 'attribute_not_exists(pk)' } }, this.historyPut(assignment.id, event));
    }
    writes.push(...this.statWrites(...items.map(({ assignment }) => [null, assignment] as [null, Assignment])));
    return this.transact([...writes, ...also]);
  }

  async get(id: string): Promise<Assignment | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: pk(id), sk: MAIN } }));
    return r.Item ? stripKeys<Assignment>(r.Item) : undefined;
  }

  async withHistory(id: string) {
    const items = await this.all({ TableName: this.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': pk(id) } });
    const main = items.find((i) => i.sk === MAIN);
    if (!main) return undefined;
    const history = items.filter((i) => String(i.sk).startsWith('H#')).map((i) => stripKeys<AssignmentEvent>(i));
    return { assignment: stripKeys<Assignment>(main), history };
  }

  async update(before: Assignment, after: Assignment, event: AssignmentEvent, also: unknown[]): Promise<boolean> {
    const put = { Put: { TableName: this.table, Item: this.item(after), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } } };
    return this.transact([put, this.historyPut(after.id, event), ...this.statWrites([before, after]), ...also]);
  }

  async byAssignee(assignee: Party): Promise<Assignment[]> {
    const items = await this.all({ TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `ASSIGNEE#${partyKey(assignee)}` } });
    return items.map((i) => stripKeys<Assignment>(i));
  }

  async assignedIn(months: string[]): Promise<Assignment[]> {
    const parts = await Promise.all(months.map((m) => this.all({ TableName: this.table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': `ASSIGNED#${m}` } })));
    return parts.flat().map((i) => stripKeys<Assignment>(i));
  }

  async stats(months: string[], by: StatsBy, now: Date): Promise<{ totals: AggRow[]; notYetDue: StatRow[] }> {
    const totals = months.map((m) => this.all({ TableName: this.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `ASSIGNAGG#${m}#${by}` } }));
    const notYetDue = months.map((m) => this.all({ TableName: this.table, KeyConditionExpression: 'pk = :p AND sk >= :now', ExpressionAttributeValues: { ':p': `ASSIGNOPEN#${m}`, ':now': now.toISOString() } }));
    const [t, o] = await Promise.all([Promise.all(totals), Promise.all(notYetDue)]);
    return { totals: t.flat().map(aggRow), notYetDue: o.flat().map(openRow) };
  }

  /**
   * Writes assignments as they are (a migration from another system, a bench's year): each one, its
   * open row or its share of the running totals; no history. Not for months that already hold work
   * being changed meanwhile.
   */
  async importAll(assignments: Assignment[]): Promise<void> {
    const puts = assignments.flatMap((a) => [this.item(a), ...(a.status === 'open' ? [openItem(a)] : [])]).map((Item) => ({ PutRequest: { Item } }));
    for (let i = 0; i < puts.length; i += 25) {
      let pending: unknown[] = puts.slice(i, i + 25);
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt > 20) throw new Error('DynamoDB kept items unprocessed');
        const r = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending as never } }));
        pending = r.UnprocessedItems?.[this.table] ?? [];
        if (pending.length) await new Promise((res) => setTimeout(res, 20 * attempt));
      }
    }
    for (const d of aggregateDeltas(...assignments.map((a) => [null, a] as [null, Assignment]))) await this.db.send(new UpdateCommand(this.aggUpdate(d)));
  }

  async instructionOf(entryId: string): Promise<Instruction | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: `INSTRUCTION#${entryId}`, sk: 'I' } }));
    return r.Item ? stripKeys<Instruction>(r.Item) : undefined;
  }

  private reminderKey(r: Pick<ReminderRecord, 'assignmentId' | 'dueDate' | 'kind' | 'days'>) {
    return { pk: pk(r.assignmentId), sk: `R#${r.dueDate}#${r.kind}#${r.days}` };
  }

  async claimReminder(rec: ReminderRecord, auditItem: unknown, staleBefore: string): Promise<boolean> {
    // A failed delivery, or one a dead run left pending, may be claimed again; a sent one never.
    const put = {
      Put: {
        TableName: this.table,
        Item: { ...this.reminderKey(rec), ...rec },
        ConditionExpression: 'attribute_not_exists(pk) OR #s = :failed OR (#s = :pending AND createdAt < :stale)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':failed': 'failed', ':pending': 'pending', ':stale': staleBefore },
      },
    };
    return (await writeTransaction(this.db, [put, auditItem])).ok;
  }

  async settleReminder(rec: ReminderRecord, outcome: Pick<ReminderRecord, 'status' | 'messageId' | 'error'>): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.reminderKey(rec),
        UpdateExpression: 'SET #s = :s, messageId = :m, #e = :e',
        ExpressionAttributeNames: { '#s': 'status', '#e': 'error' },
        ExpressionAttributeValues: { ':s': outcome.status, ':m': outcome.messageId ?? null, ':e': outcome.error ?? null },
      }),
    );
  }

  async reminders(assignmentId: string): Promise<ReminderRecord[]> {
    const items = await this.all({ TableName: this.table, KeyConditionExpression: 'pk = :p AND begins_with(sk, :r)', ExpressionAttributeValues: { ':p': pk(assignmentId), ':r': 'R#' } });
    return items.map((i) => stripKeys<ReminderRecord>(i));
  }

  private async all(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      out.push(...(r.Items ?? []));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
