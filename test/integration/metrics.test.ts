/**
 * Metrics (Powertools, CloudWatch embedded metric format on stdout), switched on for this file:
 * a request refused with 503 because DynamoDB is unreachable (a real connection failure, to a
 * port where nothing listens) counts DependencyUnavailable; an OCR run counts its outcome.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';

useEmbeddedEnv();
process.env.POWERTOOLS_METRICS_DISABLED = 'false';
const { composed } = await import('../support/parts');
const registers = await composed('registers');
const worker = await composed('ocr-worker');
const { useParts, officeParts } = await import('../support/parts');
const { dynamoRegisters } = await import('../support/dynamo-registers');
const { tableName } = await import('../../shared/platform/aws/tables');

/** The EMF documents written to stdout while `run` ran. */
async function emfDuring(run: () => Promise<unknown>): Promise<Record<string, any>[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('"_aws"'))
    .map((l) => JSON.parse(l) as Record<string, any>);
}
const metricNames = (doc: Record<string, any>): string[] => doc._aws.CloudWatchMetrics.flatMap((m: { Metrics: { Name: string }[] }) => m.Metrics.map((x) => x.Name));

let unreachable: DynamoDBClient;
beforeEach(() => {
  unreachable = new DynamoDBClient({ endpoint: 'http://127.0.0.1:9', region: 'ap-southeast-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' }, maxAttempts: 1 });
});
afterEach(() => useParts({}));
afterAll(() => delete process.env.POWERTOOLS_METRICS_DISABLED);

describe('metrics', () => {
  it('a request refused with 503 counts DependencyUnavailable in the daumoi namespace', async () => {
    const token = await tokenFor('vanthu');
    const broken = dynamoRegisters({ db: DynamoDBDocumentClient.from(unreachable), table: tableName('Data'), audit: officeParts().audit, clock: officeParts().clock, config: () => officeParts().domainConfig });
    useParts({ registers: broken });
    let status = 0;
    const docs = await emfDuring(async () => {
      status = (await invoke(registers, { method: 'GET', path: '/v1/registers/incoming/entries', token, query: { year: '2026' } })).status;
    });
    expect(status).toBe(503);
    const doc = docs.find((d) => metricNames(d).includes('DependencyUnavailable'));
    expect(doc).toBeDefined();
    expect(doc!._aws.CloudWatchMetrics[0].Namespace).toBe('daumoi');
    expect(doc!.DependencyUnavailable).toBe(1);
    expect(doc!.service).toBe('daumoi');
  });

  it('a request answered normally writes no application metric', async () => {
    const token = await tokenFor('vanthu');
    await invoke(registers, { method: 'GET', path: '/v1/registers/incoming/entries', token, query: { year: '2026' } }); // past the cold start
    const docs = await emfDuring(() => invoke(registers, { method: 'GET', path: '/v1/registers/incoming/entries', token, query: { year: '2026' } }));
    expect(docs.flatMap(metricNames)).toEqual([]);
  });

  it('the OCR worker counts each outcome by its kind', async () => {
    const event = { Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'b' }, object: { key: 'ocr/not-an-upload.json', size: 1, eTag: 'e', sequencer: '1' } } }] };
    const docs = await emfDuring(() => worker(event as never));
    const outcome = docs.find((d) => metricNames(d).includes('OcrOutcome'));
    expect(outcome).toMatchObject({ OcrOutcome: 1, outcome: 'ignored' });
  });
});

describe('the scheduled audit verification', () => {
  it('writes AuditChainProblems: 0 on an intact chain, the problems found once an event is edited', async () => {
    const verifier = await composed('audit-verifier');
    const { TAMPER_CASES } = await import('../support/audit-tampering');
    const { documentClient } = await import('../../shared/platform/aws/dynamodb-client');
    const audit = officeParts().audit;
    for (let i = 0; i < 6; i++) await audit.record({ actor: { sub: 's', username: 'x', roles: [], clearance: 'none' }, action: 'create', entityType: 'verify-test', entityId: `v-${i}`, before: null, after: { i } });
    await audit.seal(new Date(Date.now() + 60_000));
    let result: Awaited<ReturnType<typeof verifier>> | undefined;
    const intact = await emfDuring(async () => void (result = await verifier()));
    expect(result).toMatchObject({ ok: true, problems: 0 });
    expect(intact.find((d) => metricNames(d).includes('AuditChainProblems'))).toMatchObject({ AuditChainProblems: 0 });

    const undo = await TAMPER_CASES.find((c) => c.detectedAs === 'edited')!.tamper(documentClient(), tableName('Audit'));
    try {
      const broken = await emfDuring(async () => void (result = await verifier()));
      expect(result!.ok).toBe(false);
      expect(result!.problems).toBeGreaterThan(0);
      expect(broken.find((d) => metricNames(d).includes('AuditChainProblems'))!.AuditChainProblems).toBe(result!.problems);
    } finally {
      await undo();
    }
    expect((await verifier()).ok).toBe(true);
  });
});
