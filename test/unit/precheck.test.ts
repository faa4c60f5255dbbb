import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDomainConfig } from '../../shared/office';
import { normaliseSigningForm, precheckDraft, type DraftForPrecheck, type PrecheckResult } from '../../shared/drafts/domain/precheck';

const config = loadDomainConfig(readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8'), 'config/domain.json');
const NOW = new Date('2026-03-10T03:00:00Z'); // 10/3/2026 10:00 in Hà Nội

// A Nghị quyết of the Ban Thường vụ as the drafting department types it: two-column header and footer.
const NQ_BODY = `TỈNH ỦY HƯNG YÊN                          ĐẢNG CỘNG SẢN VIỆT NAM
        *
Số    -NQ/TU                        Hưng Yên, ngày 05 tháng 3 năm 2026

DỰ THẢO
NGHỊ QUYẾT
CỦA BAN THƯỜNG VỤ TỈNH ỦY
về đẩy mạnh chuyển đổi số trong các cơ quan Đảng tỉnh
-----
Căn cứ Điều lệ Đảng;
Căn cứ Quy định số 399-QĐ/TW, ngày 09 tháng 01 năm 2027 của Ban Chấp hành Trung ương;
Ban Thường vụ Tỉnh ủy quyết nghị:
1. Hoàn thành số hóa văn bản đi, đến trong năm 2026.

Nơi nhận:                                   T/M BAN THƯỜNG VỤ
- Ban Bí thư (để báo cáo),                  BÍ THƯ
- Các đảng ủy trực thuộc Tỉnh ủy,
- Lưu Văn phòng Tỉnh ủy.                    Nguyễn Văn A
`;

const nqDraft = (over: Partial<DraftForPrecheck> = {}): DraftForPrecheck => ({
  typeCode: 'NQ',
  issuerCode: 'TU',
  subject: 'về đẩy mạnh chuyển đổi số trong các cơ quan Đảng tỉnh',
  body: NQ_BODY,
  recipients: ['Ban Bí thư', 'Các đảng ủy trực thuộc Tỉnh ủy'],
  dossier: [
    { kind: 'to-trinh', name: 'Tờ trình số 12-TTr/BTCTU' },
    { kind: 'du-thao', name: 'Dự thảo Nghị quyết' },
  ],
  ...over,
});

// A Công văn of the Văn phòng, one column, signed directly by the Chánh Văn phòng.
const CV_BODY = `ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY HƯNG YÊN
VĂN PHÒNG
*
Số 15-CV/VPTU
V/v triển khai phần mềm quản lý văn bản
Hưng Yên, ngày 06 tháng 02 năm 2026
Kính gửi: Các ban đảng Tỉnh ủy
Văn phòng Tỉnh ủy đề nghị các ban triển khai phần mềm quản lý văn bản.
CHÁNH VĂN PHÒNG
Trần Thị B
Nơi nhận:
- Như trên,
- Lưu VP.
`;
const cvDraft = (over: Partial<DraftForPrecheck> = {}): DraftForPrecheck => ({
  typeCode: 'CV',
  issuerCode: 'VPTU',
  subject: 'V/v triển khai phần mềm quản lý văn bản',
  body: CV_BODY,
  recipients: ['Các ban đảng Tỉnh ủy'],
  dossier: [],
  ...over,
});

const codes = (r: PrecheckResult, severity?: 'error' | 'warning' | 'info') =>
  r.findings.filter((f) => severity === undefined || f.severity === severity).map((f) => f.code);
const run = (d: DraftForPrecheck, now = NOW) => precheckDraft(config, d, now);

describe('precheckDraft: good drafts', () => {
  it('a well-formed Nghị quyết of the BTV has no errors or warnings', () => {
    const r = run(nqDraft());
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r, 'warning')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.issuerBodyId).toBe('tu-btv');
    expect(codes(r, 'info')).toEqual(['DRAFT_MARKER']);
  });

  it('a well-formed Công văn signed directly by the head of the office', () => {
    const r = run(cvDraft());
    expect(r.findings).toEqual([expect.objectContaining({ code: 'NUMBER_PREFILLED', severity: 'info' })]);
    expect(r.ok).toBe(true);
    expect(r.issuerBodyId).toBe('vptu');
  });

  it('tolerates old-style tone placement, decomposed Unicode and CRLF', () => {
    const body = NQ_BODY.replace('TỈNH ỦY HƯNG YÊN', 'TỈNH UỶ HƯNG YÊN').replace(/\n/g, '\r\n').normalize('NFD');
    const r = run(nqDraft({ body }));
    expect(codes(r, 'error')).toEqual([]);
  });

  it('a blank date awaiting signature is only information', () => {
    const r = run(nqDraft({ body: NQ_BODY.replace('ngày 05 tháng 3 năm 2026', 'ngày    tháng    năm 2026') }));
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r, 'info')).toContain('DATE_BLANK');
  });

  it('a Quy định prints QĐ in its number', () => {
    const body = NQ_BODY.replace('-NQ/TU', '-QĐ/TU').replace('NGHỊ QUYẾT', 'QUY ĐỊNH');
    const r = run(nqDraft({ typeCode: 'QĐi', body }));
    expect(codes(r, 'error')).toEqual([]);
  });

  it('T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG signs a notice of the Tỉnh ủy', () => {
    const body = NQ_BODY.replace('-NQ/TU', '-TB/TU')
      .replace('NGHỊ QUYẾT', 'THÔNG BÁO')
      .replace('T/M BAN THƯỜNG VỤ', 'T/L BAN THƯỜNG VỤ')
      .replace('BÍ THƯ\n', 'CHÁNH VĂN PHÒNG\n');
    const r = run(nqDraft({ typeCode: 'TB', body, dossier: [] }));
    expect(codes(r, 'error')).toEqual([]);
    expect(r.issuerBodyId).toBe('tu-btv');
  });
});

describe('precheckDraft: authority and signing', () => {
  const ct = NQ_BODY.replace('-NQ/TU', '-CT/TU').replace('NGHỊ QUYẾT', 'CHỈ THỊ');

  it('a Chỉ thị issued by the full committee (BCH) is an error', () => {
    const r = run(nqDraft({ typeCode: 'CT', issuerCode: 'tu-bch', body: ct.replace('T/M BAN THƯỜNG VỤ', 'T/M TỈNH ỦY') }));
    expect(r.ok).toBe(false);
    expect(r.findings[0]).toMatchObject({ code: 'AUTHORITY', severity: 'error', field: 'issuerCode' });
    expect(r.findings[0]!.message).toContain('Chỉ thị');
  });

  it('TU with "T/M TỈNH ỦY" is the BCH, so a Chỉ thị is flagged', () => {
    const r = run(nqDraft({ typeCode: 'CT', body: ct.replace('T/M BAN THƯỜNG VỤ', 'T/M TỈNH ỦY') }));
    expect(r.issuerBodyId).toBe('tu-bch');
    expect(codes(r, 'error')).toContain('AUTHORITY');
  });

  it('TU with "T/M BAN THƯỜNG VỤ" is the BTV, which may issue a Chỉ thị', () => {
    const r = run(nqDraft({ typeCode: 'CT', body: ct }));
    expect(codes(r, 'error')).toEqual([]);
  });

  it('a collective body does not sign K/T', () => {
    const r = run(nqDraft({ body: NQ_BODY.replace('T/M BAN THƯỜNG VỤ', 'K/T BAN THƯỜNG VỤ') }));
    const f = r.findings.find((x) => x.code === 'SIGNING_FORM');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('T/M');
  });

  it('a department does not sign T/M', () => {
    const body = CV_BODY.replace('CHÁNH VĂN PHÒNG\n', 'T/M VĂN PHÒNG\nCHÁNH VĂN PHÒNG\n');
    expect(codes(run(cvDraft({ body })), 'error')).toContain('SIGNING_FORM');
  });

  it('a deputy signs K/T under the head', () => {
    const body = CV_BODY.replace('CHÁNH VĂN PHÒNG\n', 'K/T CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n');
    expect(codes(run(cvDraft({ body })), 'error')).toEqual([]);
    const wrong = CV_BODY.replace('CHÁNH VĂN PHÒNG\n', 'K/T CHÁNH VĂN PHÒNG\nCHUYÊN VIÊN\n');
    expect(codes(run(cvDraft({ body: wrong })), 'error')).toContain('SIGNER_TITLE');
  });

  it('State-style TM. is a warning', () => {
    const r = run(nqDraft({ body: NQ_BODY.replace('T/M BAN THƯỜNG VỤ', 'TM. BAN THƯỜNG VỤ') }));
    expect(codes(r, 'warning')).toContain('SIGNATURE_STATE_STYLE');
    expect(codes(r, 'error')).toEqual([]);
  });

  it('no signature block is an error', () => {
    const body = NQ_BODY.replace('T/M BAN THƯỜNG VỤ', '').replace('BÍ THƯ\n', '\n');
    expect(codes(run(nqDraft({ body })), 'error')).toContain('SIGNATURE_MISSING');
  });

  it('declared signing form and title are checked too', () => {
    const r = run(nqDraft({ signingForm: 'T/M', signerTitle: 'CHÁNH VĂN PHÒNG' }));
    expect(codes(r, 'error')).toContain('SIGNER_TITLE');
    expect(codes(r, 'warning')).toContain('SIGNATURE_MISMATCH');
    expect(normaliseSigningForm('tm.')).toBe('T/M');
    expect(normaliseSigningForm('K / T')).toBe('K/T');
    expect(normaliseSigningForm('X')).toBeUndefined();
  });

  it('unknown type or issuer', () => {
    expect(codes(run(nqDraft({ typeCode: 'ZZ' })), 'error')).toContain('TYPE_UNKNOWN');
    expect(codes(run(nqDraft({ issuerCode: 'XYZ' })), 'error')).toContain('ISSUER_UNKNOWN');
  });
});

describe('precheckDraft: dossier', () => {
  it('a Nghị quyết without a tờ trình is an error', () => {
    const r = run(nqDraft({ dossier: [{ kind: 'du-thao', name: 'Dự thảo' }] }));
    expect(r.ok).toBe(false);
    expect(r.findings.filter((f) => f.code === 'DOSSIER_MISSING')).toEqual([
      expect.objectContaining({ severity: 'error', field: 'dossier', message: expect.stringContaining('Tờ trình') }),
    ]);
  });

  it('dossier items match by name as well as by kind', () => {
    const r = run(nqDraft({ dossier: [{ kind: 'file', name: 'TỜ TRÌNH về dự thảo' }, { kind: 'Dự thảo', name: 'x' }] }));
    expect(codes(r, 'error')).toEqual([]);
  });
});

describe('precheckDraft: format checklist', () => {
  it('a body without "Nơi nhận" is an error', () => {
    const body = NQ_BODY.replace('Nơi nhận:', '').replace(/^- .*$/gm, '');
    const r = run(nqDraft({ body }));
    expect(r.ok).toBe(false);
    expect(codes(r, 'error')).toContain('RECIPIENTS_BLOCK_MISSING');
  });

  it('"Nơi nhận" without "- Lưu" at the end is a warning, without items an error', () => {
    expect(codes(run(nqDraft({ body: NQ_BODY.replace('- Lưu Văn phòng Tỉnh ủy.', '- Ban Tổ chức Tỉnh ủy.') })), 'warning')).toContain(
      'RECIPIENTS_NO_ARCHIVE',
    );
    expect(codes(run(nqDraft({ body: NQ_BODY.replace(/^- .*$/gm, '') })), 'error')).toContain('RECIPIENTS_BLOCK_EMPTY');
  });

  it('an impossible date is an error', () => {
    const r = run(nqDraft({ body: NQ_BODY.replace('ngày 05 tháng 3 năm 2026', 'ngày 30 tháng 02 năm 2026') }));
    expect(codes(r, 'error')).toContain('DATE_INVALID');
  });

  it('a date in the future (office time) is an error', () => {
    const body = NQ_BODY.replace('ngày 05 tháng 3 năm 2026', 'ngày 11 tháng 3 năm 2026');
    // 10/3 23:30 in Hà Nội: still the 10th, so the 11th is in the future…
    expect(codes(run(nqDraft({ body }), new Date('2026-03-10T16:30:00Z')), 'error')).toContain('DATE_FUTURE');
    // …and at 00:30 on the 11th (still the 10th in UTC) it is today.
    expect(codes(run(nqDraft({ body }), new Date('2026-03-10T17:30:00Z')), 'error')).not.toContain('DATE_FUTURE');
  });

  it('a missing date line is an error; leading zeros are a warning', () => {
    expect(codes(run(nqDraft({ body: NQ_BODY.replace(', ngày 05 tháng 3 năm 2026', '') })), 'error')).toContain('DATE_MISSING');
    expect(codes(run(nqDraft({ body: NQ_BODY.replace('ngày 05 tháng 3', 'ngày 5 tháng 03') })), 'warning')).toContain('DATE_FORMAT');
  });

  it('the Party header must be there, and a State header is wrong', () => {
    expect(codes(run(nqDraft({ body: NQ_BODY.replace('ĐẢNG CỘNG SẢN VIỆT NAM', '') })), 'error')).toContain('HEADER_PARTY_MISSING');
    const state = NQ_BODY.replace('ĐẢNG CỘNG SẢN VIỆT NAM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(codes(run(nqDraft({ body: state })), 'error')).toEqual(expect.arrayContaining(['HEADER_STATE', 'HEADER_PARTY_MISSING']));
  });

  it('the issuing body name must be in the header', () => {
    expect(codes(run(nqDraft({ body: NQ_BODY.replace('TỈNH ỦY HƯNG YÊN', 'BAN TỔ CHỨC') })), 'error')).toContain('HEADER_ISSUER_MISSING');
  });

  it('number symbol: TYPE and BODY must match, the State form is wrong, a colon is a warning', () => {
    expect(codes(run(nqDraft({ body: NQ_BODY.replace('-NQ/TU', '-QĐ/TU') })), 'error')).toContain('NUMBER_SYMBOL_TYPE');
    expect(codes(run(nqDraft({ body: NQ_BODY.replace('-NQ/TU', '-NQ/BTCTU') })), 'error')).toContain('NUMBER_SYMBOL_BODY');
    expect(codes(run(nqDraft({ body: NQ_BODY.replace('Số    -NQ/TU', 'Số:    /NQ-TU') })), 'error')).toContain('NUMBER_SYMBOL_STATE_FORMAT');
    expect(codes(run(nqDraft({ body: NQ_BODY.replace('Số    -NQ/TU', 'Hello') })), 'error')).toContain('NUMBER_SYMBOL_MISSING');
    expect(codes(run(nqDraft({ body: NQ_BODY.replace('Số    -NQ/TU', 'Số:    -NQ/TU') })), 'warning')).toContain('NUMBER_SYMBOL_COLON');
  });

  it('tên loại must match the type, and a trích yếu must follow', () => {
    expect(codes(run(nqDraft({ body: NQ_BODY.replace('NGHỊ QUYẾT', 'QUYẾT ĐỊNH') })), 'error')).toContain('TITLE_MISMATCH');
    expect(codes(run(nqDraft({ body: NQ_BODY.replace('NGHỊ QUYẾT\n', '') })), 'error')).toContain('TITLE_MISSING');
    const noSubject = NQ_BODY.replace('về đẩy mạnh chuyển đổi số trong các cơ quan Đảng tỉnh\n', '');
    expect(codes(run(nqDraft({ body: noSubject })), 'error')).toContain('SUBJECT_MISSING');
    expect(codes(run(nqDraft({ subject: 'về công tác cán bộ' })), 'warning')).toContain('SUBJECT_MISMATCH');
  });

  it('a Công văn has no tên loại and needs "Kính gửi"', () => {
    expect(codes(run(cvDraft({ body: CV_BODY.replace('V/v triển khai', 'NGHỊ QUYẾT\nV/v triển khai') })), 'error')).toContain('TITLE_MISMATCH');
    expect(codes(run(cvDraft({ body: CV_BODY.replace('Kính gửi: Các ban đảng Tỉnh ủy\n', '') })), 'warning')).toContain('ADDRESSEE_MISSING');
  });

  it('"Căn cứ" lines are expected in a Nghị quyết (warning)', () => {
    const r = run(nqDraft({ body: NQ_BODY.replace(/^Căn cứ .*$/gm, '') }));
    expect(codes(r, 'warning')).toContain('LEGAL_BASIS_MISSING');
    expect(codes(r, 'error')).toEqual([]);
  });
});

describe('precheckDraft: secrecy and urgency marks', () => {
  const marked = (mark: string) => NQ_BODY.replace('DỰ THẢO', `DỰ THẢO\n${mark}`);

  it('two different secrecy marks conflict', () => {
    expect(codes(run(nqDraft({ body: marked('MẬT\nTỐI MẬT') })), 'error')).toContain('SECRECY_MARK_CONFLICT');
  });

  it('the mark must agree with the declared secrecy', () => {
    expect(codes(run(nqDraft({ body: marked('MẬT'), secrecy: 'tuyet-mat' })), 'error')).toContain('SECRECY_MARK_MISMATCH');
    expect(codes(run(nqDraft({ body: marked('MẬT'), secrecy: 'mat' })), 'error')).toEqual([]);
    expect(codes(run(nqDraft({ secrecy: 'mat' })), 'warning')).toContain('SECRECY_MARK_MISSING');
    expect(codes(run(nqDraft({ body: marked('TỐI MẬT') })), 'info')).toContain('SECRECY_MARKED');
  });

  it('urgency marks, with either tone placement of HỎA/HOẢ', () => {
    expect(codes(run(nqDraft({ body: marked('HOẢ TỐC'), urgency: 'hoa-toc' })), 'error')).toEqual([]);
    expect(codes(run(nqDraft({ body: marked('KHẨN'), urgency: 'hoa-toc' })), 'error')).toContain('URGENCY_MARK_MISMATCH');
  });

  it('ordinary words in the content are not marks', () => {
    const r = run(nqDraft({ body: NQ_BODY.replace('1. Hoàn thành', '1. Bảo vệ bí mật, xử lý khẩn. Hoàn thành'), secrecy: null, urgency: null }));
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r, 'warning')).toEqual([]);
  });
});
