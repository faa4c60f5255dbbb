/**
 * Automated precheck (kiểm tra tự động) of a draft before appraisal (thẩm định): authority to
 * issue, signing form, dossier completeness and the format checklist of 36-HD (domain.md (d))
 * read from the draft's plain text. Tolerant of spacing, two-column layouts and tone placement.
 */
import { findDocumentType, isCollective, mayIssue, resolveIssuer, typesWithSymbol } from '../../office';
import type { DocumentType, DomainConfig, IssuingBody, SigningForm } from '../../office';
import { daysInMonth, localDate, type Urgency } from '../../office';
import type { Secrecy } from '../../identity/domain/identity';

export interface DraftForPrecheck {
  typeCode: string;
  /** Issuer code ("TU") or body id ("tu-btv"). */
  issuerCode: string;
  /** Trích yếu. */
  subject: string;
  /** The draft's full text. */
  body: string;
  recipients?: readonly string[] | string;
  dossier?: readonly { kind: string; name?: string }[];
  /** Declared signing form ("T/M", "K/T", "T/L", "T/UQ", "direct"); read from the text when absent. */
  signingForm?: string;
  /** Declared chức vụ of the signer; read from the text when absent. */
  signerTitle?: string;
  /** Declared độ mật / độ khẩn; when given, the marks on the text must agree. */
  secrecy?: Secrecy | null;
  urgency?: Urgency | null;
}

export type Severity = 'error' | 'warning' | 'info';

export type PrecheckCode =
  | 'TYPE_UNKNOWN'
  | 'ISSUER_UNKNOWN'
  | 'ISSUER_NOT_NUMBERED_HERE'
  | 'AUTHORITY'
  | 'DOSSIER_MISSING'
  | 'BODY_EMPTY'
  | 'HEADER_PARTY_MISSING'
  | 'HEADER_STATE'
  | 'HEADER_ISSUER_MISSING'
  | 'HEADER_SUPERIOR_MISSING'
  | 'NUMBER_SYMBOL_MISSING'
  | 'NUMBER_SYMBOL_STATE_FORMAT'
  | 'NUMBER_SYMBOL_COLON'
  | 'NUMBER_SYMBOL_TYPE'
  | 'NUMBER_SYMBOL_BODY'
  | 'NUMBER_PREFILLED'
  | 'DATE_MISSING'
  | 'DATE_BLANK'
  | 'DATE_INVALID'
  | 'DATE_FUTURE'
  | 'DATE_FORMAT'
  | 'PLACE_MISSING'
  | 'PLACE_MISMATCH'
  | 'TITLE_MISSING'
  | 'TITLE_MISMATCH'
  | 'TITLE_UNEXPECTED'
  | 'SUBJECT_MISSING'
  | 'SUBJECT_MISMATCH'
  | 'LEGAL_BASIS_MISSING'
  | 'ADDRESSEE_MISSING'
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_STATE_STYLE'
  | 'SIGNATURE_MISMATCH'
  | 'SIGNING_FORM'
  | 'SIGNER_TITLE'
  | 'RECIPIENTS_BLOCK_MISSING'
  | 'RECIPIENTS_BLOCK_EMPTY'
  | 'RECIPIENTS_NO_ARCHIVE'
  | 'RECIPIENTS_EMPTY'
  | 'SECRECY_MARK_CONFLICT'
  | 'SECRECY_MARK_MISMATCH'
  | 'SECRECY_MARK_MISSING'
  | 'SECRECY_MARKED'
  | 'URGENCY_MARK_CONFLICT'
  | 'URGENCY_MARK_MISMATCH'
  | 'URGENCY_MARK_MISSING'
  | 'URGENCY_MARKED'
  | 'DRAFT_MARKER';

export interface PrecheckFinding {
  code: PrecheckCode;
  severity: Severity;
  /** Vietnamese, with English in parentheses. */
  message: string;
  field?: string;
}

export interface PrecheckResult {
  findings: PrecheckFinding[];
  /** No finding of severity 'error'. */
  ok: boolean;
  /** The issuing body the draft resolves to, when it could be told (TU → tu-btv by "T/M BAN THƯỜNG VỤ"). */
  issuerBodyId?: string;
}

/** Runs the automated precheck of a draft; `now` bounds the document date (no future dates). */
export function precheckDraft(config: DomainConfig, draft: DraftForPrecheck, now: Date): PrecheckResult {
  const findings: PrecheckFinding[] = [];
  const add = (severity: Severity, code: PrecheckCode, message: string, field?: string) =>
    findings.push({ code, severity, message, ...(field ? { field } : {}) });

  const type = findDocumentType(config, draft.typeCode);
  if (!type) add('error', 'TYPE_UNKNOWN', `Loại văn bản "${draft.typeCode}" không có trong cấu hình (unknown document type)`, 'typeCode');
  const candidates = resolveIssuer(config, draft.issuerCode);
  if (candidates.length === 0) {
    add('error', 'ISSUER_UNKNOWN', `Cơ quan ban hành "${draft.issuerCode}" không có trong cấu hình (unknown issuing body)`, 'issuerCode');
  } else if (!candidates.some((b) => b.outgoingRegister)) {
    add('error', 'ISSUER_NOT_NUMBERED_HERE', `Văn phòng không ban hành văn bản thay "${draft.issuerCode}" (this office does not issue for this body)`, 'issuerCode');
  }

  const text = readDraft(draft.body ?? '', config);
  const signing = candidates.length > 0 ? checkSigning(config, candidates, text, declaredSignature(draft), add) : undefined;
  const issuerBodies = signing?.resolved.length ? signing.resolved : candidates;

  if (type && candidates.length > 0) {
    const decision = mayIssue(config, issuerBodies.length === 1 ? issuerBodies[0]!.id : draft.issuerCode, type.code);
    if (!decision.allowed) findings.unshift({ code: 'AUTHORITY', severity: 'error', message: decision.reason, field: 'issuerCode' });
  }
  if (type) checkDossier(config, type, draft.dossier ?? [], add);

  if (text.lines.length === 0) {
    add('error', 'BODY_EMPTY', 'Dự thảo không có nội dung (the draft body is empty)', 'body');
  } else {
    checkHeader(text, issuerBodies, add);
    checkNumberSymbol(config, text, type, candidates, add);
    checkDate(config, text, issuerBodies, now, add);
    if (type) checkTitleAndSubject(text, type, draft.subject ?? '', add);
    checkRecipients(text, draft.recipients, add);
    checkMarks(text, draft, add);
  }
  const single = issuerBodies.length === 1 ? issuerBodies[0] : undefined;
  return { findings, ok: !findings.some((f) => f.severity === 'error'), ...(single ? { issuerBodyId: single.id } : {}) };
}

type Add = (severity: Severity, code: PrecheckCode, message: string, field?: string) => void;

// --- reading the text ------------------------------------------------------------------------

interface Line {
  /** NFC original. */
  raw: string;
  /** Folded comparison key: no diacritics, upper case, single spaces. */
  key: string;
  /** Columns of a two-column layout (split on runs of 2+ spaces or tabs). */
  cells: string[];
}

interface DraftText {
  lines: Line[];
  /** Index (in lines) of the tên loại heading, if any. */
  titleIndex: number;
  titleType?: DocumentType;
  /** Lines before the tên loại (or the first 12 lines): header, Số, date, trích yếu of a CV. */
  headerEnd: number;
}

/** Folds one UTF-16 unit: strips diacritics (tone placement no longer matters), đ → d. Keeps length. */
function foldUnit(c: string): string {
  if (c === 'đ') return 'd';
  if (c === 'Đ' || c === 'Ð') return 'D';
  const code = c.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return c;
  const f = c.normalize('NFD').replace(/\p{M}/gu, '');
  return f.length === 1 ? f : f.length === 0 ? ' ' : f[0]!;
}
const foldSameLength = (s: string): string => {
  let out = '';
  for (let k = 0; k < s.length; k++) out += foldUnit(s[k]!);
  return out;
};
/** Comparison key: folded, upper case, whitespace collapsed. */
const keyOf = (s: string): string => foldSameLength(s.normalize('NFC')).toUpperCase().replace(/\s+/g, ' ').trim();
const isUpperLine = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();
const isDecoration = (s: string) => !/[\p{L}\p{N}]/u.test(s);

const HEADER_SCAN = 12;
const TITLE_SCAN = 20;

function readDraft(body: string, config: DomainConfig): DraftText {
  const lines: Line[] = body
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '')
    .map((raw) => ({ raw, key: keyOf(raw), cells: raw.trim().split(/\s{2,}|\t+/).filter((c) => c !== '') }));
  // Longest names first so a longer heading is not taken for a shorter one.
  const titles = config.documentTypes.map((t) => ({ t, key: keyOf(t.name) })).sort((a, b) => b.key.length - a.key.length);
  let titleIndex = -1;
  let titleType: DocumentType | undefined;
  for (let i = 0; i < Math.min(lines.length, TITLE_SCAN) && titleIndex < 0; i++) {
    const l = lines[i]!;
    if (!isUpperLine(l.raw)) continue;
    const hit = titles.find(({ key }) => l.key === key || l.key.startsWith(`${key} `));
    if (hit) {
      titleIndex = i;
      titleType = hit.t;
    }
  }
  let headerEnd = titleIndex >= 0 ? titleIndex : Math.min(lines.length, HEADER_SCAN);
  const addressee = lines.findIndex((l) => /^KINH (GUI|TRINH)\b/.test(l.key));
  if (titleIndex < 0 && addressee >= 0) headerEnd = Math.min(headerEnd, addressee);
  return { lines, titleIndex, headerEnd, ...(titleType ? { titleType } : {}) };
}

// --- header, number symbol, date -------------------------------------------------------------

function checkHeader(text: DraftText, bodies: IssuingBody[], add: Add): void {
  const header = text.lines.slice(0, Math.max(text.headerEnd, Math.min(text.lines.length, HEADER_SCAN)));
  const has = (needle: string) => header.some((l) => l.key.includes(keyOf(needle)));
  if (has('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')) {
    add('error', 'HEADER_STATE', 'Văn bản mang quốc hiệu của Nhà nước, không phải văn bản Đảng (State national motto instead of the Party header)', 'body');
  }
  if (!has('ĐẢNG CỘNG SẢN VIỆT NAM')) {
    add('error', 'HEADER_PARTY_MISSING', 'Thiếu tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM" ở đầu văn bản (Party header missing)', 'body');
  }
  if (bodies.length === 0) return;
  const named = bodies.filter((b) => has(b.header.name));
  if (named.length === 0) {
    const expected = [...new Set(bodies.map((b) => b.header.name))].join('" / "');
    add('error', 'HEADER_ISSUER_MISSING', `Thiếu tên cơ quan ban hành "${expected}" (issuing body name missing from the header)`, 'body');
  } else if (named.every((b) => b.header.superior !== undefined && !has(b.header.superior))) {
    add('warning', 'HEADER_SUPERIOR_MISSING', `Thiếu tên cơ quan cấp trên "${named[0]!.header.superior}" (superior body name missing)`, 'body');
  }
}

const PARTY_NUMBER = /(?:^|[^\p{L}])S[ốoôóỐ]\s*(:?)\s*(\d{1,5}|[.…_ \t]*?)\s*-\s*([A-ZĐ][A-Za-zĐđ]{0,4})\s*\/\s*([A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)/u;
const STATE_NUMBER = /(?:^|[^\p{L}])S[ốoôó]\s*:\s*[\d.…_ \t]*\/\s*(?:\d{4}\/)?[A-ZĐa-zđ]+-[A-ZĐ0-9]/u;

function checkNumberSymbol(config: DomainConfig, text: DraftText, type: DocumentType | undefined, candidates: IssuingBody[], add: Add): void {
  const header = text.lines.slice(0, Math.max(text.headerEnd, 1));
  let party: RegExpExecArray | null = null;
  for (const l of header) if (!party) party = PARTY_NUMBER.exec(l.raw);
  if (!party) {
    const state = header.some((l) => STATE_NUMBER.test(l.raw));
    if (state) add('error', 'NUMBER_SYMBOL_STATE_FORMAT', 'Số, ký hiệu theo mẫu văn bản Nhà nước ("Số: …/…-…"); văn bản Đảng ghi "Số …-LOẠI/CƠQUAN" (State number format)', 'body');
    else add('error', 'NUMBER_SYMBOL_MISSING', 'Thiếu dòng số, ký hiệu (e.g. "Số    -NQ/TU") (number/symbol line missing)', 'body');
    return;
  }
  const [, colon, number, typePart, bodyPart] = party as unknown as [string, string, string, string, string];
  if (colon) add('warning', 'NUMBER_SYMBOL_COLON', 'Văn bản Đảng không ghi dấu hai chấm sau "Số" (no colon after "Số" in Party documents)', 'body');
  if (/\d/.test(number)) add('info', 'NUMBER_PREFILLED', `Dự thảo đã ghi số ${number}; số được cấp khi phát hành (the number is allocated at issuance)`, 'body');
  if (type && !typesWithSymbol(config, typePart).includes(type)) {
    add('error', 'NUMBER_SYMBOL_TYPE', `Ký hiệu loại "${typePart}" không khớp loại văn bản ${type.name} (${type.symbol ?? type.code}) (TYPE in the number symbol does not match)`, 'body');
  }
  if (candidates.length > 0) {
    const named = resolveIssuer(config, bodyPart);
    if (!named.some((b) => candidates.includes(b))) {
      add('error', 'NUMBER_SYMBOL_BODY', `Ký hiệu cơ quan "${bodyPart}" không khớp cơ quan ban hành ${candidates[0]!.code} (issuer code in the number symbol does not match)`, 'body');
    }
  }
}

// Place, then "ngày dd tháng mm năm yyyy", on folded lower-case text; blanks (dots, spaces) allowed in drafts.
const DATE_LINE = /([a-z.]+(?: [a-z.]+)*)\s*,\s*ngay\s*(\d{1,2}|[.…_ \t]*?)\s*thang\s*(\d{1,2}|[.…_ \t]*?)\s*nam\s*(\d{4}|[.…_ \t]*)/;

function checkDate(config: DomainConfig, text: DraftText, bodies: IssuingBody[], now: Date, add: Add): void {
  let match: { m: RegExpExecArray; line: Line } | undefined;
  for (const line of text.lines.slice(0, Math.max(text.headerEnd, 1))) {
    const m = DATE_LINE.exec(foldSameLength(line.raw).toLowerCase());
    if (m) {
      match = { m, line };
      break;
    }
  }
  if (!match) {
    add('error', 'DATE_MISSING', 'Thiếu dòng địa danh, ngày tháng năm (e.g. "Hưng Yên, ngày 05 tháng 3 năm 2026") (place and date line missing)', 'body');
    return;
  }
  const { m, line } = match;
  const place = line.raw.slice(m.index, m.index + m[1]!.length).trim();
  const [dayText, monthText, yearText] = [m[2]!.trim(), m[3]!.trim(), m[4]!.trim()];
  const expectedPlace = bodies.length === 1 ? (bodies[0]!.place ?? config.office.place) : config.office.place;
  if (keyOf(place) !== keyOf(expectedPlace) && !keyOf(place).endsWith(` ${keyOf(expectedPlace)}`)) {
    add('warning', 'PLACE_MISMATCH', `Địa danh "${place}" khác địa danh của cơ quan "${expectedPlace}" (place differs from the configured one)`, 'body');
  }
  const digits = (s: string) => /^\d+$/.test(s);
  if (!digits(dayText) || !digits(monthText) || !digits(yearText)) {
    if (digits(dayText) || digits(monthText)) {
      add('error', 'DATE_INVALID', `Ngày tháng năm ghi thiếu: "ngày ${dayText} tháng ${monthText} năm ${yearText}" (incomplete date)`, 'body');
    } else {
      add('info', 'DATE_BLANK', 'Ngày tháng để trống, sẽ ghi khi ký ban hành (date left blank until signature)', 'body');
    }
    return;
  }
  const [day, month, year] = [Number(dayText), Number(monthText), Number(yearText)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    add('error', 'DATE_INVALID', `Ngày ${dayText}/${monthText}/${yearText} không tồn tại (invalid date)`, 'body');
    return;
  }
  const iso = `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const today = localDate(now, config.office.timeZone);
  if (iso > today) {
    const shown = (d: string) => d.split('-').reverse().join('/');
    add('error', 'DATE_FUTURE', `Ngày văn bản ${shown(iso)} sau ngày hôm nay ${shown(today)} (document date is in the future)`, 'body');
  }
  // 36-HD examples: days 1–9 and months 1–2 take a leading zero ("ngày 06 tháng 02"), months 3–12 do not ("tháng 3").
  const dayOk = day < 10 ? dayText.length === 2 : true;
  const monthOk = month <= 2 ? monthText.length === 2 : monthText.length === String(month).length;
  if (!dayOk || !monthOk) {
    const want = `ngày ${String(day).padStart(2, '0')} tháng ${month <= 2 ? String(month).padStart(2, '0') : month}`;
    add('warning', 'DATE_FORMAT', `Ghi ngày tháng theo mẫu "${want}" (leading zero for days 1–9 and months 1–2 only)`, 'body');
  }
}

// --- tên loại, trích yếu, căn cứ, kính gửi --------------------------------------------------------

function checkTitleAndSubject(text: DraftText, type: DocumentType, subject: string, add: Add): void {
  const { lines, titleIndex, titleType } = text;
  const subjectKey = keyOf(subject).replace(/^(VE|V\/V)\s+/, '').replace(/[.;:,]+$/, '');
  const matchesSubject = (k: string) => subjectKey !== '' && (k.includes(subjectKey) || subjectKey.includes(k.replace(/^(VE|V\/V)\s+/, '')));

  if (type.hasTitle) {
    if (!titleType) {
      add('error', 'TITLE_MISSING', `Thiếu tên loại "${type.name.toUpperCase()}" (document type heading missing)`, 'body');
    } else if (titleType !== type && keyOf(titleType.name) !== keyOf(type.name)) {
      add('error', 'TITLE_MISMATCH', `Tên loại "${lines[titleIndex]!.raw.trim()}" không khớp loại văn bản ${type.name} (${type.code}) (heading does not match the type)`, 'body');
    }
    if (titleType) {
      // Trích yếu: the first non-heading line under the tên loại (skipping "CỦA BAN THƯỜNG VỤ…" lines).
      let k = titleIndex + 1;
      for (let skipped = 0; k < lines.length && skipped < 3 && (isUpperLine(lines[k]!.raw) || isDecoration(lines[k]!.raw)); k++) skipped++;
      const first = lines[k];
      if (!first || /^(CAN CU|KINH GUI|KINH TRINH)\b/.test(first.key)) {
        add('error', 'SUBJECT_MISSING', 'Thiếu trích yếu dưới tên loại (subject line missing under the heading)', 'body');
      } else {
        const around = lines.slice(titleIndex + 1, k + 3).map((l) => l.key).join(' ');
        if (subjectKey !== '' && !matchesSubject(around)) {
          add('warning', 'SUBJECT_MISMATCH', `Trích yếu trong văn bản khác trích yếu đã khai "${subject}" (subject differs from the declared one)`, 'subject');
        }
      }
    }
  } else {
    if (titleType && titleType !== type) {
      add('error', 'TITLE_MISMATCH', `${type.name} không có tên loại, nhưng văn bản ghi "${lines[titleIndex]!.raw.trim()}" (this type has no heading)`, 'body');
    } else if (titleType) {
      add('warning', 'TITLE_UNEXPECTED', `${type.name} không ghi tên loại "${type.name.toUpperCase()}" (this type has no heading)`, 'body');
    }
    const header = lines.slice(0, Math.max(text.headerEnd, Math.min(lines.length, HEADER_SCAN)));
    const vv = header.find((l) => /^(V\/V|VE)\s/.test(l.key));
    if (!vv && !header.some((l) => matchesSubject(l.key))) {
      add('warning', 'SUBJECT_MISSING', 'Thiếu trích yếu dưới số, ký hiệu (e.g. "V/v …" or "về …") (subject line missing under the number)', 'body');
    } else if (vv && subjectKey !== '' && !matchesSubject(vv.key)) {
      add('warning', 'SUBJECT_MISMATCH', `Trích yếu trong văn bản khác trích yếu đã khai "${subject}" (subject differs from the declared one)`, 'subject');
    }
  }
  if (type.legalBasis && !lines.some((l) => l.key.startsWith('CAN CU'))) {
    add('warning', 'LEGAL_BASIS_MISSING', `${type.name} thường có các dòng "Căn cứ …" (no "Căn cứ" lines)`, 'body');
  }
  if (type.addressed && !lines.some((l) => /^KINH (GUI|TRINH)\b/.test(l.key))) {
    add('warning', 'ADDRESSEE_MISSING', `${type.name} cần dòng "Kính gửi:" (no "Kính gửi:" line)`, 'body');
  }
}

// --- signature block (thể thức đề ký) -------------------------------------------------------------

interface Signature {
  form: SigningForm;
  /** What follows the form ("BAN THƯỜNG VỤ"); empty for a direct signature. */
  on: string;
  title: string;
  /** Written State style (TM., KT.). */
  stateStyle: boolean;
  source: 'text' | 'declared';
}

const FORM_CELL = /^(T\s*\/\s*M|K\s*\/\s*T|T\s*\/\s*L|T\s*\/\s*UQ|TM\.|KT\.|TL\.|TUQ\.)\s*(.*)$/u;

/** Canonical signing form from what a person or the text wrote; undefined when unrecognised. */
export function normaliseSigningForm(s: string): SigningForm | undefined {
  const k = s.replace(/\s+/g, '').toUpperCase();
  if (k === '' || k === 'DIRECT') return 'direct';
  if (['T/M', 'TM.', 'TM'].includes(k)) return 'T/M';
  if (['K/T', 'KT.', 'KT'].includes(k)) return 'K/T';
  if (['T/L', 'TL.', 'TL'].includes(k)) return 'T/L';
  if (['T/UQ', 'TUQ.', 'TUQ'].includes(k)) return 'T/UQ';
  return undefined;
}

function signatureInText(text: DraftText, directTitles: string[]): Signature | undefined {
  const { lines } = text;
  const from = Math.max(text.titleIndex + 1, text.headerEnd);
  const lastCell = (i: number) => {
    const l = lines[i];
    return l ? l.cells[l.cells.length - 1]!.trim() : '';
  };
  for (let i = from; i < lines.length; i++) {
    for (const cell of lines[i]!.cells) {
      const m = FORM_CELL.exec(cell.trim());
      if (!m) continue;
      const written = m[1]!;
      let on = m[2]!.trim();
      let next = i + 1;
      if (on === '') on = lastCell(next++);
      return { form: normaliseSigningForm(written)!, on, title: lastCell(next), stateStyle: written.endsWith('.'), source: 'text' };
    }
  }
  const wanted = new Set(directTitles.map(keyOf));
  for (let i = lines.length - 1; i >= from; i--) {
    const t = lastCell(i);
    if (wanted.has(keyOf(t))) return { form: 'direct', on: '', title: t, stateStyle: false, source: 'text' };
  }
  return undefined;
}

function declaredSignature(draft: DraftForPrecheck): Signature | undefined {
  if (draft.signingForm === undefined && draft.signerTitle === undefined) return undefined;
  const form = draft.signingForm !== undefined ? normaliseSigningForm(draft.signingForm) : undefined;
  return { form: form ?? 'direct', on: '', title: draft.signerTitle ?? '', stateStyle: false, source: 'declared' };
}

function checkSigning(
  config: DomainConfig,
  candidates: IssuingBody[],
  text: DraftText,
  declared: Signature | undefined,
  add: Add,
): { resolved: IssuingBody[] } {
  const directTitles = candidates.flatMap((b) => b.signing.filter((o) => o.form === 'direct').flatMap((o) => o.titles));
  const parsed = signatureInText(text, directTitles);
  let s = parsed;
  if (declared) {
    // Declared values win; the "on" part is only ever read from the text.
    s = { ...declared, on: parsed && parsed.form === declared.form ? parsed.on : '' };
    if (!declared.title && parsed) s.title = parsed.title;
    if (parsed && (parsed.form !== declared.form || (declared.title && keyOf(parsed.title) !== keyOf(declared.title)))) {
      add('warning', 'SIGNATURE_MISMATCH', `Thể thức đề ký trong văn bản (${describe(parsed)}) khác với đã khai (${describe(s)}) (signature block differs from the declared one)`, 'signingForm');
    }
  }
  if (!s) {
    add('error', 'SIGNATURE_MISSING', 'Không tìm thấy thể thức đề ký (T/M, K/T, T/L… rồi chức vụ người ký) (signature block missing)', 'body');
    return { resolved: [] };
  }
  if (s.stateStyle) add('warning', 'SIGNATURE_STATE_STYLE', `Văn bản Đảng ghi "${s.form}", không ghi kiểu Nhà nước (Party documents write ${s.form}, not TM./KT.)`, 'body');

  const onKey = keyOf(s.on);
  const titleKey = keyOf(s.title);
  const onMatches = (on: string | undefined) => s.on === '' || (on !== undefined && (onKey === keyOf(on) || onKey.startsWith(`${keyOf(on)} `)));
  const options = candidates.flatMap((body) => body.signing.map((option) => ({ body, option })));
  const sameForm = options.filter(({ option }) => option.form === s.form);
  const formAndOn = sameForm.filter(({ option }) => option.form === 'direct' || onMatches(option.on));
  const full = formAndOn.filter(({ option }) => option.titles.length === 0 || titleKey === '' || option.titles.some((t) => keyOf(t) === titleKey));
  if (full.length > 0) return { resolved: unique(full.map((o) => o.body)) };

  const allowed = unique(options.map(({ option }) => describeOption(option))).join('; ');
  if (formAndOn.length > 0) {
    const titles = unique(formAndOn.flatMap(({ option }) => option.titles)).join(', ');
    add('error', 'SIGNER_TITLE', `Chức vụ "${s.title}" không phù hợp với "${describe(s)}"; chức vụ được ký: ${titles} (signer title not allowed)`, 'signerTitle');
    return { resolved: unique(formAndOn.map((o) => o.body)) };
  }
  const collective = candidates.every((b) => isCollective(config, b));
  const why =
    collective && (s.form === 'direct' || s.form === 'K/T')
      ? 'cơ quan tập thể ký T/M (a collective body signs T/M)'
      : !collective && s.form === 'T/M'
        ? 'T/M chỉ dùng cho cơ quan tập thể (T/M is for collective bodies)'
        : 'thể thức đề ký không phù hợp (signing form not allowed for this issuer)';
  add('error', 'SIGNING_FORM', `"${describe(s)}": ${why}; được dùng: ${allowed}`, 'signingForm');
  return { resolved: [] };
}

const describe = (s: Signature) => (s.form === 'direct' ? s.title || 'ký trực tiếp' : `${s.form} ${s.on}`.trim());
const describeOption = (o: IssuingBody['signing'][number]) => (o.form === 'direct' ? `${o.titles.join('/')} ký trực tiếp` : `${o.form} ${o.on ?? ''}`.trim());
const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

// --- dossier, nơi nhận, marks -----------------------------------------------------------------------

function checkDossier(config: DomainConfig, type: DocumentType, dossier: readonly { kind: string; name?: string }[], add: Add): void {
  for (const id of type.requiredDossier ?? []) {
    const kind = config.dossierKinds.find((d) => d.id === id);
    const wanted = keyOf(kind?.name ?? id);
    const present = dossier.some((item) => item.kind === id || keyOf(item.kind).includes(wanted) || keyOf(item.name ?? '').includes(wanted));
    if (!present) add('error', 'DOSSIER_MISSING', `Hồ sơ ${type.name} thiếu: ${kind?.name ?? id} (dossier item missing: ${id})`, 'dossier');
  }
}

const BULLET = /^[-–—•+]\s*/;

function checkRecipients(text: DraftText, recipients: DraftForPrecheck['recipients'], add: Add): void {
  const { lines } = text;
  const at = lines.findIndex((l) => /^NOI NHAN\b/.test(keyOf(l.cells[0] ?? '')));
  if (at < 0) {
    add('error', 'RECIPIENTS_BLOCK_MISSING', 'Thiếu "Nơi nhận:" (recipients block missing)', 'body');
  } else {
    const items: string[] = [];
    const rest = (lines[at]!.cells[0] ?? '').replace(/^[^:]*:\s*/, '');
    if (BULLET.test(rest)) items.push(rest);
    for (const l of lines.slice(at + 1)) {
      const first = l.cells[0]!.trim();
      if (BULLET.test(first)) items.push(first);
    }
    if (items.length === 0) {
      add('error', 'RECIPIENTS_BLOCK_EMPTY', 'Mục "Nơi nhận:" không có dòng "- …" nào (recipients block has no items)', 'body');
    } else if (!keyOf(items[items.length - 1]!.replace(BULLET, '')).startsWith('LUU')) {
      add('warning', 'RECIPIENTS_NO_ARCHIVE', 'Dòng cuối của "Nơi nhận:" phải là "- Lưu …" (last recipient line should be "- Lưu …")', 'body');
    }
  }
  const list = typeof recipients === 'string' ? recipients.split(/[\n;]/) : (recipients ?? []);
  if (!list.some((r) => r.trim() !== '')) add('warning', 'RECIPIENTS_EMPTY', 'Chưa khai nơi nhận (no recipients given)', 'recipients');
}

const SECRECY_MARKS: Record<string, Secrecy> = { MAT: 'mat', 'TOI MAT': 'toi-mat', 'TUYET MAT': 'tuyet-mat' };
const URGENCY_MARKS: Record<string, Urgency> = { KHAN: 'khan', 'THUONG KHAN': 'thuong-khan', 'HOA TOC': 'hoa-toc' };
const SECRECY_TEXT: Record<Secrecy, string> = { mat: 'MẬT', 'toi-mat': 'TỐI MẬT', 'tuyet-mat': 'TUYỆT MẬT' };
const URGENCY_TEXT: Record<Urgency, string> = { khan: 'KHẨN', 'thuong-khan': 'THƯỢNG KHẨN', 'hoa-toc': 'HỎA TỐC' };

function checkMarks(text: DraftText, draft: DraftForPrecheck, add: Add): void {
  const secrecy = new Set<Secrecy>();
  const urgency = new Set<Urgency>();
  let draftMarker = false;
  for (const l of text.lines) {
    for (const cell of l.cells) {
      const bare = cell.replace(/^[[(|\s]+|[\])|\s]+$/g, '');
      if (!isUpperLine(bare)) continue;
      const k = keyOf(bare);
      if (SECRECY_MARKS[k]) secrecy.add(SECRECY_MARKS[k]);
      if (URGENCY_MARKS[k]) urgency.add(URGENCY_MARKS[k]);
      if (k === 'DU THAO' || /^DU THAO (LAN|L)\b/.test(k)) draftMarker = true;
    }
  }
  markCheck('SECRECY', ['độ mật', 'secrecy'], [...secrecy], draft.secrecy, SECRECY_TEXT, add);
  markCheck('URGENCY', ['độ khẩn', 'urgency'], [...urgency], draft.urgency, URGENCY_TEXT, add);
  if (draftMarker) add('info', 'DRAFT_MARKER', 'Văn bản còn dấu "DỰ THẢO"; bỏ khi ban hành (remove the DRAFT mark at issuance)', 'body');
}

function markCheck<T extends string>(
  prefix: 'SECRECY' | 'URGENCY',
  [vi, en]: [string, string],
  marks: T[],
  declared: T | null | undefined,
  label: Record<T, string>,
  add: Add,
): void {
  const field = prefix === 'SECRECY' ? 'secrecy' : 'urgency';
  if (marks.length > 1) {
    add('error', `${prefix}_MARK_CONFLICT`, `Văn bản mang nhiều dấu ${vi}: ${marks.map((m) => label[m]).join(', ')} (conflicting ${en} marks)`, 'body');
    return;
  }
  const mark = marks[0];
  if (declared === undefined) {
    if (mark) add('info', `${prefix}_MARKED`, `Văn bản có dấu ${label[mark]}; vào sổ với ${vi} tương ứng (the text carries a ${en} mark)`, field);
    return;
  }
  if (mark && declared && mark !== declared) {
    add('error', `${prefix}_MARK_MISMATCH`, `Dấu ${label[mark]} trên văn bản khác ${vi} đã khai ${label[declared]} (${en} mark differs from the declared level)`, field);
  } else if (mark && !declared) {
    add('warning', `${prefix}_MARK_MISMATCH`, `Văn bản có dấu ${label[mark]} nhưng chưa khai ${vi} (${en} mark on an undeclared draft)`, field);
  } else if (!mark && declared) {
    add('warning', `${prefix}_MARK_MISSING`, `Đã khai ${vi} ${label[declared]} nhưng văn bản chưa có dấu (${en} mark missing on the text)`, 'body');
  }
}
