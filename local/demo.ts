/**
 * Demo data for `npm start` on a fresh data directory: letters in both registers, organisations
 * with a monthly report type and one report submitted, and a draft resolution in appraisal —
 * so that a new user has an office to look at. Everything goes through the HTTP API with the
 * demo users' tokens (and an organisation's machine client), as a user would make it. Once
 * seeded, `<data>/demo.json` says so; `DAUMOI_DEMO=0` skips it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LocalKeys } from './keys';
import { findDemoUser, poolUser } from './demo-users';
import { personAccessToken } from './issuer';

/** What was made, shown at every start. */
export interface DemoSummary {
  incoming: number;
  outgoing: number;
  orgs: string[];
  reportType: string;
  /** A machine client of the first organisation (local only; the secret is shown once per start). */
  client: { orgId: string; clientId: string; clientSecret: string } | null;
  draftId: string | null;
  problems: string[];
}

export const DEMO_NQ_SUBJECT = 'về đẩy mạnh chuyển đổi số trong các cơ quan Đảng tỉnh';

/** A Nghị quyết of the Ban Thường vụ as the drafting department types it (date left blank until signature). */
export const DEMO_NQ_BODY = `TỈNH ỦY HƯNG YÊN                          ĐẢNG CỘNG SẢN VIỆT NAM
        *
Số    -NQ/TU                        Hưng Yên, ngày    tháng    năm 2026

DỰ THẢO
NGHỊ QUYẾT
CỦA BAN THƯỜNG VỤ TỈNH ỦY
${DEMO_NQ_SUBJECT}
-----
Căn cứ Điều lệ Đảng;
Ban Thường vụ Tỉnh ủy quyết nghị:
1. Hoàn thành số hóa văn bản đi, đến trong năm 2026.

Nơi nhận:                                   T/M BAN THƯỜNG VỤ
- Ban Bí thư (để báo cáo),                  BÍ THƯ
- Các đảng ủy trực thuộc Tỉnh ủy,
- Lưu Văn phòng Tỉnh ủy.                    Nguyễn Văn A
`;

/** A draft Nghị quyết that passes the precheck. */
export const demoNqDraft = (over: Record<string, unknown> = {}) => ({
  typeCode: 'NQ',
  issuerCode: 'TU',
  subject: DEMO_NQ_SUBJECT,
  body: DEMO_NQ_BODY,
  recipients: ['Ban Bí thư', 'Các đảng ủy trực thuộc Tỉnh ủy'],
  dossier: [
    { kind: 'to-trinh', name: 'Tờ trình số 12-TTr/BTCTU' },
    { kind: 'du-thao', name: 'Dự thảo Nghị quyết' },
  ],
  ...over,
});

/** YYYY-MM-DD in the office's zone (UTC+7), `daysAgo` days before now. */
const vnDay = (daysAgo: number): string => new Date(Date.now() + 7 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

const ORGS = [
  { id: 'dang-uy-xa-an-binh', name: 'Đảng ủy xã An Bình' },
  { id: 'dang-uy-xa-tan-phu', name: 'Đảng ủy xã Tân Phú' },
  { id: 'dang-uy-so-gddt', name: 'Đảng ủy Sở Giáo dục và Đào tạo' },
];
const REPORT_TYPE = 'BC-THANG';

export async function seedDemo(url: string, keys: LocalKeys, dataDir: string): Promise<DemoSummary | null> {
  if (process.env.DAUMOI_DEMO === '0') return null;
  const marker = path.join(dataDir, 'demo.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as DemoSummary;

  const token = async (username: string) => personAccessToken(keys, poolUser(findDemoUser(username)!));
  const [vanthu, admin, bantochuc] = await Promise.all([token('vanthu'), token('admin'), token('bantochuc')]);
  const problems: string[] = [];
  const call = async (method: string, p: string, bearer: string, body?: unknown): Promise<any> => {
    const r = await fetch(`${url}${p}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const out = (await r.json().catch(() => null)) as unknown;
    if (!r.ok) {
      problems.push(`${method} ${p} → ${r.status} ${JSON.stringify(out).slice(0, 200)}`);
      return null;
    }
    return out;
  };

  // The sổ văn bản đến: three letters of the last days, one of them Mật, one Khẩn and assigned to the
  // demo specialist (a handler is a username: the person who may then move the letter on).
  const letters = [
    { numberSymbol: '15-CV/BTCTU', documentDate: vnDay(6), issuer: 'Ban Tổ chức Tỉnh ủy', typeCode: 'CV', subject: 'V/v chuẩn bị nhân sự đại hội chi bộ nhiệm kỳ 2027 - 2030', secrecy: null, urgency: 'khan' },
    { numberSymbol: '08-KH/BTGTU', documentDate: vnDay(4), issuer: 'Ban Tuyên giáo Tỉnh ủy', typeCode: 'KH', subject: 'về tổ chức các hoạt động kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam', secrecy: null, urgency: null },
    { numberSymbol: '03-BC/UBKTTU', documentDate: vnDay(2), issuer: 'Ủy ban Kiểm tra Tỉnh ủy', typeCode: 'BC', subject: 'về kết quả kiểm tra, giám sát quý III', secrecy: 'mat', urgency: null },
  ];
  let incoming = 0;
  for (const l of letters) {
    const e = await call('POST', '/v1/registers/incoming/entries', vanthu, l);
    if (!e) continue;
    incoming++;
    if (l.urgency) await call('PATCH', `/v1/registers/incoming/entries/${e.id}`, vanthu, { version: e.version, handler: 'chuyenvien', status: 'assigned' });
  }

  // The sổ văn bản đi: two documents numbered in their scopes.
  let outgoing = 0;
  for (const d of [
    { typeCode: 'TB', issuerCode: 'TU', subject: 'về kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Văn phòng Tỉnh ủy', signer: 'Nguyễn Văn A', recipients: ['Văn phòng Tỉnh ủy', 'Lưu VT'], secrecy: null, urgency: null, copies: 10 },
    { typeCode: 'CV', issuerCode: 'VPTU', subject: 'V/v đôn đốc báo cáo tháng của các đảng ủy trực thuộc', signer: 'Trần Thị B', recipients: ['Các đảng ủy trực thuộc Tỉnh ủy', 'Lưu VT'], secrecy: null, urgency: 'khan', copies: 30 },
  ]) {
    if (await call('POST', '/v1/registers/outgoing/entries', vanthu, d)) outgoing++;
  }

  // Reporting: organisations, a monthly report type, a machine client, last month's report from one of them.
  const orgs: string[] = [];
  for (const o of ORGS) if (await call('POST', '/v1/orgs', admin, o)) orgs.push(o.id);
  await call('POST', '/v1/report-types', admin, { code: REPORT_TYPE, name: 'Báo cáo tình hình tháng', period: 'monthly', orgIds: orgs });
  let client: DemoSummary['client'] = null;
  const made = orgs[0] ? await call('POST', `/v1/orgs/${orgs[0]}/clients`, admin, { name: 'Phần mềm báo cáo của đảng ủy xã' }) : null;
  if (made) {
    client = { orgId: orgs[0]!, clientId: made.clientId, clientSecret: made.clientSecret };
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: made.clientId, client_secret: made.clientSecret });
    const t = await fetch(`${url}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    const machine = t.ok ? ((await t.json()) as { access_token: string }).access_token : null;
    const lastMonth = new Date(Date.now() + 7 * 3_600_000);
    lastMonth.setUTCDate(1);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
    if (machine) await call('POST', '/v1/reports', machine, { reportType: REPORT_TYPE, period: lastMonth.toISOString().slice(0, 7), title: 'Báo cáo tình hình tháng của Đảng ủy xã An Bình', content: 'Tình hình tư tưởng ổn định; hoàn thành kế hoạch kiểm tra, giám sát tháng.' });
    else problems.push(`POST /oauth2/token → ${t.status}`);
  }

  // A draft resolution from the Ban Tổ chức: its workflow starts with the precheck, then appraisal.
  const draft = await call('POST', '/v1/drafts', bantochuc, demoNqDraft());

  const summary: DemoSummary = { incoming, outgoing, orgs, reportType: REPORT_TYPE, client, draftId: draft?.id ?? null, problems };
  writeFileSync(marker, JSON.stringify(summary, null, 2));
  return summary;
}
