/**
 * What the reliability checks send to each route: the identities (tokens), the things the
 * requests target (an entry, a draft waiting for appraisal, a scan, an organisation with its
 * clients, a report…), and one well-formed request per route. The authorization matrix sends
 * that request as every identity; the fuzzer mutates it. No vitest here: the reliability bench
 * runs the same code against its own embedded office.
 *
 * Needs the embedded environment in process.env and the local workflow runner started in this
 * process (a draft's workflow starts when it is submitted).
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { ulid } from 'ulid';
import { matchPath, type Route } from '../../shared/platform/http/route';
import { ROUTES } from '../../shared/api/routes';
import { ensureKeys } from '../../local/keys';
import { findDemoUser, poolUser } from '../../local/demo-users';
import { personAccessToken } from '../../local/issuer';
import { loadHandler } from '../../local/gateway';
import { DynamoScanStore } from '../../shared/scans/adapters/dynamo-scan-store';
import { SCAN_FIELD_NAMES, type ScanFields } from '../../shared/scans/domain/model';
import { documentClient } from '../../shared/platform/aws/dynamodb-client';
import { tableName } from '../../shared/platform/aws/tables';
import { userItem } from '../../shared/identity/adapters/dynamo-user-directory';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { invoke, tokenFor } from './integration';
import { clientToken } from './reports';
import { afterAll, beforeAll } from 'vitest';
import { useParts } from './parts';
import { craftedToken, startRunner } from './drafts-api';
import type { StartedRunner } from '../../local/workflow/start';
import { nqDraft } from './drafts';
import type { ExtraCaller, Identity, Target } from './authz-matrix';
import { partnerPackage, testPartner, type TestPartner } from './exchange';

export const routeKey = (r: Pick<Route, 'method' | 'path'>): string => `${r.method} ${r.path}`;

/** A year of the office's own clock that no other test file uses: the entries made here stay apart. */
export const OFFICE_YEAR = 2077;
/** The office clock, moving, in OFFICE_YEAR (tokens keep the real time). */
export function officeClock(): { now: () => Date } {
  const offset = new Date(`${OFFICE_YEAR}-06-15T09:00:00+07:00`).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** For a test file: the office clock and the embedded workflow runner, set up before its tests and stopped after. */
export function useOfficeRuntime(): void {
  let runner: StartedRunner | undefined;
  beforeAll(async () => {
    useParts({ clock: officeClock() });
    runner = await startRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    useParts({});
  });
}
const DAY = `${OFFICE_YEAR}-06-10`;
const PERIOD = `${OFFICE_YEAR}-05`;

/** Who calls: an identity of the matrix or a caller of its extra cases. */
export type Who = Identity | ExtraCaller;
export type Tokens = Partial<Record<Who, string>>;

export interface Fixtures {
  /** Suffix of this run's ids, so runs on the same database never collide. */
  sfx: string;
  incomingId: string;
  secretIncomingId: string;
  outgoingId: string;
  secretOutgoingId: string;
  draftId: string;
  secretDraftId: string;
  scanId: string;
  secretScanId: string;
  orgId: string;
  /** A client of orgId for the revoke route (not the one whose token is the `client` identity). */
  revokeClientId: string;
  reportType: string;
  reportId: string;
  /** An uploaded attachment of that report. */
  attachmentId: string;
  /** A person of the embedded directory whom PUT /v1/users/{username} may change. */
  personUsername: string;
  /** An assignment given to chuyenvien (progress, completion, extension), and another one to reassign. */
  assignmentId: string;
  reassignId: string;
  /** This office's id in the exchange, a partner office whose key the requests sign with, and a document received from it. */
  officeExchangeId: string;
  partnerId: string;
  partnerCertificate: string;
  inboxId: string;
}

export interface RouteRequest {
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A body sent as is (not JSON-encoded); `null` sends none. */
export interface RawBody {
  body: string | null;
}

export interface Office {
  fx: Fixtures;
  tokens: Tokens;
  /** Sends a request to the route's own Lambda handler, in process, as API Gateway would. */
  call(route: Route, req: RouteRequest, token: string | undefined, raw?: RawBody): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
}

type Handler = Parameters<typeof invoke>[0];

export function routeOf(key: string): Route {
  const r = ROUTES.find((x) => routeKey(x) === key);
  if (!r) throw new Error(`no route ${key}`);
  return r;
}

async function call(route: Route, req: RouteRequest, token: string | undefined, raw?: RawBody) {
  // The concrete path must reach this very route, not an earlier one that also matches it.
  const resolved = ROUTES.find((r) => r.method === route.method && matchPath(r.path, req.path));
  if (resolved !== route) throw new Error(`${req.path} resolves to ${resolved ? routeKey(resolved) : 'nothing'}, not ${routeKey(route)}`);
  const handler = (await loadHandler(route.fn)) as unknown as Handler;
  return invoke(handler, {
    method: route.method,
    path: req.path,
    ...(token ? { token } : {}),
    ...(req.query ? { query: req.query } : {}),
    ...(req.headers ? { headers: req.headers } : {}),
    ...(raw ? (raw.body === null ? {} : { rawBody: raw.body }) : req.body !== undefined ? { body: req.body } : {}),
  });
}

const must = async (what: string, p: Promise<{ status: number; body: any }>, status = 201): Promise<any> => {
  const r = await p;
  if (r.status !== status) throw new Error(`fixture ${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

/** A token signed with a key of its own under the embedded key's id: a forgery. */
async function forgedToken(): Promise<string> {
  const real = await ensureKeys(process.env.DAUMOI_LOCAL_JWKS!.replace(/\/keys\/jwks\.json$/, ''));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-forger-'));
  try {
    const other = await ensureKeys(dir);
    return await personAccessToken({ ...other, privateJwk: { ...other.privateJwk, kid: real.privateJwk.kid } }, poolUser(findDemoUser('admin')!));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits for the draft's workflow to reach its appraisal (the runner works asynchronously). */
async function appraisalPending(o: Office, id: string, token: string): Promise<void> {
  const route = routeOf('GET /v1/drafts/{id}');
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
    const r = await o.call(route, { path: `/v1/drafts/${id}` }, token);
    if (r.body?.pendingTask?.step === 'appraisal') return;
  }
  throw new Error(`draft ${id} never reached its appraisal`);
}

/** Makes the identities and everything the requests target, through the API itself. */
export async function setUpOffice(): Promise<Office> {
  const sfx = ulid().slice(-8).toLowerCase();
  const tokens: Tokens = {};
  for (const u of ['admin', 'vanthu', 'chuyenvien', 'chuyenvien2', 'chanhvp', 'bithu', 'bantochuc'] as const) tokens[u] = await tokenFor(u);
  tokens.expired = await tokenFor('admin', { expired: true });
  tokens.forged = await forgedToken();
  tokens.secretDrafter = await craftedToken(`drafter-${sfx}`, ['ban-tham-muu'], { 'custom:clearance': 'mat', 'custom:dept': 'BTCTU' });
  const topClerk = await craftedToken(`clerk-${sfx}`, ['van-thu'], { 'custom:clearance': 'tuyet-mat' });

  const fx = { sfx } as Fixtures;
  const o: Office = { fx, tokens, call };
  const send = (key: string, req: RouteRequest, token: string | undefined) => o.call(routeOf(key), req, token);

  // A person for the people-administration routes (the directory has no create route: seeded as the demo users are).
  fx.personUsername = `authz-person-${sfx}`;
  await documentClient().send(new PutCommand({ TableName: tableName('Data'), Item: userItem({ username: fx.personUsername, sub: `user-${fx.personUsername}`, roles: ['chuyen-vien'], clearance: 'none', enabled: true }) }));

  // Organisations, their machine clients and a report type with one report.
  fx.orgId = `authz-${sfx}`;
  const otherOrg = `authz-other-${sfx}`;
  await must('org', send('POST /v1/orgs', { path: '/v1/orgs', body: { id: fx.orgId, name: 'Đảng ủy xã Kiểm Thử' } }, tokens.admin));
  await must('other org', send('POST /v1/orgs', { path: '/v1/orgs', body: { id: otherOrg, name: 'Đảng ủy xã Bên Cạnh' } }, tokens.admin));
  const newClient = (org: string) => must('client', send('POST /v1/orgs/{orgId}/clients', { path: `/v1/orgs/${org}/clients` }, tokens.admin));
  const client = await newClient(fx.orgId);
  tokens.client = await clientToken(client.clientId, client.clientSecret);
  const other = await newClient(otherOrg);
  tokens.otherClient = await clientToken(other.clientId, other.clientSecret);
  const revoked = await newClient(fx.orgId);
  tokens.revokedClient = await clientToken(revoked.clientId, revoked.clientSecret);
  await must('revoke', send('POST /v1/orgs/{orgId}/clients/{clientId}/revoke', { path: `/v1/orgs/${fx.orgId}/clients/${revoked.clientId}/revoke` }, tokens.admin), 200);
  fx.revokeClientId = (await newClient(fx.orgId)).clientId;
  fx.reportType = `AUTHZ-${sfx}`.toUpperCase();
  await must('report type', send('POST /v1/report-types', { path: '/v1/report-types', body: { code: fx.reportType, name: 'Báo cáo kiểm thử', period: 'monthly', dueDay: 5 } }, tokens.admin));
  const attachmentBody = Buffer.from('%PDF-1.4 phụ lục');
  const attachment = await must('attachment', send('POST /v1/reports/attachments', { path: '/v1/reports/attachments', body: { fileName: 'phu-luc.pdf', contentType: 'application/pdf', size: attachmentBody.length } }, tokens.client));
  const put = await fetch(attachment.uploadUrl, { method: 'PUT', headers: attachment.headers, body: attachmentBody });
  if (put.status !== 200) throw new Error(`fixture attachment: the upload answered ${put.status}`);
  fx.attachmentId = attachment.attachmentId;
  const report = { reportType: fx.reportType, period: PERIOD, title: 'Báo cáo tháng 5', attachments: [fx.attachmentId] };
  fx.reportId = (await must('report', send('POST /v1/reports', { path: '/v1/reports', body: report }, tokens.client))).id;

  // Register entries: one assigned to chuyenvien, secret ones above most callers' clearance.
  const incoming = (secrecy: string | null, over: Record<string, unknown> = {}) => ({ ...incomingBody(), secrecy, ...over });
  fx.incomingId = (await must('incoming', send('POST /v1/registers/incoming/entries', { path: '/v1/registers/incoming/entries', body: incoming(null, { handler: 'chuyenvien' }) }, tokens.vanthu))).id;
  fx.secretIncomingId = (await must('secret incoming', send('POST /v1/registers/incoming/entries', { path: '/v1/registers/incoming/entries', body: incoming('toi-mat') }, topClerk))).id;
  fx.outgoingId = (await must('outgoing', send('POST /v1/registers/outgoing/entries', { path: '/v1/registers/outgoing/entries', body: outgoingBody() }, tokens.vanthu))).id;
  fx.secretOutgoingId = (await must('secret outgoing', send('POST /v1/registers/outgoing/entries', { path: '/v1/registers/outgoing/entries', body: outgoingBody('mat') }, tokens.vanthu))).id;

  // Work given to chuyenvien by hand: one to act on, one to reassign.
  const work = (title: string) => ({ path: '/v1/assignments', body: { title, origin: { type: 'manual' }, assignee: { user: 'chuyenvien' }, dueDate: `${OFFICE_YEAR}-07-15`, secrecy: null } });
  fx.assignmentId = (await must('assignment', send('POST /v1/assignments', work('Tổng hợp ý kiến góp ý'), tokens.chanhvp))).id;
  fx.reassignId = (await must('assignment to reassign', send('POST /v1/assignments', work('Chuẩn bị tài liệu hội nghị'), tokens.chanhvp))).id;

  // Drafts waiting for their appraisal.
  fx.draftId = (await must('draft', send('POST /v1/drafts', { path: '/v1/drafts', body: nqDraft() }, tokens.bantochuc))).id;
  fx.secretDraftId = (await must('secret draft', send('POST /v1/drafts', { path: '/v1/drafts', body: nqDraft({ secrecy: 'mat' }) }, tokens.secretDrafter))).id;
  await appraisalPending(o, fx.draftId, tokens.bantochuc!);
  await appraisalPending(o, fx.secretDraftId, tokens.secretDrafter);

  // Scans: one awaiting its upload, one the clerk marked tối mật (quarantined, metadata only).
  const scan = () => must('scan', send('POST /v1/scans', { path: '/v1/scans', body: { fileName: 'cong-van.png', contentType: 'image/png', size: 4096 } }, tokens.vanthu));
  fx.scanId = (await scan()).scanId;
  fx.secretScanId = (await scan()).scanId;
  await quarantineAsOcrWould(fx.secretScanId);

  // The exchange: a partner office (a key of its own) in the directory, and a document it sent here.
  fx.officeExchangeId = (await must('identity', send('GET /v1/exchange/identity', { path: '/v1/exchange/identity' }, undefined), 200)).id;
  fx.partnerId = `doi-tac-${sfx}`;
  partner = await testPartner(fx.partnerId);
  fx.partnerCertificate = await partner.seal.certificate();
  await must('partner', send('POST /v1/exchange/partners', { path: '/v1/exchange/partners', body: { id: fx.partnerId, name: 'Văn phòng Huyện ủy Kiểm Thử', endpoint: 'http://127.0.0.1:9/v1/exchange/messages', certificate: fx.partnerCertificate, encryptedChannel: false } }, tokens.admin));
  fx.inboxId = (await must('received', send('POST /v1/exchange/messages', await exchangeMessage(fx), undefined), 202)).inboxId;
  return o;
}

let partner: TestPartner;
/** A package from the test partner, signed with its key, sent at the office's time. */
async function exchangeMessage(fx: Fixtures): Promise<RouteRequest> {
  serial++;
  const m = await partner.message({ to: fx.officeExchangeId, sentAt: officeClock().now().toISOString(), content: partnerPackage({ from: fx.partnerId, to: fx.officeExchangeId, codeNumber: String(serial), date: DAY }) });
  return { path: '/v1/exchange/messages', body: m.json, headers: m.headers };
}

/** What the OCR pipeline does with a letter it reads as Tối mật: the job ends with the scan quarantined. */
async function quarantineAsOcrWould(scanId: string): Promise<void> {
  const store = new DynamoScanStore(documentClient(), tableName('Data'));
  const now = new Date();
  const claim = await store.claimJob(scanId, `${scanId}#authz`, { now, leaseMs: 60_000 });
  if (!claim.claimed) throw new Error(`fixture secret scan: could not claim ${scanId}: ${claim.reason}`);
  const fields = Object.fromEntries(SCAN_FIELD_NAMES.map((f) => [f, { value: f === 'secrecy' ? 'toi-mat' : null, confidence: 0.9 }])) as unknown as ScanFields;
  const upload = { etag: 'authz', versionId: null, size: 1, detectedType: 'png', receivedAt: now.toISOString() };
  const quarantine = { secrecy: 'toi-mat' as const, action: 'deleted' as const, objectKey: null, at: now.toISOString() };
  await store.finishJob(claim.job, { status: 'quarantined', upload, pages: 1, fields, lowConfidence: [], secrecy: 'toi-mat', urgency: null, engine: 'authz', quarantine }, now);
}

/** Letters are told apart by number-symbol and date: each run starts its numbers somewhere else. */
let serial = Math.floor(Math.random() * 900_000);
/** A registration of a letter nobody registered before. */
export function incomingBody(): Record<string, unknown> {
  serial++;
  return {
    numberSymbol: `${serial}-CV/BTCTU`,
    documentDate: DAY,
    issuer: 'Ban Tổ chức Tỉnh ủy',
    typeCode: 'CV',
    subject: `về việc kiểm tra quyền truy cập, lần ${serial}`,
    secrecy: null,
    urgency: null,
  };
}

export const outgoingBody = (secrecy: string | null = null) => ({
  typeCode: 'NQ',
  issuerCode: 'TU',
  subject: 'về công tác kiểm tra, giám sát',
  signer: 'Nguyễn Văn A',
  recipients: ['Các huyện ủy, thành ủy', 'Lưu VT'],
  secrecy,
  urgency: null,
  copies: 30,
});

/** The version a GET of the same path answers in its ETag, for an update's If-Match. */
async function ifMatch(o: Office, getKey: string, p: string): Promise<Record<string, string>> {
  const r = await o.call(routeOf(getKey), { path: p }, o.tokens.admin);
  const etag = r.headers.etag;
  return typeof etag === 'string' ? { 'If-Match': etag } : {};
}

type Build = (o: Office, target: Target) => RouteRequest | Promise<RouteRequest>;

const incomingTarget = (fx: Fixtures, t: Target) => (t === 'secret-incoming' ? fx.secretIncomingId : fx.incomingId);

/** One well-formed request per route. A route of the table missing here fails the matrix test, like a missing row. */
export const REQUESTS: Record<string, Build> = {
  'GET /v1/health': () => ({ path: '/v1/health' }),
  'GET /v1/openapi.json': () => ({ path: '/v1/openapi.json' }),
  'GET /v1/me': () => ({ path: '/v1/me' }),

  'POST /v1/registers/incoming/entries': (_o, t) => ({ path: '/v1/registers/incoming/entries', body: { ...incomingBody(), ...(t === 'toi-mat-body' ? { secrecy: 'toi-mat' } : {}) } }),
  'GET /v1/registers/incoming/entries': () => ({ path: '/v1/registers/incoming/entries', query: { year: String(OFFICE_YEAR), limit: '5' } }),
  'GET /v1/registers/incoming/entries/{id}': ({ fx }, t) => ({ path: `/v1/registers/incoming/entries/${incomingTarget(fx, t)}` }),
  'PATCH /v1/registers/incoming/entries/{id}': async (o, t) => {
    const p = `/v1/registers/incoming/entries/${incomingTarget(o.fx, t)}`;
    // Read with the highest clearance: the caller under test may be the one who cannot see it.
    const r = await o.call(routeOf('GET /v1/registers/incoming/entries/{id}'), { path: p }, o.tokens.bithu);
    return { path: p, body: { note: 'Đã chuyển chuyên viên xử lý' }, headers: { 'If-Match': String(r.headers.etag ?? '"1"') } };
  },
  'POST /v1/registers/outgoing/entries': () => ({ path: '/v1/registers/outgoing/entries', body: outgoingBody() }),
  'GET /v1/registers/outgoing/entries': () => ({ path: '/v1/registers/outgoing/entries', query: { year: String(OFFICE_YEAR) } }),
  'GET /v1/registers/outgoing/entries/{id}': ({ fx }, t) => ({ path: `/v1/registers/outgoing/entries/${t === 'secret-outgoing' ? fx.secretOutgoingId : fx.outgoingId}` }),
  'GET /v1/registers/outgoing/entries/{id}/document': ({ fx }) => ({ path: `/v1/registers/outgoing/entries/${fx.outgoingId}/document` }),
  'POST /v1/registers/outgoing/entries/{id}/void': async (o, t) => {
    const p = `/v1/registers/outgoing/entries/${t === 'secret-outgoing' ? o.fx.secretOutgoingId : o.fx.outgoingId}`;
    // The version is required: read it with the highest clearance (the caller under test may not see the entry).
    const r = await o.call(routeOf('GET /v1/registers/outgoing/entries/{id}'), { path: p }, o.tokens.bithu);
    return { path: `${p}/void`, body: { reason: 'Cấp nhầm số' }, headers: { 'If-Match': String(r.headers.etag ?? '"1"') } };
  },
  'GET /v1/registers/{register}/export': () => ({ path: '/v1/registers/incoming/export', query: { year: String(OFFICE_YEAR), format: 'csv' } }),
  'GET /v1/registers/{register}/counts': () => ({ path: '/v1/registers/outgoing/counts', query: { year: String(OFFICE_YEAR) } }),

  'GET /v1/audit': ({ fx }) => ({ path: '/v1/audit', query: { entityId: fx.incomingId, limit: '5' } }),
  'GET /v1/audit/verify': () => ({ path: '/v1/audit/verify' }),

  'POST /v1/drafts': (_o, t) => ({ path: '/v1/drafts', body: nqDraft(t === 'mat-body' ? { secrecy: 'mat' } : {}) }),
  'GET /v1/drafts': () => ({ path: '/v1/drafts' }),
  'GET /v1/drafts/counts': () => ({ path: '/v1/drafts/counts' }),
  'GET /v1/drafts/{id}': ({ fx }, t) => ({ path: `/v1/drafts/${t === 'secret-draft' ? fx.secretDraftId : fx.draftId}` }),
  'POST /v1/drafts/{id}/decisions': ({ fx }) => ({ path: `/v1/drafts/${fx.draftId}/decisions`, body: { step: 'appraisal', decision: 'return', comment: 'Bổ sung căn cứ pháp lý' } }),
  'GET /v1/tasks': () => ({ path: '/v1/tasks' }),

  'POST /v1/scans': () => ({ path: '/v1/scans', body: { fileName: 'cong-van-den.jpg', contentType: 'image/jpeg', size: 250_000 } }),
  'GET /v1/scans/{scanId}': ({ fx }, t) => ({ path: `/v1/scans/${t === 'secret-scan' ? fx.secretScanId : fx.scanId}` }),
  'GET /v1/scans/{scanId}/original': ({ fx }, t) => ({ path: `/v1/scans/${t === 'secret-scan' ? fx.secretScanId : fx.scanId}/original` }),
  'POST /v1/scans/{scanId}/register': ({ fx }) => ({ path: `/v1/scans/${fx.scanId}/register`, body: { subject: 'về việc chuẩn bị hội nghị' } }),
  'GET /v1/search': () => ({ path: '/v1/search', query: { q: 'kiểm tra quyền truy cập', year: String(OFFICE_YEAR) } }),

  'POST /v1/orgs': () => ({ path: '/v1/orgs', body: { name: 'Chi bộ Kiểm Thử', email: 'chibo@example.vn' } }),
  'GET /v1/orgs': () => ({ path: '/v1/orgs', query: { limit: '5' } }),
  'GET /v1/orgs/{orgId}': ({ fx }) => ({ path: `/v1/orgs/${fx.orgId}` }),
  'PATCH /v1/orgs/{orgId}': async (o) => ({ path: `/v1/orgs/${o.fx.orgId}`, body: { email: 'xa-kiem-thu@example.vn' }, headers: await ifMatch(o, 'GET /v1/orgs/{orgId}', `/v1/orgs/${o.fx.orgId}`) }),
  'POST /v1/orgs/{orgId}/clients': ({ fx }) => ({ path: `/v1/orgs/${fx.orgId}/clients`, body: { name: 'Phần mềm báo cáo' } }),
  'GET /v1/orgs/{orgId}/clients': ({ fx }) => ({ path: `/v1/orgs/${fx.orgId}/clients` }),
  'POST /v1/orgs/{orgId}/clients/{clientId}/revoke': ({ fx }) => ({ path: `/v1/orgs/${fx.orgId}/clients/${fx.revokeClientId}/revoke` }),

  'POST /v1/report-types': ({ fx }) => ({ path: '/v1/report-types', body: { code: `BT-${fx.sfx}-${ulid().slice(-6)}`, name: 'Báo cáo quý', period: 'quarterly', dueDay: 10 } }),
  'GET /v1/report-types': () => ({ path: '/v1/report-types' }),
  'GET /v1/report-types/{code}': ({ fx }) => ({ path: `/v1/report-types/${fx.reportType}` }),
  'PATCH /v1/report-types/{code}': async (o) => ({
    path: `/v1/report-types/${o.fx.reportType}`,
    body: { remindDaysBefore: [2] },
    headers: await ifMatch(o, 'GET /v1/report-types/{code}', `/v1/report-types/${o.fx.reportType}`),
  }),
  'POST /v1/reports': ({ fx }) => ({ path: '/v1/reports', body: { reportType: fx.reportType, period: PERIOD, title: 'Báo cáo tháng 5 (bổ sung)', content: 'Nội dung', data: { dangVien: 12 } } }),
  'POST /v1/reports/attachments': () => ({ path: '/v1/reports/attachments', body: { fileName: 'bao-cao.pdf', contentType: 'application/pdf', size: 80_000 } }),
  'GET /v1/reports': ({ fx }) => ({ path: '/v1/reports', query: { reportType: fx.reportType } }),
  'GET /v1/reports/status': ({ fx }) => ({ path: '/v1/reports/status', query: { reportType: fx.reportType, period: PERIOD } }),
  'GET /v1/reports/export': ({ fx }) => ({ path: '/v1/reports/export', query: { reportType: fx.reportType, period: PERIOD, format: 'csv' } }),
  'GET /v1/reports/reminders': ({ fx }) => ({ path: '/v1/reports/reminders', query: { reportType: fx.reportType, period: PERIOD } }),
  'POST /v1/reports/reminders/run': () => ({ path: '/v1/reports/reminders/run' }),
  'GET /v1/reports/{id}': ({ fx }) => ({ path: `/v1/reports/${fx.reportId}` }),
  'GET /v1/reports/{id}/versions/{version}': ({ fx }) => ({ path: `/v1/reports/${fx.reportId}/versions/1` }),
  'GET /v1/reports/{id}/attachments/{attachmentId}': ({ fx }) => ({ path: `/v1/reports/${fx.reportId}/attachments/${fx.attachmentId}` }),
  'GET /v1/notifications/outbox': () => ({ path: '/v1/notifications/outbox', query: { limit: '5' } }),

  'GET /v1/users': () => ({ path: '/v1/users' }),
  'PUT /v1/users/{username}': ({ fx }) => ({ path: `/v1/users/${fx.personUsername}`, body: { roles: ['chuyen-vien'], clearance: 'mat', dept: null, reason: 'Quyết định 3-QĐ/VPTU' } }),

  'POST /v1/registers/incoming/entries/{id}/instruction': ({ fx }) => ({ path: `/v1/registers/incoming/entries/${fx.incomingId}/instruction`, body: { instruction: 'Giao chuyên viên tham mưu', lead: { user: 'chuyenvien' } } }),
  'POST /v1/assignments/conclusions': () => ({ path: '/v1/assignments/conclusions', body: { conclusion: '12-TB/TU', secrecy: null, items: [{ title: 'Rà soát quy hoạch cán bộ', assignee: { dept: 'BTCTU' }, dueDate: `${OFFICE_YEAR}-08-01` }] } }),
  'POST /v1/assignments': () => ({ path: '/v1/assignments', body: { title: 'Theo dõi kết luận', origin: { type: 'conclusion', ref: '12-TB/TU' }, assignee: { dept: 'BTCTU' }, dueDate: `${OFFICE_YEAR}-08-01`, secrecy: null } }),
  'GET /v1/assignments': () => ({ path: '/v1/assignments', query: { from: `${OFFICE_YEAR}-01-01`, to: `${OFFICE_YEAR}-12-31`, limit: '5' } }),
  'GET /v1/assignments/stats': () => ({ path: '/v1/assignments/stats', query: { period: String(OFFICE_YEAR), by: 'dept' } }),
  'GET /v1/assignments/overdue': () => ({ path: '/v1/assignments/overdue' }),
  'GET /v1/assignments/export': () => ({ path: '/v1/assignments/export', query: { period: `${OFFICE_YEAR}-Q2` } }),
  'POST /v1/assignments/reminders/run': () => ({ path: '/v1/assignments/reminders/run' }),
  'GET /v1/assignments/{id}': ({ fx }) => ({ path: `/v1/assignments/${fx.assignmentId}` }),
  'POST /v1/assignments/{id}/progress': ({ fx }) => ({ path: `/v1/assignments/${fx.assignmentId}/progress`, body: { note: 'Đang tổng hợp' } }),
  'POST /v1/assignments/{id}/complete': ({ fx }) => ({ path: `/v1/assignments/${fx.assignmentId}/complete`, body: { result: 'Đã tổng hợp xong' } }),
  'POST /v1/assignments/{id}/extension': ({ fx }) => ({ path: `/v1/assignments/${fx.assignmentId}/extension`, body: { dueDate: `${OFFICE_YEAR}-07-31`, reason: 'Chờ ý kiến các ban' } }),
  'POST /v1/assignments/{id}/extension/decision': ({ fx }) => ({ path: `/v1/assignments/${fx.assignmentId}/extension/decision`, body: { grant: true } }),
  'POST /v1/assignments/{id}/reassign': ({ fx }) => ({ path: `/v1/assignments/${fx.reassignId}/reassign`, body: { assignee: { user: 'chuyenvien2' }, reason: 'Đi công tác' } }),
  'GET /v1/exchange/identity': () => ({ path: '/v1/exchange/identity' }),
  'GET /v1/exchange/partners': () => ({ path: '/v1/exchange/partners' }),
  'POST /v1/exchange/partners': ({ fx }) => ({ path: '/v1/exchange/partners', body: { id: `p-${ulid().slice(-10).toLowerCase()}`, name: 'Đảng ủy xã Kiểm Thử', endpoint: 'https://xa.example.vn/v1/exchange/messages', certificate: fx.partnerCertificate, encryptedChannel: false } }),
  'POST /v1/registers/outgoing/entries/{id}/send': ({ fx }) => ({ path: `/v1/registers/outgoing/entries/${fx.outgoingId}/send`, body: { to: [fx.partnerId] } }),
  'GET /v1/registers/outgoing/entries/{id}/deliveries': ({ fx }) => ({ path: `/v1/registers/outgoing/entries/${fx.outgoingId}/deliveries` }),
  'POST /v1/registers/outgoing/entries/{id}/recall': ({ fx }) => ({ path: `/v1/registers/outgoing/entries/${fx.outgoingId}/recall`, body: { reason: 'Văn bản có sai sót' } }),
  'POST /v1/registers/outgoing/entries/{id}/replace': ({ fx }) => ({ path: `/v1/registers/outgoing/entries/${fx.outgoingId}/replace`, body: { by: fx.outgoingId, reason: 'Ban hành văn bản thay thế' } }),
  'POST /v1/exchange/messages': ({ fx }) => exchangeMessage(fx),
  'GET /v1/exchange/recipients': () => ({ path: '/v1/exchange/recipients' }),
  'GET /v1/exchange/inbox': () => ({ path: '/v1/exchange/inbox', query: { status: 'new', limit: '5' } }),
  'GET /v1/exchange/inbox/{id}': ({ fx }) => ({ path: `/v1/exchange/inbox/${fx.inboxId}` }),
  'GET /v1/exchange/inbox/{id}/document': ({ fx }) => ({ path: `/v1/exchange/inbox/${fx.inboxId}/document` }),
  'POST /v1/exchange/inbox/{id}/register': ({ fx }) => ({ path: `/v1/exchange/inbox/${fx.inboxId}/register`, body: {} }),
  'POST /v1/exchange/inbox/{id}/return': ({ fx }) => ({ path: `/v1/exchange/inbox/${fx.inboxId}/return`, body: { reason: 'Gửi nhầm nơi nhận' } }),
};
