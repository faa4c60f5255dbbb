/**
 * Drafts on the Data table, with the task tokens of their human steps.
 *
 * Items:
 * - `DRAFT#<id>` / `DRAFT`: the draft with its history. While a human step is pending, gsi2
 *   lists it for the role that must act (`DRAFTTASK#<role>` or `DRAFTTASK#<role>#<dept>` /
 *   `<dueAt>#<id>`); after an escalation gsi1 lists it for the escalation role
 *   (`DRAFTESC#<role>` / `<dueAt>#<id>`).
 * - `DRAFT#<id>` / `TOKEN#<step>`: the task token of that step (one per step, replaced every
 *   round). Never returned by any read of this store except `getToken`.
 * - `DRAFT#<id>` / `LIST#ALL` and `LIST#DEPT`: the draft's places in the lists of drafts
 *   (dynamo-draft-list.ts), put in the transaction of every write of the draft.
 * Every change of a draft is conditioned on its version; decisions claim the token in the same
 * transaction, so two decisions for one step cannot both pass.
 */
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { WorkflowStep } from '../../office';
import { ConflictError, NotFoundError } from '../../platform/errors';
import type { Decision, Draft, DraftStatus } from '../domain/model';
import type { Role } from '../../platform/security';
import type { TaskResponse } from '../domain/rules';
import type { AuditLog } from '../../audit';
import type { AuditSpec, DraftStore, Mutation, TaskTokenRecord } from '../ports/draft-store';
import type { DraftListScope, DraftSummary, OpenStatus } from '../domain/listing';
import { DynamoDraftList, listItems, listKeys } from './dynamo-draft-list';

const draftKey = (id: string) => ({ pk: `DRAFT#${id}`, sk: 'DRAFT' });
const tokenKey = (id: string, step: WorkflowStep) => ({ pk: `DRAFT#${id}`, sk: `TOKEN#${step}` });
const INDEX_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;

/** The gsi key of the list of tasks a role (and, for a revision, a department) must do. */
const taskListKey = (role: string, dept?: string | null) => (dept ? `DRAFTTASK#${role}#${dept}` : `DRAFTTASK#${role}`);
const escalationListKey = (role: string) => `DRAFTESC#${role}`;

function item(d: Draft): Record<string, unknown> {
  const t = d.pendingTask;
  return {
    ...draftKey(d.id),
    ...d,
    ...(t ? { gsi2pk: taskListKey(t.role, t.step === 'revision' ? t.dept : undefined), gsi2sk: `${t.dueAt}#${d.id}` } : {}),
    ...(t?.escalated && t.escalatedTo ? { gsi1pk: escalationListKey(t.escalatedTo), gsi1sk: `${t.dueAt}#${d.id}` } : {}),
  };
}

function strip<T>(raw: Record<string, unknown>): T {
  const out = { ...raw };
  for (const k of INDEX_ATTRS) delete out[k];
  return out as T;
}

export class DynamoDraftStore implements DraftStore {
  private readonly lists: DynamoDraftList;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly audit: AuditLog,
  ) {
    this.lists = new DynamoDraftList(db, table);
  }

  async get(id: string): Promise<Draft | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: draftKey(id), ConsistentRead: true }));
    return r.Item ? strip<Draft>(r.Item) : undefined;
  }

  /** Stores a new draft with its audit event. */
  async create(draft: Draft, audit: AuditSpec): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table, Item: item(draft), ConditionExpression: 'attribute_not_exists(pk)' } },
          ...this.listPuts(draft),
          this.auditItem(draft.id, audit),
        ],
      }),
    );
  }

  /** Removes a draft whose workflow could not be started (the client retries the submission). */
  async discard(draft: Draft, audit: AuditSpec): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.table, Key: draftKey(draft.id), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': draft.version } } },
          ...listKeys(draft).map((Key) => ({ Delete: { TableName: this.table, Key } })),
          this.auditItem(draft.id, audit),
        ],
      }),
    );
  }

  /** Replaces the draft if it is still at `before.version`; 409 STALE_VERSION otherwise. */
  async update(before: Draft, after: Draft, audit?: AuditSpec, extra: TransactItems = []): Promise<void> {
    const put = {
      Put: {
        TableName: this.table,
        Item: item(after),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': before.version },
      },
    };
    await this.transact([put, ...this.listPuts(after), ...(audit ? [this.auditItem(after.id, audit)] : []), ...extra], (i) => (i === 0 ? stale(before) : undefined));
  }

  /**
   * Read-modify-write of one draft by the workflow's own tasks: re-reads and re-applies `change`
   * when another writer got in between (a few times, then the STALE_VERSION error goes to the
   * state machine's Retry). `change` returns no `after` to leave the draft as it is. `current`
   * (a draft just read) saves the first read.
   */
  async mutate<R>(id: string, change: (d: Draft) => Mutation<R>, current?: Draft): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const before = attempt === 1 && current ? current : await this.get(id);
      if (!before) throw new NotFoundError(`Draft ${id} not found`);
      const m = change(before);
      if (!m.after) return m.value;
      try {
        if (m.token) await this.startTask(before, m.after, m.token);
        else await this.update(before, m.after, m.audit);
        return m.value;
      } catch (err) {
        if (!(err instanceof ConflictError && err.code === 'STALE_VERSION') || attempt >= 5) throw err;
      }
    }
  }

  /** A human step started: stores its token and shows the draft as waiting for the step. */
  async startTask(before: Draft, after: Draft, token: TaskTokenRecord): Promise<void> {
    await this.update(before, after, undefined, [
      {
        Put: {
          TableName: this.table,
          Item: { ...tokenKey(token.draftId, token.step), ...token },
          // A replayed start must not reopen a token a decision has already claimed.
          ConditionExpression: 'attribute_not_exists(pk) OR #token <> :token OR #status = :pending',
          ExpressionAttributeNames: { '#token': 'token', '#status': 'status' },
          ExpressionAttributeValues: { ':token': token.token, ':pending': 'pending' },
        },
      },
    ]);
  }

  /** The stored token of a step (server side only). */
  async getToken(draftId: string, step: WorkflowStep): Promise<TaskTokenRecord | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: tokenKey(draftId, step), ConsistentRead: true }));
    return r.Item ? strip<TaskTokenRecord>(r.Item) : undefined;
  }

  /**
   * A decision claims the pending token and changes the draft in one transaction; a second
   * decision for the same step (or a concurrent one) finds the token taken: 409.
   */
  async recordDecision(before: Draft, after: Draft, token: TaskTokenRecord, decision: { decision: Decision; by: string; response: TaskResponse }, audit: AuditSpec): Promise<void> {
    await this.transact(
      [
        {
          Update: {
            TableName: this.table,
            Key: tokenKey(token.draftId, token.step),
            UpdateExpression: 'SET #status = :decided, decision = :decision, decidedBy = :by, #response = :response, delivered = :false',
            ConditionExpression: '#status = :pending AND #token = :token',
            ExpressionAttributeNames: { '#status': 'status', '#token': 'token', '#response': 'response' },
            ExpressionAttributeValues: {
              ':decided': 'decided',
              ':pending': 'pending',
              ':token': token.token,
              ':decision': decision.decision,
              ':by': decision.by,
              ':response': decision.response,
              ':false': false,
            },
          },
        },
        { Put: { TableName: this.table, Item: item(after), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } } },
        ...this.listPuts(after),
        this.auditItem(after.id, audit),
      ],
      (i) =>
        i === 0
          ? new ConflictError(`The ${token.step} step is not pending: a decision was already made`, [{ path: 'step', message: 'already decided' }], 'STEP_NOT_PENDING')
          : i === 1
            ? stale(before)
            : undefined,
    );
  }

  /** The state machine accepted the decision. */
  async markDelivered(token: TaskTokenRecord): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: tokenKey(token.draftId, token.step),
        UpdateExpression: 'SET delivered = :true',
        ConditionExpression: '#token = :token',
        ExpressionAttributeNames: { '#token': 'token' },
        ExpressionAttributeValues: { ':true': true, ':token': token.token },
      }),
    ).catch((err: Error) => {
      if (err.name !== 'ConditionalCheckFailedException') throw err;
    });
  }

  /** The step had timed out when the decision was sent: undo the decision (best effort) and close the token. */
  async revertDecision(decided: Draft, restored: Draft, token: TaskTokenRecord, audit: AuditSpec): Promise<void> {
    await this.transact(
      [
        {
          Update: {
            TableName: this.table,
            Key: tokenKey(token.draftId, token.step),
            UpdateExpression: 'SET #status = :closed',
            ConditionExpression: '#token = :token',
            ExpressionAttributeNames: { '#status': 'status', '#token': 'token' },
            ExpressionAttributeValues: { ':closed': 'closed', ':token': token.token },
          },
        },
        { Put: { TableName: this.table, Item: item(restored), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': decided.version } } },
        ...this.listPuts(restored),
        this.auditItem(restored.id, audit),
      ],
      () => undefined,
    ).catch((err: Error) => {
      // The workflow moved the draft on meanwhile (escalation): its state wins.
      if (!(err instanceof ConflictError)) throw err;
    });
  }

  /** A step timed out: its token no longer answers a decision. */
  async closeToken(draftId: string, step: WorkflowStep, token?: string): Promise<void> {
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.table,
          Key: tokenKey(draftId, step),
          UpdateExpression: 'SET #status = :closed',
          ConditionExpression: token ? '#status = :pending AND #token = :token' : '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status', ...(token ? { '#token': 'token' } : {}) },
          ExpressionAttributeValues: { ':closed': 'closed', ':pending': 'pending', ...(token ? { ':token': token } : {}) },
        }),
      )
      .catch((err: Error) => {
        if (err.name !== 'ConditionalCheckFailedException') throw err;
      });
  }

  listWaitingFor(lists: { role: Role; dept?: string }[], limit: number): Promise<Draft[]> {
    return this.listByIndex('gsi2', [...new Set(lists.map((l) => taskListKey(l.role, l.dept)))], limit);
  }

  listEscalatedTo(role: Role, limit: number): Promise<Draft[]> {
    return this.listByIndex('gsi1', [escalationListKey(role)], limit);
  }

  listPage(q: { scope: DraftListScope; status?: DraftStatus; limit: number; cursor?: string }): Promise<{ items: DraftSummary[]; nextCursor: string | null }> {
    return this.lists.page(q);
  }

  countByStatus(scope: DraftListScope, statuses: readonly OpenStatus[]): Promise<Partial<Record<OpenStatus, number>>> {
    return this.lists.countByStatus(scope, statuses);
  }

  /** The draft's list items, put with every write of it. */
  private listPuts(d: Draft): TransactItems {
    return listItems(d).map((Item) => ({ Put: { TableName: this.table, Item } }));
  }

  private async listByIndex(index: 'gsi1' | 'gsi2', keys: string[], limit: number): Promise<Draft[]> {
    const all: Draft[] = [];
    for (const key of keys) {
      let start: Record<string, unknown> | undefined;
      do {
        const r = await this.db.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: index,
            KeyConditionExpression: `${index}pk = :pk`,
            ExpressionAttributeValues: { ':pk': key },
            ExclusiveStartKey: start,
            Limit: limit,
          }),
        );
        all.push(...(r.Items ?? []).map((i) => strip<Draft>(i)));
        start = r.LastEvaluatedKey;
      } while (start && all.length < limit * keys.length);
    }
    return all;
  }

  private auditItem(entityId: string, audit: AuditSpec): TransactItems[number] {
    return this.audit.prepare({ ...audit, entityType: 'draft', entityId }).transactItem as TransactItems[number];
  }

  private async transact(items: TransactItems, onConditionFailed: (index: number) => Error | undefined): Promise<void> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
      if (e.name === 'TransactionCanceledException') {
        const i = (e.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed');
        const mapped = i >= 0 ? onConditionFailed(i) : undefined;
        if (mapped) throw mapped;
        if (i >= 0) throw new ConflictError('The draft changed meanwhile; reload it and try again', [], 'STALE_VERSION');
      }
      throw err;
    }
  }
}

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

function stale(before: Draft): ConflictError {
  return new ConflictError(`Draft ${before.id} changed meanwhile (version ${before.version} is stale)`, [{ path: 'version', message: 'stale' }], 'STALE_VERSION');
}
