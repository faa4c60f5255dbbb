/**
 * Trust cases, area "secrecy" (issue 11 part 2): an entry above your clearance does not exist for
 * you, anywhere. Each case attacks one side door over HTTP against the running embedded office
 * (ctx.url), as the people and organisations of the office would, and reports what it measured:
 *
 * - scan relink: a Mật scan linked to an entry registered as not secret;
 * - audit redaction: an admin without clearance reading the audit log of a Mật entry;
 * - quarantine versions: what is left of a scan corrected to Tối mật;
 * - duplicate leak: registering again a letter that is registered above the clerk's clearance;
 * - CSV injection: formulas submitted by an organisation, exported by the office;
 * - forged cursor: random strings and forged cursor JSON on every list that takes one (tampered copies
 *   of real cursors: test/integration/cursors.test.ts).
 */
import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { ensureKeys } from '../../../local/keys';
import { personAccessToken } from '../../../local/issuer';
import { startSearchIndexing } from '../../../local/plugins/search-indexer';
import { findDemoUser, poolUser, type DemoUser } from '../../../local/demo-users';
import { officeParts } from '../parts';
import { ROUTES } from '../../../shared/api/routes';
import { readScan } from '../read-scan';
import { jsonClient } from '../http-json';
import type { TrustArea, TrustContext, TrustResult } from './types';

const client = (ctx: TrustContext) => jsonClient(ctx.url);

async function tokens(ctx: TrustContext) {
  const keys = await ensureKeys(ctx.dataDir);
  const of = (u: DemoUser) => personAccessToken(keys, poolUser(u));
  const demo = (name: string) => of(findDemoUser(name)!);
  const crafted = (username: string, roles: string[], clearance: DemoUser['clearance']) => of({ username, name: username, roles, clearance });
  return {
    vanthu: await demo('vanthu'),
    chuyenvien2: await demo('chuyenvien2'),
    bithu: await demo('bithu'),
    admin: await demo('admin'),
    topClerk: await crafted(`trust-clerk-${randomInt(1e9)}`, ['van-thu'], 'tuyet-mat'),
  };
}

/** Runs one case; an exception is a failed case with its message. */
async function trial(name: string, f: () => Promise<{ ok: boolean; detail: string }>): Promise<TrustResult> {
  try {
    return { area: 'secrecy', name, ...(await f()) };
  } catch (err) {
    return { area: 'secrecy', name, ok: false, detail: `threw: ${(err as Error).stack ?? String(err)}` };
  }
}

let serial = randomInt(100_000, 900_000);
const letter = (over: Record<string, unknown> = {}) => ({
  numberSymbol: `${++serial}-CV/ĐU`,
  documentDate: '2024-03-01',
  issuer: 'Đảng ủy phường Phú Hội',
  typeCode: 'CV',
  subject: `về việc kiểm tra bảo mật số ${serial}`,
  secrecy: null,
  urgency: null,
  ...over,
});
/** A word no other document has, so a search for it finds only what this case made. */
const uniqueWord = (stem: string) => `${stem}${randomInt(1e6, 9e6)}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

export const run: TrustArea = async (ctx) => {
  // Search indexing follows the Data table's stream, as in the office: read it here for the run
  // (shared with the office's own reader when it has one).
  const indexing = await startSearchIndexing();
  try {
    return await cases(ctx);
  } finally {
    await indexing.stop();
  }
};

async function cases(ctx: TrustContext): Promise<TrustResult[]> {
  const api = client(ctx);
  const t = await tokens(ctx);
  const results: TrustResult[] = [];

  results.push(
    await trial('scan relink: a Mật scan linked with secrecy null is refused; its text is found by nobody without clearance', async () => {
      const word = uniqueWord('matma');
      const scanId = await readScan({ numberSymbol: null, subject: `về việc ${word}`, secrecy: 'mat', text: `MẬT\nCÔNG VĂN ${word} nội dung mật` });
      const relink = await api('POST', '/v1/registers/incoming/entries', t.vanthu, letter({ scanId, secrecy: null }));
      const viaScan = await api('POST', `/v1/scans/${scanId}/register`, t.vanthu, { ...letter({ secrecy: null }), scanId: undefined });
      const linked = await api('POST', '/v1/registers/incoming/entries', t.vanthu, letter({ scanId, secrecy: 'mat' }));
      const again = await api('POST', '/v1/registers/incoming/entries', t.vanthu, letter({ scanId, secrecy: 'mat' }));
      const seenBy = async (token: string) => ((await api('GET', `/v1/search?q=${word}`, token)).body.items ?? []).length as number;
      // Indexing follows the commit: give it up to 5 s to show for the cleared reader.
      let top = 0;
      for (const until = Date.now() + 5_000; Date.now() < until && top === 0; await new Promise((r) => setTimeout(r, 200))) top = await seenBy(t.bithu);
      const none = await seenBy(t.chuyenvien2);
      const scan = await api('GET', `/v1/scans/${scanId}`, t.chuyenvien2);
      const ok = relink.status === 400 && viaScan.status === 400 && linked.status === 201 && linked.body.secrecy === 'mat' && again.status === 409 && none === 0 && top === 1 && scan.status === 404;
      return {
        ok,
        detail: `secrecy null with the Mật scan → ${relink.status} (registers) / ${viaScan.status} (scan route); as Mật → ${linked.status}; linked again → ${again.status}; search hits for its text: no clearance ${none}, tuyệt mật ${top}; the scan to no clearance → ${scan.status}`,
      };
    }),
  );

  results.push(
    await trial('audit redaction: an admin without clearance sees nothing of a Mật entry in /v1/audit', async () => {
      const word = uniqueWord('auditmat');
      const e = await api('POST', '/v1/registers/incoming/entries', t.vanthu, letter({ secrecy: 'mat', subject: `về việc ${word}` }));
      if (e.status !== 201) return { ok: false, detail: `registration → ${e.status} ${e.text}` };
      await officeParts().audit.seal(new Date(Date.now() + 5_000));
      const day = String(e.body.arrivedAt).slice(0, 10);
      const all = await api('GET', `/v1/audit?from=${day}&to=${day}T23:59:59Z&limit=200`, t.admin);
      const top = await api('GET', `/v1/audit?entityId=${e.body.id}`, await personAccessToken(await ensureKeys(ctx.dataDir), poolUser({ username: `trust-admin-${serial}`, roles: ['admin'], clearance: 'tuyet-mat' })));
      const history = await api('GET', `/v1/audit?entityId=${e.body.id}`, t.admin);
      const verify = await api('GET', '/v1/audit/verify', t.admin);
      const leaks = [e.body.id, e.body.numberSymbol, word].filter((s) => all.text.includes(s) || history.text.includes(s) || verify.text.includes(s));
      const stubs = (all.body.items ?? []).filter((x: { redacted?: boolean }) => x.redacted).length;
      const ok = all.status === 200 && leaks.length === 0 && history.body.items?.length === 0 && top.body.items?.length === 1 && stubs >= 1 && verify.status === 200;
      return { ok, detail: `office-wide page: ${all.body.items?.length} events, ${stubs} redacted stubs, leaked ${JSON.stringify(leaks)}; entity history: ${history.body.items?.length} events for the admin, ${top.body.items?.length} for a tuyệt mật admin; verify → ${verify.status} (ok=${verify.body.ok}, ${verify.body.problems?.length} problems), nothing of the entry in it` };
    }),
  );

  results.push(
    await trial('quarantine versions: nothing of a scan corrected to Tối mật remains under scans/ or ocr/', async () => {
      const scanId = await readScan({ numberSymbol: `${++serial}-CV/ĐU`, subject: 'về việc bảo vệ bí mật', text: 'nội dung đọc lần đầu' });
      const before = { upload: !!(await officeParts().blobs.head(`scans/${scanId}`)), text: !!(await officeParts().blobs.head(`ocr/${scanId}.json`)) };
      const r = await api('POST', `/v1/scans/${scanId}/register`, t.vanthu, { secrecy: 'toi-mat' });
      const after = { upload: !!(await officeParts().blobs.head(`scans/${scanId}`)), text: !!(await officeParts().blobs.head(`ocr/${scanId}.json`)), quarantine: !!(await officeParts().blobs.head(`quarantine/${scanId}`)) };
      const view = await api('GET', `/v1/scans/${scanId}`, t.bithu);
      const ok = before.upload && before.text && r.status === 409 && r.body.error?.code === 'METADATA_ONLY' && !after.upload && !after.text && after.quarantine && view.body.text === null;
      return {
        ok,
        detail:
          `before: upload ${before.upload}, OCR text ${before.text}; correction → ${r.status} ${r.body.error?.code}; after: upload ${after.upload}, OCR text ${after.text}, quarantine copy ${after.quarantine}. ` +
          's3rver has no versioning (ListObjectVersions is refused; purge deletes the one object): checked that no object remains under either key; the version-by-version deletion is unit-tested on recorded ListObjectVersions pages (test/unit/s3-purge.test.ts)',
      };
    }),
  );

  results.push(
    await trial('duplicate leak: the same letter as a tuyệt mật entry reveals nothing to a Mật clerk', async () => {
      const secret = await api('POST', '/v1/registers/incoming/entries', t.topClerk, letter({ secrecy: 'tuyet-mat' }));
      if (secret.status !== 201) return { ok: false, detail: `secret registration → ${secret.status} ${secret.text}` };
      const same = { numberSymbol: secret.body.numberSymbol, documentDate: secret.body.documentDate };
      const plain = await api('POST', '/v1/registers/incoming/entries', t.vanthu, letter(same));
      const second = await api('POST', '/v1/registers/incoming/entries', t.vanthu, letter(same));
      const forced = await api('POST', '/v1/registers/incoming/entries', t.vanthu, letter({ ...same, force: true }));
      const read = await api('GET', `/v1/registers/incoming/entries/${plain.body.id}`, t.vanthu);
      const csv = await api('GET', `/v1/registers/incoming/export?year=${plain.body.arrivalYear}&format=csv`, t.vanthu);
      const top = await api('GET', `/v1/registers/incoming/entries/${plain.body.id}`, t.bithu);
      const said = [plain.text, second.text, forced.text, read.text, csv.text].join('\n');
      const mine = csv.text.split('\r\n').filter((l) => l.includes(String(secret.body.numberSymbol)));
      const marks = mine.filter((l) => l.includes('Đăng ký lại')).length;
      // Diagnosis of a miss seen twice in about a dozen runs: is the export only late (the register's index
      // is read right after the writes), or are the rows missing or printed otherwise?
      const again = mine.length === 2 ? null : await (async () => {
        await new Promise((r) => setTimeout(r, 1500));
        const later = await api('GET', `/v1/registers/incoming/export?year=${plain.body.arrivalYear}&format=csv`, t.vanthu);
        const rows = later.text.split('\r\n');
        return `; 1.5 s later the export has ${rows.filter((l) => l.includes(String(secret.body.numberSymbol))).length} such rows of ${rows.length - 2}; rows with số đến ${plain.body.arrivalNumber}/${forced.body.arrivalNumber}: ${JSON.stringify(rows.filter((l) => l.split(',')[1] === String(plain.body.arrivalNumber) || l.split(',')[1] === String(forced.body.arrivalNumber)).map((l) => l.slice(0, 120)))}; looked for ${JSON.stringify(secret.body.numberSymbol)}`;
      })();
      const ok =
        plain.status === 201 &&
        second.status === 409 &&
        second.body.error?.details?.[0]?.existingId === plain.body.id &&
        forced.status === 201 &&
        forced.body.duplicateOf === plain.body.id &&
        !said.includes(secret.body.id) &&
        read.body.duplicateOf === null &&
        mine.length === 2 &&
        marks === 1 &&
        top.body.duplicateOf === secret.body.id;
      return {
        ok,
        detail: `same letter → ${plain.status} (số đến ${plain.body.arrivalNumber}); again → ${second.status} naming the clerk's own copy; with force → ${forced.status} (số đến ${forced.body.arrivalNumber}, repeat of the visible copy); hidden id in anything the clerk got: ${said.includes(secret.body.id)}; "Đăng ký lại" on the clerk's printed rows: ${marks} of ${mine.length} (the forced one; export ${csv.status}, ${csv.text.split('\r\n').length - 2} rows${mine.length ? '' : `: ${csv.text.slice(0, 160)}`}); a tuyệt mật reader sees the first copy repeats the secret entry: ${top.body.duplicateOf === secret.body.id}${again ?? ''}`,
      };
    }),
  );

  results.push(
    await trial('CSV injection: formulas an organisation submits are text in the consolidated export', async () => {
      const sfx = `${randomInt(1e6, 9e6)}`;
      const orgId = `trust-org-${sfx}`;
      const code = `TRUST-${sfx}`;
      const made = [
        await api('POST', '/v1/orgs', t.admin, { id: orgId, name: '=HYPERLINK("http://evil.example","Đảng ủy xã")' }),
        await api('POST', '/v1/report-types', t.admin, { code, name: 'Báo cáo tháng (trust)', period: 'monthly', dueDay: 5, orgIds: [orgId] }),
      ];
      const cred = await api('POST', `/v1/orgs/${orgId}/clients`, t.admin, { name: 'trust' });
      const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: cred.body.clientId, client_secret: cred.body.clientSecret });
      const tok = (await (await fetch(`${ctx.url}/oauth2/token`, { method: 'POST', body: form })).json()) as { access_token: string };
      // The office's current month, as its register dates it.
      const month = String((await api('POST', '/v1/registers/incoming/entries', t.vanthu, letter())).body.arrivalDate).slice(0, 7);
      const payloads = ['=1+1', '+SUM(A1:A2)', '-2+3', '@SUM(1)', '\t=1', '\r=1', "=cmd|' /C calc'!A0"];
      const sent = await api('POST', '/v1/reports', tok.access_token, { reportType: code, period: month, title: payloads[0], content: 'x', data: Object.fromEntries(payloads.map((p, i) => [`f${i}`, p])) });
      const csv = await api('GET', `/v1/reports/export?reportType=${code}&period=${month}&format=csv`, t.vanthu);
      const cells = csv.text
        .replace(/^\uFEFF/, '')
        .split(/\r\n/)
        .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])
        .map((c) => c.replace(/,$/, '').replace(/^"(.*)"$/s, '$1').replace(/""/g, '"'));
      const dangerous = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
      const neutralised = payloads.filter((p) => cells.includes(`'${p}`)).length;
      const ok = made.every((m) => m.status === 201) && sent.status === 201 && csv.status === 200 && dangerous.length === 0 && neutralised === payloads.length;
      return { ok, detail: `report → ${sent.status}, export → ${csv.status}: ${cells.length} cells, ${dangerous.length} starting a formula, ${neutralised} of ${payloads.length} payloads neutralised with a leading apostrophe` };
    }),
  );

  results.push(
    await trial('forged cursor: random strings and forged cursor JSON on every list are 400, never 5xx', async () => {
      const cursorRoutes = ROUTES.filter((r) => {
        const shape = (r.request?.query as { shape?: Record<string, unknown> } | undefined)?.shape;
        return !!shape && 'cursor' in shape;
      }).map((r) => r.path);
      const base: Record<string, [string, string]> = {
        '/v1/registers/incoming/entries': ['', t.bithu],
        '/v1/registers/outgoing/entries': ['', t.bithu],
        '/v1/search': ['q=kiem+tra', t.bithu],
        '/v1/audit': ['', t.admin],
        '/v1/orgs': ['', t.admin],
        '/v1/reports': ['', t.vanthu],
        '/v1/notifications/outbox': ['', t.admin],
        '/v1/tasks': ['', t.bithu],
        '/v1/drafts': ['', t.bithu],
        '/v1/assignments': ['', t.bithu],
        '/v1/exchange/inbox': ['', t.vanthu],
      };
      const missing = cursorRoutes.filter((p) => !base[p]);
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
      const forged = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.jsonValue().map(b64), fc.constantFrom(b64({ pk: 'CHAIN', sk: 'HEAD' }), b64({ month: '1999-01' }), b64({ t: 'X', k: { gsi1pk: 1 } })));
      const statuses: Record<number, number> = {};
      let cases = 0;
      const accepted: string[] = [];
      for (const p of cursorRoutes.filter((x) => base[x])) {
        const [q, token] = base[p]!;
        for (const cursor of fc.sample(forged, 20)) {
          const r = await api('GET', `${p}?${q}${q ? '&' : ''}cursor=${encodeURIComponent(cursor)}`, token);
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          if (r.status !== 400 && accepted.length < 5) accepted.push(`${p} cursor=${JSON.stringify(cursor)} → ${r.status}`);
          cases++;
        }
      }
      const ok = missing.length === 0 && Object.keys(statuses).every((s) => s === '400');
      return { ok, detail: `${cases} forged cursors on ${cursorRoutes.length} routes (${cursorRoutes.join(', ')}); statuses ${JSON.stringify(statuses)}${accepted.length ? `; not refused: ${accepted.join('; ')}` : ''}${missing.length ? `; routes without a case: ${missing.join(', ')}` : ''}` };
    }),
  );

  return results;
}
