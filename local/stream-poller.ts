/**
 * The embedded stand-in for a Lambda DynamoDB Streams event source mapping: reads a table's
 * stream on DynamoDB Local (DescribeStream, GetShardIterator, GetRecords) and calls the handler
 * with a DynamoDBStreamEvent built as Lambda builds it, one batch at a time per shard, in order.
 *
 * As in the cloud mapping: records that match none of the mapping's filter criteria are dropped
 * before batching; up to `batchSize` records per call; a batch whose handler throws, or
 * that reports batch item failures, is retried from the first failed record `retryAttempts`
 * times, then skipped (logged — in the cloud it goes to the on-failure destination); shards are
 * polled every `pollMs` when idle and new (child) shards are picked up as they appear.
 */
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { dynamoClient } from '../shared/platform/aws/dynamodb-client';
import { ENV, requireEnv } from '../shared/platform/env';
import { recordFilter } from './stream-filter';

export interface StreamPollerOptions {
  table: string;
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;
  batchSize?: number;
  /** As Lambda's MaximumBatchingWindow: once records arrive, gather more for up to this long (ms). */
  batchWindowMs?: number;
  pollMs?: number;
  retryAttempts?: number;
  /**
   * The mapping's filter criteria (the patterns given to CDK's FilterCriteria.filter): as Lambda
   * does, records that match none are dropped before batching and never reach the handler.
   */
  filters?: readonly unknown[];
  log?: (line: string) => void;
}

export interface StreamPoller {
  stop(): Promise<void>;
  /** Resolves once every record written before the call has been handed to the handler (tests). */
  drained(): Promise<void>;
}

/** Records one GetRecords call reads at most (the service's limit). */
const READ_LIMIT = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stream record as the Lambda event carries it. */
export function lambdaRecord(r: StreamRecord, streamArn: string): DynamoDBRecord {
  const d = r.dynamodb ?? {};
  return {
    eventID: r.eventID,
    eventName: r.eventName as DynamoDBRecord['eventName'],
    eventVersion: r.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: r.awsRegion ?? process.env.AWS_REGION ?? 'ap-southeast-1',
    eventSourceARN: streamArn,
    dynamodb: {
      ...(d.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) } : {}),
      Keys: d.Keys as never,
      ...(d.NewImage ? { NewImage: d.NewImage as never } : {}),
      ...(d.OldImage ? { OldImage: d.OldImage as never } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType as NonNullable<DynamoDBRecord['dynamodb']>['StreamViewType'],
    },
  };
}

export async function startStreamPoller(opts: StreamPollerOptions): Promise<StreamPoller> {
  const batchSize = opts.batchSize ?? 100;
  const windowMs = opts.batchWindowMs ?? 0;
  const pollMs = opts.pollMs ?? 250;
  const retryAttempts = opts.retryAttempts ?? 3;
  const accepts = recordFilter(opts.filters);
  const log = opts.log ?? (() => undefined);
  const streams = new DynamoDBStreamsClient({
    endpoint: requireEnv(ENV.dynamoEndpoint),
    region: process.env.AWS_REGION ?? 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const table = await dynamoClient().send(new DescribeTableCommand({ TableName: opts.table }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${opts.table} has no stream (see shared/platform/aws/tables.ts)`);

  let stopped = false;
  const readers = new Map<string, Promise<void>>();
  /** Per shard: records fetched and not yet handled (drained() waits for 0 after a poll). */
  const busy = new Map<string, number>();
  let polls = 0;

  const listShards = async (): Promise<Shard[]> => {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const r = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      shards.push(...(r.StreamDescription?.Shards ?? []));
      start = r.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  };

  const deliver = async (records: DynamoDBRecord[]): Promise<void> => {
    let batch = records;
    for (let attempt = 0; batch.length; attempt++) {
      let failedFrom: string | undefined;
      try {
        const r = await opts.handler({ Records: batch });
        const failures = (r?.batchItemFailures ?? []).map((f) => f.itemIdentifier).filter((x): x is string => !!x);
        if (!failures.length) return;
        failedFrom = failures.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0];
      } catch (err) {
        log(`[stream ${opts.table}] handler failed: ${(err as Error).message}`);
      }
      if (attempt >= retryAttempts) {
        log(`[stream ${opts.table}] ${batch.length} records skipped after ${retryAttempts} retries (the sweep has them)`);
        return;
      }
      const idx = failedFrom ? batch.findIndex((x) => x.dynamodb?.SequenceNumber === failedFrom) : 0;
      batch = batch.slice(Math.max(0, idx));
      await sleep(Math.min(2000, 100 * 2 ** attempt));
    }
  };

  const readShard = async (shard: Shard, from: 'LATEST' | 'TRIM_HORIZON', start?: string): Promise<void> => {
    const id = shard.ShardId!;
    let iterator: string | undefined = start;
    /** The last record read, matching or not (the records held are in memory). */
    let lastSeq: string | undefined;
    let failing = false;
    let closed = false;
    /** Records the last GetRecords returned, before filtering. */
    let lastRead = 0;
    /** The last round delivered records: what the next finds arrived while the handler ran. */
    let backlog = false;
    /** Records read that match the filters (as the Lambda event carries them), not yet handed to the handler. */
    const held: DynamoDBRecord[] = [];
    const position = () => (lastSeq ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: lastSeq } : { ShardIteratorType: from });
    /** One GetRecords call; false when the stream could not be read (a new iterator is taken next time). */
    const readOnce = async (): Promise<boolean> => {
      lastRead = 0;
      try {
        iterator ??= (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ...position() }))).ShardIterator;
        if (!iterator) {
          closed = true; // the shard is gone
          return true;
        }
        const r = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: READ_LIMIT }));
        if (failing) log(`[stream ${opts.table}] reading again`);
        failing = false;
        for (const x of r.Records ?? []) {
          lastSeq = x.dynamodb?.SequenceNumber ?? lastSeq;
          const record = lambdaRecord(x, streamArn);
          if (accepts(record)) held.push(record);
        }
        lastRead = r.Records?.length ?? 0;
        iterator = r.NextShardIterator;
        if (!iterator) closed = true; // closed: its children are read from their start
        return true;
      } catch (err) {
        if (stopped) return false;
        if ((err as Error).name === 'ResourceNotFoundException' && lastSeq === undefined && from === 'TRIM_HORIZON') {
          closed = true;
          return true;
        }
        // An expired or stale iterator (DynamoDB Local restarted): take a new one where we were.
        iterator = undefined;
        if (!(err instanceof ExpiredIteratorException)) {
          if (!failing) log(`[stream ${opts.table}] cannot read the stream: ${(err as Error).message}; retrying every second`);
          failing = true;
          await sleep(1000);
        }
        return false;
      }
    };
    while (!stopped) {
      const read = closed || held.length >= batchSize ? true : await readOnce();
      if (stopped) return;
      // The batching window: keep reading the shard until the batch is full or the window is over.
      // Records that piled up while the handler ran have waited long enough: no window for them.
      const windowEnd = performance.now() + (backlog ? 0 : windowMs);
      while (read && held.length && held.length < batchSize && !closed && performance.now() < windowEnd && !stopped) {
        await sleep(Math.min(pollMs, Math.max(0, windowEnd - performance.now())));
        if (!(await readOnce())) break; // deliver what we have
      }
      backlog = held.length > 0;
      if (held.length) {
        const batch = held.splice(0, batchSize);
        busy.set(id, batch.length + held.length);
        await deliver(batch);
      }
      busy.set(id, held.length);
      polls++;
      if (closed && !held.length) return;
      if (read && !backlog && !lastRead) await sleep(pollMs);
    }
  };

  // Shards open now are read from their end (what was written before the office started is the
  // sweep's); shards that appear later are read from their start.
  // The iterators are taken before this returns, so that nothing written afterwards is missed.
  const open = (await listShards()).filter((s) => !s.SequenceNumberRange?.EndingSequenceNumber);
  const starts = await Promise.all(open.map(async (s) => (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: s.ShardId!, ShardIteratorType: 'LATEST' }))).ShardIterator));
  open.forEach((s, i) => readers.set(s.ShardId!, readShard(s, 'LATEST', starts[i])));
  const discover = (async () => {
    while (!stopped) {
      await sleep(1000);
      if (stopped) break;
      try {
        for (const s of await listShards()) {
          if (readers.has(s.ShardId!)) continue;
          readers.set(s.ShardId!, readShard(s, 'TRIM_HORIZON'));
        }
      } catch (err) {
        if (!stopped) log(`[stream ${opts.table}] DescribeStream failed: ${(err as Error).message}`);
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      await Promise.allSettled([discover, ...readers.values()]);
      streams.destroy();
    },
    async drained() {
      // Two full polls of every shard after the call, with nothing in hand.
      const target = polls + 2 * Math.max(1, readers.size);
      while (polls < target || [...busy.values()].some((n) => n > 0)) await sleep(20);
    },
  };
}
