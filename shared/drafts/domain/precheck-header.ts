/**
 * The precheck's header zone: the Party header and the issuer's name, số and ký hiệu (the
 * office's reader of a draft's symbol), địa danh and ngày (the office's reader of a document
 * date, shared with the scan extractor), tên loại and trích yếu, căn cứ and kính gửi.
 */
import { resolveIssuer, typesWithSymbol } from '../../office';
import type { DocumentType, DomainConfig, IssuingBody } from '../../office';
import { localDate } from '../../office';
import { dateWritingAdvice, findDatePhrase, readWrittenDate, type DatePhrase } from '../../office';
import { findDraftNumberSymbol, hasStateDraftNumberSymbol, type DraftNumberSymbol } from '../../office';
import type { Add } from './precheck-types';
import { foldSameLength, HEADER_SCAN, isDecoration, isUpperLine, keyOf, type DraftText, type Line } from './precheck-text';

// --- header, number symbol, date -------------------------------------------------------------

export function checkHeader(text: DraftText, bodies: IssuingBody[], add: Add): void {
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

export function checkNumberSymbol(config: DomainConfig, text: DraftText, type: DocumentType | undefined, candidates: IssuingBody[], add: Add): void {
  const header = text.lines.slice(0, Math.max(text.headerEnd, 1));
  let party: DraftNumberSymbol | null = null;
  for (const l of header) if (!party) party = findDraftNumberSymbol(l.raw);
  if (!party) {
    const state = header.some((l) => hasStateDraftNumberSymbol(l.raw));
    if (state) add('error', 'NUMBER_SYMBOL_STATE_FORMAT', 'Số, ký hiệu theo mẫu văn bản Nhà nước ("Số: …/…-…"); văn bản Đảng ghi "Số …-LOẠI/CƠQUAN" (State number format)', 'body');
    else add('error', 'NUMBER_SYMBOL_MISSING', 'Thiếu dòng số, ký hiệu (e.g. "Số    -NQ/TU") (number/symbol line missing)', 'body');
    return;
  }
  const { colon, numberText: number, typeCode: typePart, bodyCode: bodyPart } = party;
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

export function checkDate(config: DomainConfig, text: DraftText, bodies: IssuingBody[], now: Date, add: Add): void {
  let match: { m: DatePhrase; line: Line } | undefined;
  for (const line of text.lines.slice(0, Math.max(text.headerEnd, 1))) {
    const m = findDatePhrase(foldSameLength(line.raw).toLowerCase(), 'typed');
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
  const place = line.raw.slice(m.index, m.index + m.place!.length).trim();
  const [dayText, monthText, yearText] = [m.day.trim(), m.month.trim(), m.year.trim()];
  const expectedPlace = bodies.length === 1 ? (bodies[0]!.place ?? config.office.place) : config.office.place;
  if (keyOf(place) !== keyOf(expectedPlace) && !keyOf(place).endsWith(` ${keyOf(expectedPlace)}`)) {
    add('warning', 'PLACE_MISMATCH', `Địa danh "${place}" khác địa danh của cơ quan "${expectedPlace}" (place differs from the configured one)`, 'body');
  }
  const written = readWrittenDate(dayText, monthText, yearText);
  if (written.kind === 'incomplete') {
    add('error', 'DATE_INVALID', `Ngày tháng năm ghi thiếu: "ngày ${dayText} tháng ${monthText} năm ${yearText}" (incomplete date)`, 'body');
    return;
  }
  if (written.kind === 'blank') {
    add('info', 'DATE_BLANK', 'Ngày tháng để trống, sẽ ghi khi ký ban hành (date left blank until signature)', 'body');
    return;
  }
  if (written.kind === 'invalid') {
    add('error', 'DATE_INVALID', `Ngày ${dayText}/${monthText}/${yearText} không tồn tại (invalid date)`, 'body');
    return;
  }
  const { iso, day, month } = written;
  const today = localDate(now, config.office.timeZone);
  if (iso > today) {
    const shown = (d: string) => d.split('-').reverse().join('/');
    add('error', 'DATE_FUTURE', `Ngày văn bản ${shown(iso)} sau ngày hôm nay ${shown(today)} (document date is in the future)`, 'body');
  }
  // 36-HD examples: days 1–9 and months 1–2 take a leading zero ("ngày 06 tháng 02"), months 3–12 do not ("tháng 3").
  const want = dateWritingAdvice(day, month, dayText, monthText);
  if (want) {
    add('warning', 'DATE_FORMAT', `Ghi ngày tháng theo mẫu "${want}" (leading zero for days 1–9 and months 1–2 only)`, 'body');
  }
}

// --- tên loại, trích yếu, căn cứ, kính gửi --------------------------------------------------------

export function checkTitleAndSubject(text: DraftText, type: DocumentType, subject: string, add: Add): void {
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
