/**
 * Scans and OCR jobs on the Data table.
 *
 * Items:
 * - `SCAN#<id>` / `SCAN`: the scan (status, pointers to the upload and the OCR text, fields);
 *   gsi1 lists scans by status (`SCANS#<status>` / `<updatedAt>#<id>`).
 * - `SCAN#<id>` / `JOB#<scanId>#<version>`: one OCR job per uploaded object version. Claiming it
 *   is a conditional write in the same transaction as the scan's move to `processing`, so a
 *   re-delivered event finds it taken (or finished) and does nothing.
 */
import { unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../platform/errors';
import type { Scan, ScanQuarantine } from '../domain/model';
import { cannotStartJob, JOB_START_STATUSES } from '../domain/rules';
import type { Secrecy } from '../../platform/security';
import type { ClaimResult, JobOutcome, ScanJob, ScanStore } from '../ports/scan-store';

const scanKey = (scanId: string) => ({ pk: `SCAN#${scanId}`, sk: 'SCAN' });
const jobItemKey = (scanId: string, jobKey: string) => ({ pk: `SCAN#${scanId}`, sk: `JOB#${jobKey}` });
const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];
const statusList = (status: string) => `SCANS#${status}`;
/** What a new upload of the same scan clears: the previous upload's result. */
const RESET_ON_NEW_UPLOAD = ['pages', 'textKey', 'fields', 'lowConfidence', 'secrecy', 'urgency', 'engine', 'failure'] as const;

interface CancellationReason {
  Code?: string;
  /** The item as it stood: in DynamoDB's own attribute-value form (the document client leaves it so). */
  Item?: Record<string, AttributeValue>;
}
interface TxError extends Error {
  CancellationReasons?: CancellationReason[];
}

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const out = { ...item };
  for (const k of KEY_ATTRS) delete out[k];
  return out as T;
}

/** The item a failed condition returned, as the document client would have read it. */
function itemOf<T>(reason: CancellationReason | undefined): T | undefined {
  return reason?.Item ? strip<T>(unmarshall(reason.Item) as Record<string, NativeAttributeValue>) : undefined;
}

export class DynamoScanStore implements ScanStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(scan: Scan): Promise<void> {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: { ...scanKey(scan.scanId), ...scan, gsi1pk: statusList(scan.status), gsi1sk: `${scan.updatedAt}#${scan.scanId}` }, ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') throw new ConflictError(`scan ${scan.scanId} already exists`);
      throw err;
    }
  }

  async get(scanId: string): Promise<Scan | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: scanKey(scanId), ConsistentRead: true }));
    return strip<Scan>(r.Item);
  }

  private async getJob(scanId: string, jobKey: string): Promise<ScanJob | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: jobItemKey(scanId, jobKey), ConsistentRead: true }));
    return strip<ScanJob>(r.Item);
  }

  async claimJob(scanId: string, jobKey: string, opts: { now: Date; leaseMs: number; takeOver?: boolean }): Promise<ClaimResult> {
    const now = opts.now.toISOString();
    const leaseOverBefore = opts.takeOver ? '9999' : now;
    const startable = JOB_START_STATUSES.map((_, i) => `:st${i}`);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.table,
                  Key: jobItemKey(scanId, jobKey),
                  UpdateExpression:
                    'SET #state = :running, attempts = if_not_exists(attempts, :zero) + :one, leaseUntil = :lease, updatedAt = :now, ' +
                    'createdAt = if_not_exists(createdAt, :now), scanId = :scanId, jobKey = :jobKey, lastError = if_not_exists(lastError, :null)',
                  ConditionExpression: 'attribute_not_exists(pk) OR #state = :retry OR (#state = :running AND leaseUntil < :leaseOver)',
                  ExpressionAttributeNames: { '#state': 'state' },
                  ExpressionAttributeValues: {
                    ':running': 'running',
                    ':retry': 'retry',
                    ':zero': 0,
                    ':one': 1,
                    ':lease': new Date(opts.now.getTime() + opts.leaseMs).toISOString(),
                    ':now': now,
                    ':leaseOver': leaseOverBefore,
                    ':scanId': scanId,
                    ':jobKey': jobKey,
                    ':null': null,
                  },
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                },
              },
              {
                Update: {
                  TableName: this.table,
                  Key: scanKey(scanId),
                  // A new upload replaces whatever an older one produced.
                  UpdateExpression:
                    'SET #status = :processing, gsi1pk = :list, gsi1sk = :listSk, jobKey = :jobKey, updatedAt = :now, #version = #version + :one, ' +
                    RESET_ON_NEW_UPLOAD.map((k) => `#${k} = ${k === 'lowConfidence' ? ':empty' : ':null'}`).join(', '),
                  ConditionExpression: `attribute_exists(pk) AND #status IN (${startable.join(', ')}) AND (attribute_not_exists(entryId) OR entryId = :null)`,
                  ExpressionAttributeNames: { '#status': 'status', '#version': 'version', ...Object.fromEntries(RESET_ON_NEW_UPLOAD.map((k) => [`#${k}`, k])) },
                  ExpressionAttributeValues: {
                    ':processing': 'processing',
                    ':list': statusList('processing'),
                    ':listSk': `${now}#${scanId}`,
                    ':jobKey': jobKey,
                    ':now': now,
                    ':one': 1,
                    ':null': null,
                    ':empty': [],
                    ...Object.fromEntries(JOB_START_STATUSES.map((s, i) => [`:st${i}`, s])),
                  },
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                },
              },
            ],
          }),
        );
        const [job, scan] = await Promise.all([this.getJob(scanId, jobKey), this.get(scanId)]);
        return { claimed: true, job: job!, scan: scan! };
      } catch (err) {
        const e = err as TxError;
        if (e.name !== 'TransactionCanceledException') throw err;
        const [jobReason, scanReason] = e.CancellationReasons ?? [];
        if (jobReason?.Code === 'ConditionalCheckFailed') {
          return { claimed: false, reason: 'duplicate', job: itemOf<ScanJob>(jobReason) ?? ((await this.getJob(scanId, jobKey)) as ScanJob) };
        }
        if (scanReason?.Code === 'ConditionalCheckFailed') {
          const scan = itemOf<Scan>(scanReason);
          if (!scan) return { claimed: false, reason: 'no-scan', detail: `no scan ${scanId}` };
          return { claimed: false, reason: 'not-startable', detail: cannotStartJob(scan) ?? `the scan is ${scan.status}` };
        }
        if (attempt >= 4) throw err;
        await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      }
    }
  }

  async finishJob(job: ScanJob, outcome: JobOutcome, now: Date): Promise<Scan | undefined> {
    const at = now.toISOString();
    const jobUpdate = (state: 'done' | 'failed' | 'superseded') => ({
      TableName: this.table,
      Key: jobItemKey(job.scanId, job.jobKey),
      UpdateExpression: 'SET #state = :state, leaseUntil = :null, updatedAt = :now',
      ConditionExpression: '#state = :running AND attempts = :attempts',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':state': state, ':null': null, ':now': at, ':running': 'running', ':attempts': job.attempts },
    });
    const result: Record<string, unknown> =
      outcome.status === 'failed'
        ? { status: 'failed', upload: outcome.upload, failure: outcome.failure }
        : outcome.status === 'done'
          ? {
              status: 'done',
              upload: outcome.upload,
              pages: outcome.pages,
              textKey: outcome.textKey,
              fields: outcome.fields,
              lowConfidence: outcome.lowConfidence,
              secrecy: outcome.secrecy,
              urgency: outcome.urgency,
              engine: outcome.engine,
              signatures: outcome.signatures ?? null,
            }
          : {
              status: 'quarantined',
              upload: outcome.upload,
              pages: outcome.pages,
              textKey: null,
              fields: outcome.fields,
              lowConfidence: outcome.lowConfidence,
              secrecy: outcome.secrecy,
              urgency: outcome.urgency,
              engine: outcome.engine,
              signatures: outcome.signatures ?? null,
              quarantine: outcome.quarantine,
            };
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':now': at, ':one': 1, ':jobKey': job.jobKey, ':processing': 'processing', ':attempts': job.attempts, ':null': null };
    const sets = ['updatedAt = :now', '#version = #version + :one', 'attempts = :attempts', 'lastError = :null', 'gsi1pk = :list', 'gsi1sk = :listSk'];
    values[':list'] = statusList(outcome.status);
    values[':listSk'] = `${at}#${job.scanId}`;
    for (const [k, v] of Object.entries(result)) {
      names[`#${k}`] = k;
      values[`:${k}`] = v;
      sets.push(`#${k} = :${k}`);
    }
    names['#status'] = 'status';
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: jobUpdate(outcome.status === 'failed' ? 'failed' : 'done') },
            {
              Update: {
                TableName: this.table,
                Key: scanKey(job.scanId),
                UpdateExpression: `SET ${sets.join(', ')}`,
                ConditionExpression: 'jobKey = :jobKey AND #status = :processing',
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            },
          ],
        }),
      );
    } catch (err) {
      const e = err as TxError;
      if (e.name !== 'TransactionCanceledException') throw err;
      const [jobReason, scanReason] = e.CancellationReasons ?? [];
      // Lost the job (another delivery took it over after the lease): that one writes the result.
      if (jobReason?.Code === 'ConditionalCheckFailed') return this.get(job.scanId);
      if (scanReason?.Code === 'ConditionalCheckFailed') {
        await this.db.send(new UpdateCommand(jobUpdate('superseded'))).catch((e2: Error) => {
          if (e2.name !== 'ConditionalCheckFailedException') throw e2;
        });
        return this.get(job.scanId);
      }
      throw err;
    }
    return this.get(job.scanId);
  }

  async releaseJob(job: ScanJob, error: string, now: Date): Promise<void> {
    const at = now.toISOString();
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: jobItemKey(job.scanId, job.jobKey),
                UpdateExpression: 'SET #state = :retry, leaseUntil = :null, lastError = :error, updatedAt = :now',
                ConditionExpression: '#state = :running AND attempts = :attempts',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: { ':retry': 'retry', ':null': null, ':error': error, ':now': at, ':running': 'running', ':attempts': job.attempts },
              },
            },
            {
              Update: {
                TableName: this.table,
                Key: scanKey(job.scanId),
                UpdateExpression: 'SET lastError = :error, attempts = :attempts, updatedAt = :now',
                ConditionExpression: 'jobKey = :jobKey',
                ExpressionAttributeValues: { ':error': error, ':attempts': job.attempts, ':now': at, ':jobKey': job.jobKey },
              },
            },
          ],
        }),
      );
    } catch (err) {
      // The job was taken over or the scan moved on: nothing of ours to release.
      if ((err as Error).name !== 'TransactionCanceledException') throw err;
    }
  }

  async linkEntry(scanId: string, entryId: string, now: Date): Promise<Scan> {
    try {
      const r = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: scanKey(scanId),
          UpdateExpression: 'SET entryId = :e, updatedAt = :now, #version = #version + :one',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(entryId) OR entryId = :null OR entryId = :e)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':e': entryId, ':now': now.toISOString(), ':one': 1, ':null': null },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip<Scan>(r.Attributes)!;
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      const scan = await this.get(scanId);
      if (!scan) throw new NotFoundError(`No scan ${scanId}`);
      throw new ConflictError(`Scan ${scanId} is already registered as entry ${scan.entryId}`, [{ path: 'scanId', message: 'already registered', entryId: scan.entryId }], 'ALREADY_REGISTERED');
    }
  }

  linkItem(scan: Pick<Scan, 'scanId' | 'version'>, entry: { id: string; secrecy: Secrecy | null }, now: Date): unknown {
    return {
      Update: {
        TableName: this.table,
        Key: scanKey(scan.scanId),
        UpdateExpression: 'SET entryId = :e, secrecy = :s, updatedAt = :now, #version = #version + :one',
        ConditionExpression: '#version = :v AND #status = :done AND (attribute_not_exists(entryId) OR entryId = :null)',
        ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
        ExpressionAttributeValues: { ':e': entry.id, ':s': entry.secrecy, ':now': now.toISOString(), ':one': 1, ':v': scan.version, ':done': 'done', ':null': null },
      },
    };
  }

  async listByStatus(status: Scan['status'], limit: number): Promise<Scan[]> {
    const r = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :list',
        ExpressionAttributeValues: { ':list': statusList(status) },
        Limit: limit,
      }),
    );
    return (r.Items ?? []).map((i) => strip<Scan>(i)!);
  }

  async quarantine(scanId: string, q: { secrecy: Secrecy; quarantine: ScanQuarantine }, now: Date): Promise<Scan> {
    try {
      const r = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: scanKey(scanId),
          UpdateExpression:
            'SET #status = :q, secrecy = :s, quarantine = :qq, textKey = :null, updatedAt = :now, #version = #version + :one, gsi1pk = :list, gsi1sk = :listSk',
          ConditionExpression: '#status = :done AND (attribute_not_exists(entryId) OR entryId = :null)',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':q': 'quarantined',
            ':s': q.secrecy,
            ':qq': q.quarantine,
            ':null': null,
            ':now': now.toISOString(),
            ':one': 1,
            ':done': 'done',
            ':list': statusList('quarantined'),
            ':listSk': `${now.toISOString()}#${scanId}`,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip<Scan>(r.Attributes)!;
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      throw new ConflictError(`Scan ${scanId} changed meanwhile; read it again`, [], 'STALE_SCAN');
    }
  }
}
