/**
 * Fault scenarios on an embedded office started with an HTTP port (`startEmbedded({ port: 0 })`,
 * data on disk): DynamoDB Local stopped in the middle of a load of registrations, the OCR worker
 * killed mid-page, s3rver down when a scan's upload URL is asked for. Each returns what it saw
 * and whether the office held; the e2e test asserts on it, the reliability bench prints it.
 * Each scenario leaves the office running as it found it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Embedded } from '../../local/embedded';
import { startS3 } from '../../local/s3';
import { LOCAL_BUCKET, REPO_ROOT } from '../../local/paths';
import { useParts, officeParts, withOcrEngine } from './parts';
import { documentClient } from '../../shared/platform/aws/dynamodb-client';
import { tableName } from '../../shared/platform/aws/tables';
import { GaplessCounter } from '../../shared/registers/adapters/gapless-counter';
import { DynamoScanStore } from '../../shared/scans/adapters/dynamo-scan-store';
import { JOB_LEASE_MS, MAX_OCR_ATTEMPTS, OCR_VISIBILITY_TIMEOUT_SECONDS } from '../../shared/scans/app/deps';
import { tokenFor } from './integration';
import { clientToken } from './reports';
import { fixture, s3rverEvent, sqsEventOf } from '../integration/scans-support';
import { countChanges, incomingYear, storeCounts } from './store-counts';
import { jsonClient } from './http-json';

await withOcrEngine();

export interface FaultResult {
  name: string;
  passed: boolean;
  /** What was seen, one line each (the failures among them start with "FAIL"). */
  lines: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function result(name: string, checks: [boolean, string][], info: string[] = []): FaultResult {
  return { name, passed: checks.every(([ok]) => ok), lines: [...info, ...checks.map(([ok, line]) => (ok ? line : `FAIL ${line}`))] };
}

const api = (e: Embedded, method: string, p: string, token: string, body?: unknown) => jsonClient(e.url!)(method, p, token, body);


/**
 * (a) DynamoDB Local stops in the middle of a load of registrations and comes back on the same
 * data while the load goes on: every request is answered 201 or 503 (never 500), registrations
 * work again once it is back, every 201 entry is there afterwards,
 * the số đến run 1…N with no gap and the counter stands at N, and every entry has its audit event.
 */
export async function dynamoOutageUnderLoad(e: Embedded, opts: { before?: number; after?: number; concurrency?: number; year?: number; downMs?: number } = {}): Promise<FaultResult> {
  const before = opts.before ?? 16;
  const after = opts.after ?? 10;
  const concurrency = opts.concurrency ?? 4;
  const year = opts.year ?? 2078;
  const offset = new Date(`${year}-03-02T09:00:00+07:00`).getTime() - Date.now();
  useParts({ clock: { now: () => new Date(Date.now() + offset) } });
  try {
    const token = await tokenFor('vanthu');
    const statuses: Record<number, number> = {};
    const created = new Map<string, number>();
    const odd: string[] = [];
    let next = 0;
    let answered = 0;
    let phase: 'before' | 'down' | 'back' = 'before';
    let answeredBack = 0;
    let createdBack = 0;
    let outage = '';
    const body = (i: number) => ({
      numberSymbol: `${i + 1}-CV/VPTU`,
      documentDate: `${year}-03-01`,
      issuer: 'Văn phòng Tỉnh ủy',
      typeCode: 'CV',
      subject: `về việc chuẩn bị hội nghị, văn bản ${i + 1} trong lúc cơ sở dữ liệu dừng`,
      secrecy: null,
      urgency: null,
    });
    // The load runs until the database has been back for `after` answers.
    const load = Array.from({ length: concurrency }, async () => {
      while (!(phase === 'back' && answeredBack >= after) && next < 5000) {
        const i = next++;
        const sentIn = phase;
        let r: { status: number; body: any };
        try {
          r = await api(e, 'POST', '/v1/registers/incoming/entries', token, body(i));
        } catch (err) {
          r = { status: 0, body: (err as Error).message };
        }
        answered++;
        if (sentIn === 'back') answeredBack++;
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status === 201) {
          created.set(r.body.id, r.body.arrivalNumber);
          if (sentIn === 'back') createdBack++;
        } else if (r.status !== 503) odd.push(`${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        else await sleep(25); // a client backs off a little before trying again
      }
    });
    const fault = (async () => {
      while (answered < before) await sleep(5);
      const t0 = Date.now();
      await e.dynamo.stop();
      phase = 'down';
      const stoppedAt = answered;
      await sleep(opts.downMs ?? 1500);
      await e.dynamo.restart();
      phase = 'back';
      outage = `DynamoDB Local stopped after ${stoppedAt} answers and started again on the same data ${((Date.now() - t0) / 1000).toFixed(1)} s later; ${answered - stoppedAt} answers meanwhile`;
    })();
    const started = Date.now();
    await Promise.all([...load, fault]);
    const loadSeconds = (Date.now() - started) / 1000;

    const entries = await incomingYear(year);
    const numbers = entries.map((x) => x.arrivalNumber);
    const counter = await new GaplessCounter(documentClient(), tableName('Data')).current(`incoming/${year}`);
    const missing = [...created.keys()].filter((id) => !entries.some((x) => x.id === id));
    const withoutAudit: string[] = [];
    for (const x of entries) if (!(await officeParts().audit.list({ entityId: x.id, limit: 5 })).items.some((a) => a.action === 'register.register')) withoutAudit.push(x.id);
    const gapless = numbers.every((n, i) => n === i + 1);
    // What the scheduled sweeper does (every minute in the cloud, every 5 s embedded), now, until
    // nothing is left marked (this office runs no stream reader: the sweep does all its indexing).
    const swept = { indexed: 0, failed: 0 };
    for (let round = 0; round < 100; round++) {
      const r = await officeParts().indexer.sweep({ olderThanMs: 0 });
      swept.indexed += r.indexed;
      swept.failed += r.failed;
      if (r.indexed === 0 || r.pending < 200) break;
    }
    const unsearchable: string[] = [];
    for (const x of entries) {
      const r = await api(e, 'GET', `/v1/search?q=${encodeURIComponent(x.numberSymbol)}&year=${year}`, token);
      if (!(r.body?.items ?? []).some((h: { id: string }) => h.id === x.id)) unsearchable.push(x.id);
    }
    const unanswered = entries.length - created.size;
    return result(
      'DynamoDB Local stopped in the middle of a load of registrations',
      [
        [odd.length === 0, `every answer was 201 or 503 (statuses ${JSON.stringify(statuses)})${odd.length ? `; others: ${odd.slice(0, 5).join(' | ')}` : ''}`],
        [(statuses[503] ?? 0) > 0, `${statuses[503] ?? 0} requests were refused with 503 while it was down`],
        [createdBack > 0, `registrations work again once it is back (${createdBack} of ${answeredBack} sent after the restart answered 201)`],
        [missing.length === 0, `every 201 entry is stored (${created.size} answered 201${missing.length ? `; missing: ${missing.join(', ')}` : ''})`],
        [gapless && counter === entries.length, `số đến 1…${entries.length} with no gap or repeat, counter at ${counter}`],
        [withoutAudit.length === 0, `every entry has its audit event${withoutAudit.length ? ` (not: ${withoutAudit.slice(0, 5).join(', ')})` : ''}`],
        [
          unsearchable.length === 0 && swept.failed === 0,
          `every entry is found by search once the search sweeper has run (it indexed ${swept.indexed} still marked)${unsearchable.length ? `; not found: ${unsearchable.slice(0, 5).join(', ')}` : ''}`,
        ],
      ],
      [
        outage,
        `${answered} registrations, ${concurrency} at a time, in ${loadSeconds.toFixed(1)} s`,
        `${unanswered} entr${unanswered === 1 ? 'y was' : 'ies were'} stored although the answer was 503 (committed as the connection dropped): numbered, audited, not lost`,
      ],
    );
  } finally {
    useParts({});
  }
}

/** The OCR queue's visibility timeout (infra/stacks/ocr-stack.ts takes it from the same constant). */
export const OCR_VISIBILITY_TIMEOUT_MS = OCR_VISIBILITY_TIMEOUT_SECONDS * 1000;
/** Receives of a message before SQS moves it to the dead-letter queue (MAX_OCR_ATTEMPTS + 2, infra/stacks/ocr-stack.ts). */
const OCR_MAX_RECEIVES = MAX_OCR_ATTEMPTS + 2;

/**
 * (b) The OCR worker (its own process) is killed with SIGKILL while it reads a two-page PDF.
 * SQS then does what it does with a message nobody deleted: delivers it again each time the
 * visibility timeout has passed since the last receive, until a delivery is acknowledged (the
 * handler does not list it in batchItemFailures) or the receives run out. Once acknowledged,
 * the message is gone: the scan must be `done` by then.
 */
export async function ocrWorkerKilledMidPage(e: Embedded, opts: { killAfterMs?: number } = {}): Promise<FaultResult> {
  const name = 'OCR worker killed mid-page';
  const token = await tokenFor('vanthu');
  const created = await api(e, 'POST', '/v1/scans', token, { fileName: 's1-001.pdf', contentType: 'application/pdf', size: fixture('s1-001.pdf').length });
  if (created.status !== 201) return result(name, [[false, `POST /v1/scans answered ${created.status} ${JSON.stringify(created.body)}`]]);
  const { scanId, uploadUrl, headers: uploadHeaders } = created.body as { scanId: string; uploadUrl: string; headers: Record<string, string> };
  const put = await fetch(uploadUrl, { method: 'PUT', headers: uploadHeaders, body: Buffer.from(fixture('s1-001.pdf')) });
  if (put.status !== 200) return result(name, [[false, `the upload answered ${put.status}`]]);
  const event = sqsEventOf(await s3rverEvent(scanId), `ocr-${scanId}`);
  const scans = new DynamoScanStore(documentClient(), tableName('Data'));

  // First receive: the worker process takes the message and starts reading.
  const receivedAt = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/support/ocr-worker-child.ts'), JSON.stringify(event)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...e.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let childOut = '';
  child.stdout!.on('data', (d: Buffer) => (childOut += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (childOut += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const deadline = Date.now() + 60_000;
  while ((await scans.get(scanId))?.status !== 'processing' && child.exitCode === null && Date.now() < deadline) await sleep(20);
  const claimedAfter = Date.now() - receivedAt;
  const killAfter = opts.killAfterMs ?? 1200; // reading two pages takes a few seconds
  await sleep(killAfter);
  const runningWhenKilled = child.exitCode === null;
  child.kill('SIGKILL');
  const signal = await exited;
  const afterKill = await scans.get(scanId);

  // The next receives, on the office clock moved to when SQS would make each.
  const { composed } = await import('./parts');
  const handler = await composed('ocr-worker');
  const deliveries: string[] = [];
  let acknowledged = false;
  try {
    for (let receive = 2; receive <= OCR_MAX_RECEIVES && !acknowledged; receive++) {
      const offset = receivedAt + (receive - 1) * OCR_VISIBILITY_TIMEOUT_MS - Date.now();
      useParts({ clock: { now: () => new Date(Date.now() + offset) } });
      const answer = (await handler(event as never)) as { batchItemFailures: unknown[] };
      acknowledged = answer.batchItemFailures.length === 0;
      deliveries.push(`receive ${receive} (${((receive - 1) * OCR_VISIBILITY_TIMEOUT_MS) / 60_000} min): ${acknowledged ? 'acknowledged' : 'handed back'}, scan ${(await scans.get(scanId))?.status}`);
    }
  } finally {
    useParts({});
  }
  const atAck = await scans.get(scanId);

  // What a delivery once the killed worker's lease has run out does (a redrive, or a queue whose visibility outlasts the lease).
  useParts({ clock: { now: () => new Date(Date.now() + OCR_VISIBILITY_TIMEOUT_MS + JOB_LEASE_MS) } });
  try {
    await handler(event as never);
  } finally {
    useParts({});
    await officeParts().ocr.close?.();
  }
  const view = await api(e, 'GET', `/v1/scans/${scanId}`, token);
  return result(
    name,
    [
      [runningWhenKilled && signal === 'SIGKILL', `the worker process claimed the job ${(claimedAfter / 1000).toFixed(1)} s after it received the message and was killed (${signal}) ${killAfter} ms later${runningWhenKilled ? '' : `; it had already ended: ${childOut.slice(-300)}`}`],
      [afterKill?.status === 'processing', `after the kill the scan shows ${afterKill?.status}: its OCR did not finish`],
      [
        acknowledged && atAck?.status === 'done',
        `SQS redelivers every ${OCR_VISIBILITY_TIMEOUT_MS / 60_000} min until a delivery is acknowledged: ${deliveries.join('; ')}` +
          (atAck?.status === 'done' ? '' : ` — the message is gone while the scan is ${atAck?.status} (lease ${JOB_LEASE_MS / 1000} s from the claim, visibility ${OCR_VISIBILITY_TIMEOUT_MS / 1000} s from the receive)`),
      ],
      [view.body?.status === 'done' && view.body?.pages === 2, `a delivery after the lease has run out reads it: the scan is ${view.body?.status} with ${view.body?.pages} pages`],
    ],
  );
}

/**
 * (c) s3rver is down when an upload URL is asked for: a clerk's scan (POST /v1/scans) and an
 * organisation's report attachment (POST /v1/reports/attachments) are each answered 503 (or a
 * 4xx) with a message saying so, and store nothing. With s3rver back on the same port and data,
 * the same requests answer 201 and the files can be uploaded.
 */
export async function s3DownOnUploadUrl(e: Embedded, dataDir: string): Promise<FaultResult> {
  const clerk = await tokenFor('vanthu');
  const admin = await tokenFor('admin');
  const orgId = `s3-fault-${Date.now().toString(36)}`;
  await api(e, 'POST', '/v1/orgs', admin, { id: orgId, name: 'Đảng ủy xã Thử Lỗi Lưu Trữ' });
  const client = (await api(e, 'POST', `/v1/orgs/${orgId}/clients`, admin)).body as { clientId: string; clientSecret: string };
  const org = await clientToken(client.clientId, client.clientSecret);
  const uploads = [
    { what: 'POST /v1/scans', path: '/v1/scans', token: clerk, body: { fileName: 'cong-van.png', contentType: 'image/png', size: fixture('s1-003.png').length }, url: (b: any) => b.uploadUrl as string, headers: (b: any) => b.headers as Record<string, string>, file: fixture('s1-003.png') },
    { what: 'POST /v1/reports/attachments', path: '/v1/reports/attachments', token: org, body: { fileName: 'phu-luc.pdf', contentType: 'application/pdf', size: fixture('s1-001.pdf').length }, url: (b: any) => b.uploadUrl as string, headers: (b: any) => b.headers as Record<string, string>, file: fixture('s1-001.pdf') },
  ];
  const before = await storeCounts();
  await e.s3.stop();
  const down: { status: number; body: any }[] = [];
  try {
    for (const u of uploads) down.push(await api(e, 'POST', u.path, u.token, u.body));
  } finally {
    // Back on the same port and directory; the office's own stop() then stops this one.
    Object.assign(e.s3, await startS3({ dir: path.join(dataDir, 's3'), bucket: LOCAL_BUCKET, port: e.s3.port }));
  }
  const stored = countChanges(before, await storeCounts());
  const checks: [boolean, string][] = [];
  for (const [i, u] of uploads.entries()) {
    const d = down[i]!;
    const message: string = d.body?.error?.message ?? '';
    const clean = d.status === 503 || (d.status >= 400 && d.status < 500);
    checks.push([clean && message.length > 0, `${u.what} with s3rver down → ${d.status} ${message || JSON.stringify(d.body).slice(0, 200)}`]);
  }
  checks.push([stored.length === 0, `nothing stored by them${stored.length ? ` (${stored.join(', ')})` : ''}`]);
  for (const u of uploads) {
    const back = await api(e, 'POST', u.path, u.token, u.body);
    const put = back.status === 201 ? await fetch(u.url(back.body), { method: 'PUT', headers: u.headers(back.body), body: Buffer.from(u.file) }) : undefined;
    checks.push([back.status === 201 && put?.status === 200, `${u.what} with s3rver back: ${back.status}, upload ${put?.status ?? '-'}`]);
  }
  return result('s3rver down when an upload URL is asked for', checks);
}
