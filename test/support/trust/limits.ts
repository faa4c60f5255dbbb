/**
 * Trust cases of issue 11 part 3, "Limits on what a client can send", against an embedded
 * office running in this process (ctx.url is its HTTP gateway; officeParts() points at it):
 *
 * - an upload URL without the size → 400, over 50 MB → 413 (scans and report attachments);
 * - a PUT of another length than the URL was signed for → refused by the (embedded) S3;
 * - decompression bombs (PNG, JPEG, TIFF, a PDF image) and a PDF over the page limit → the scan
 *   fails with the reason, the file is kept, and the same worker then reads a real letter;
 * - a report attachment replaced after the report citing it was submitted → the report still
 *   serves what was submitted;
 * - the embedded API listens on 127.0.0.1 only.
 *
 * The OCR runs through the scan pipeline (the OCR worker's code) with its own tesseract engine,
 * so the office need not have its OCR plugin started (the reliability bench starts none).
 */
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureKeys } from '../../../local/keys';
import { personAccessToken } from '../../../local/issuer';
import { findDemoUser, poolUser } from '../../../local/demo-users';
import { clientCredentialsToken } from '../../../local/oauth';
import { officeParts } from '../parts';
import { ScanService } from '../../../shared/scans/app/scan-service';
import { buildScanReader } from '../../../shared/scans/ocr';
import { DynamoScanStore } from '../../../shared/scans/adapters/dynamo-scan-store';
import { tableName } from '../../../shared/platform/aws/tables';
import { SCAN_LIMITS } from '../../../shared/scans/domain/model';
import { jpegClaiming, pdfOfPages, pdfWithImage, pngBomb, tiffClaiming } from '../scan-bombs';
import { jsonClient, type JsonResponse } from '../http-json';
import type { TrustArea, TrustContext, TrustResult } from './types';
import { scanFile } from '../fixtures';

const AREA = 'limits';

const MB50 = 50 * 1024 * 1024;

type Api = (method: string, route: string, token: string, body?: unknown) => Promise<JsonResponse>;

/** Every call with its own Idempotency-Key: the cases repeat bodies on purpose. */
const apiOf = (ctx: TrustContext): Api => {
  const call = jsonClient(ctx.url);
  return (method, route, token, body) => call(method, route, token, body, { 'idempotency-key': `${Date.now()}-${Math.random()}` });
};

async function userToken(ctx: TrustContext, username: string): Promise<string> {
  const user = findDemoUser(username);
  if (!user) throw new Error(`no demo user ${username}`);
  return personAccessToken(await ensureKeys(ctx.dataDir), poolUser(user));
}

/** An organisation with a machine client and an open ad-hoc report type; returns the client's token and the type. */
async function reportingOrg(ctx: TrustContext, api: Api): Promise<{ token: string; type: string }> {
  const admin = await userToken(ctx, 'admin');
  const sfx = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const org = `trust-lim-${sfx}`;
  const made = await api('POST', '/v1/orgs', admin, { id: org, name: 'Đảng ủy xã Giới Hạn' });
  if (made.status !== 201) throw new Error(`POST /v1/orgs answered ${made.status}`);
  const client = await api('POST', `/v1/orgs/${org}/clients`, admin, { name: 'Phần mềm xã' });
  if (client.status !== 201) throw new Error(`POST /v1/orgs/{id}/clients answered ${client.status}`);
  const type = `TRUST-LIM-${sfx}`.toUpperCase();
  const t = await api('POST', '/v1/report-types', admin, { code: type, name: 'Báo cáo giới hạn', period: 'ad-hoc', deadline: '2099-12-31T17:00:00+07:00', orgIds: [org] });
  if (t.status !== 201) throw new Error(`POST /v1/report-types answered ${t.status}`);
  const tok = await clientCredentialsToken(
    officeParts().clients,
    await ensureKeys(ctx.dataDir),
    new URLSearchParams({ grant_type: 'client_credentials', client_id: client.body.clientId, client_secret: client.body.clientSecret }),
    undefined,
  );
  if (tok.status !== 200) throw new Error(`client token refused: ${JSON.stringify(tok.body)}`);
  return { token: tok.body.access_token as string, type };
}

/** One case's result: ok when every check holds; `figures` are what was measured besides. */
const result = (name: string, checks: [boolean, string][], figures: string[] = []): TrustResult => ({
  area: AREA,
  name,
  ok: checks.length > 0 && checks.every(([ok]) => ok),
  detail: [...checks.map(([ok, d]) => (ok ? d : `FAILED: ${d}`)), ...figures].join('; '),
});

/** Runs one case; an exception is a failed case with its message, not a crashed bench. */
async function attempt(name: string, fn: () => Promise<TrustResult>): Promise<TrustResult> {
  try {
    return await fn();
  } catch (err) {
    return { area: AREA, name, ok: false, detail: `threw: ${(err as Error).message}` };
  }
}

/** True when a TCP connection to host:port is accepted. */
const connects = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const c = net.connect({ host, port });
    c.setTimeout(2000, () => (c.destroy(), resolve(false)));
    c.once('connect', () => (c.destroy(), resolve(true)));
    c.once('error', () => resolve(false));
  });

export const run: TrustArea = async (ctx) => {
  const api = apiOf(ctx);
  const clerk = await userToken(ctx, 'vanthu');
  const org = await reportingOrg(ctx, api);
  const out: TrustResult[] = [];

  // 1–2. The size is required, and at most 50 MB.
  out.push(
    await attempt('upload URL without size → 400, over 50 MB → 413', async () => {
      const checks: [boolean, string][] = [];
      for (const [route, token] of [
        ['/v1/scans', clerk],
        ['/v1/reports/attachments', org.token],
      ] as const) {
        const none = await api('POST', route, token, { fileName: 'a.pdf', contentType: 'application/pdf' });
        const over = await api('POST', route, token, { fileName: 'a.pdf', contentType: 'application/pdf', size: MB50 + 1 });
        const max = await api('POST', route, token, { fileName: 'a.pdf', contentType: 'application/pdf', size: MB50 });
        checks.push([none.status === 400, `${route} without size: ${none.status}`]);
        checks.push([over.status === 413, `${route} with ${MB50 + 1} bytes: ${over.status}`]);
        checks.push([max.status === 201, `${route} with ${MB50} bytes: ${max.status}`]);
      }
      return result('upload URL without size → 400, over 50 MB → 413', checks);
    }),
  );

  // 3. The signature covers the length and the type: the embedded S3 refuses anything else, as S3 does.
  out.push(
    await attempt('PUT of another length or type than signed → refused', async () => {
      const body = Buffer.from('%PDF-1.4 công văn\n%%EOF\n');
      const checks: [boolean, string][] = [];
      for (const [route, token] of [
        ['/v1/scans', clerk],
        ['/v1/reports/attachments', org.token],
      ] as const) {
        const r = await api('POST', route, token, { fileName: 'cv.pdf', contentType: 'application/pdf', size: body.length });
        const url = r.body.uploadUrl as string;
        const signed = new URL(url).searchParams.get('X-Amz-SignedHeaders') ?? '';
        // Every header the URL asks for but the length, which fetch sets from the body.
        const { 'content-length': _length, ...headers } = r.body.headers as Record<string, string>;
        const longer = await fetch(url, { method: 'PUT', headers, body: Buffer.concat([body, Buffer.from('x'.repeat(1000))]) });
        const otherType = await fetch(url, { method: 'PUT', headers: { ...headers, 'content-type': 'text/html' }, body });
        const right = await fetch(url, { method: 'PUT', headers, body });
        checks.push([/^content-length;content-type;host/.test(signed), `${route} signs ${signed}`]);
        checks.push([longer.status === 403, `+1000 bytes: ${longer.status}`]);
        checks.push([otherType.status === 403, `text/html: ${otherType.status}`]);
        checks.push([right.status === 200, `as signed: ${right.status}`]);
      }
      return result('PUT of another length or type than signed → refused', checks);
    }),
  );

  // 4–5. Decompression bombs and a PDF over the page limit: failed with the reason, file kept; then a real letter is read.
  const reader = buildScanReader('tesseract', { tesseract: { poolSize: 1 } });
  const worker = new ScanService({
    clock: officeParts().clock,
    scans: new DynamoScanStore(officeParts().db, tableName('Data')),
    blobs: officeParts().blobs,
    registers: officeParts().registers,
    audit: officeParts().audit,
    reader: () => reader,
    quarantineAction: 'move',
  });
  const uploadAndRead = async (bytes: Uint8Array, contentType: string) => {
    const created = await api('POST', '/v1/scans', clerk, { fileName: 'scan', contentType, size: bytes.length });
    if (created.status !== 201) throw new Error(`POST /v1/scans answered ${created.status}`);
    const put = await fetch(created.body.uploadUrl, { method: 'PUT', headers: created.body.headers, body: Buffer.from(bytes) });
    if (put.status !== 200) throw new Error(`the upload answered ${put.status}`);
    const key = `scans/${created.body.scanId}`;
    const head = await officeParts().blobs.head(key);
    const t = Date.now();
    const rss = process.memoryUsage().rss;
    const r = await worker.processUpload({ bucket: null, key, size: head?.size ?? null, etag: head?.etag ?? null, versionId: null, sequencer: null });
    const ms = Date.now() - t;
    const grewMb = Math.round((process.memoryUsage().rss - rss) / 1e6);
    const view = (await api('GET', `/v1/scans/${created.body.scanId}`, clerk)).body;
    const kept = (await officeParts().blobs.head(key)) !== undefined;
    return { outcome: r.outcome, view, ms, grewMb, kept, bytes: bytes.length };
  };
  try {
    const bombs = [
      { name: 'decompression-bomb PNG (valid, 30000 × 30000 px)', bytes: pngBomb(), type: 'image/png', code: 'IMAGE_TOO_LARGE' },
      { name: 'JPEG claiming 30000 × 30000 px', bytes: jpegClaiming(), type: 'image/jpeg', code: 'IMAGE_TOO_LARGE' },
      { name: 'TIFF claiming 30000 × 30000 px', bytes: tiffClaiming(), type: 'image/tiff', code: 'IMAGE_TOO_LARGE' },
      { name: 'PDF holding a 30000 × 30000 px image', bytes: pdfWithImage(), type: 'application/pdf', code: 'IMAGE_TOO_LARGE' },
      { name: `PDF of ${SCAN_LIMITS.pages + 1} pages (limit ${SCAN_LIMITS.pages})`, bytes: pdfOfPages(SCAN_LIMITS.pages + 1), type: 'application/pdf', code: 'TOO_MANY_PAGES' },
    ];
    for (const b of bombs) {
      out.push(
        await attempt(`${b.name} → scan failed with the reason`, async () => {
          const r = await uploadAndRead(b.bytes, b.type);
          return result(`${b.name} → scan failed with the reason`, [
            [r.outcome === 'failed' && r.view.status === 'failed', `status ${r.view.status}`],
            [r.view.failure?.code === b.code, `code ${r.view.failure?.code}`],
            [typeof r.view.message === 'string' && r.view.message.length > 20, `says "${String(r.view.message).slice(0, 90)}…"`],
            [r.kept, 'file kept'],
            [r.ms < 10_000, `${r.ms} ms for a ${Math.round(r.bytes / 1024)} KB file`],
            [r.grewMb < 300, `RSS +${r.grewMb} MB`],
          ]);
        }),
      );
    }
    out.push(
      await attempt('the same OCR worker then reads a real letter', async () => {
        const r = await uploadAndRead(scanFile('s1-003.png'), 'image/png');
        return result('the same OCR worker then reads a real letter', [
          [r.outcome === 'done' && r.view.status === 'done', `status ${r.view.status}`],
          [/KẾT LUẬN/.test(String(r.view.text)), 'text read'],
        ], [`${(r.ms / 1000).toFixed(1)} s (engine start included)`]);
      }),
    );
  } finally {
    await reader.close?.();
  }

  // 6. A submitted report's attachment cannot be replaced through its (still valid) upload URL.
  out.push(
    await attempt('attachment replaced after submission → refused, the report keeps what was submitted', async () => {
      const name = 'attachment replaced after submission → refused, the report keeps what was submitted';
      const first = Buffer.from('%PDF-1.4 bản gốc\n');
      const forged = Buffer.from('%PDF-1.4 bản giả\n');
      const slot = await api('POST', '/v1/reports/attachments', org.token, { fileName: 'phu-luc.pdf', contentType: 'application/pdf', size: first.length });
      const put = (b: Buffer) => fetch(slot.body.uploadUrl, { method: 'PUT', headers: slot.body.headers, body: b });
      const up = await put(first);
      const report = await api('POST', '/v1/reports', org.token, { reportType: org.type, title: 'Báo cáo', content: 'x', data: {}, attachments: [slot.body.attachmentId] });
      const again = await put(forged);
      const link = await api('GET', `/v1/reports/${report.body.id}/attachments/${slot.body.attachmentId}`, org.token);
      const served = Buffer.from(await (await fetch(link.body.downloadUrl)).arrayBuffer());
      return result(name, [
        [up.status === 200 && report.status === 201, `uploaded ${up.status}, submitted ${report.status}`],
        [again.status === 412, `a second PUT to the upload URL (If-None-Match: * signed): ${again.status}`],
        [served.equals(first), served.equals(first) ? 'the report serves the submitted (sealed) file' : `the report serves "${served.toString('utf8')}"`],
      ]);
    }),
  );

  // 7. The embedded API listens on loopback only.
  out.push(
    await attempt('the embedded API listens on 127.0.0.1 only', async () => {
      const u = new URL(ctx.url);
      const port = Number(u.port);
      const others = Object.values(os.networkInterfaces())
        .flat()
        .filter((i) => i && i.family === 'IPv4' && !i.internal)
        .map((i) => i!.address);
      const checks: [boolean, string][] = [
        [u.hostname === '127.0.0.1', `URL host ${u.hostname}`],
        [await connects('127.0.0.1', port), `127.0.0.1:${port} accepts`],
        [!(await connects('::1', port)), `[::1]:${port} refuses`],
      ];
      for (const a of others) checks.push([!(await connects(a, port)), `${a}:${port} refuses`]);
      return result('the embedded API listens on 127.0.0.1 only', checks);
    }),
  );
  return out;
};
