/**
 * Pure parts of scan intake: how sure OCR is of a field (the colour it is shown in), the
 * reader's reasons in Vietnamese, where a field's box falls on the drawn page image, and the
 * register request made from what the clerk sees (only what the clerk changed is sent).
 */
import type { components } from './api/schema';

export type Scan = components['schemas']['Scan'];
export type ScanField = Scan['fields'][string];
export type ScanRegisterBody = components['schemas']['ScanRegister'];
export type Bbox = NonNullable<ScanField['bbox']>;

/** ≥ 0.9 sure, 0.7–0.9 to check, below 0.7 or no value read: to correct. */
export type Tone = 'high' | 'medium' | 'low';

export function confidenceTone(confidence: number | null | undefined, hasValue = true): Tone {
  if (!hasValue || confidence == null || !Number.isFinite(confidence)) return 'low';
  if (confidence >= 0.9) return 'high';
  if (confidence >= 0.7) return 'medium';
  return 'low';
}

export const TONE_TEXT: Record<Tone, string> = { high: 'Độ tin cậy cao', medium: 'Cần kiểm tra', low: 'Cần nhập hoặc sửa' };
export const TONE_COLOUR: Record<Tone, string> = { high: '#037f0c', medium: '#8d6605', low: '#d91515' };

/**
 * A field's tone. No value is red, except where "none" is itself a reading: no urgency mark
 * (Thường), and no secrecy mark read in a clearly read zone (a secrecy without a value but with a
 * reason is unsure: red, the clerk must choose).
 */
export function fieldTone(name: string, f: ScanField | undefined): Tone {
  if (!f) return 'low';
  const noneIsReading = name === 'urgency' || (name === 'secrecy' && !f.reason);
  return confidenceTone(f.confidence, f.value != null || noneIsReading);
}

/** A box in page fractions as pixels of an image drawn `width` × `height`, clamped to the image. */
export function bboxToPixels(b: Bbox, width: number, height: number): { x: number; y: number; w: number; h: number } {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const left = clamp(b.left);
  const top = clamp(b.top);
  const right = clamp(b.left + b.width);
  const bottom = clamp(b.top + b.height);
  return { x: Math.round(left * width), y: Math.round(top * height), w: Math.round((right - left) * width), h: Math.round((bottom - top) * height) };
}

/** The reader's reasons (English, from the API) in Vietnamese; an unknown one is shown as given. */
const REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/no text was read from the file: a secrecy mark cannot be ruled out/i, () => 'Không đọc được chữ nào trên tệp: không loại trừ được dấu mật, văn thư phải chọn độ mật.'],
  [/no text was read from the file/i, () => 'Không đọc được chữ nào trên tệp.'],
  [/mark zone not clearly read: possibly secret/i, () => 'Vùng đóng dấu mức độ không đọc rõ: có thể là văn bản mật, văn thư phải chọn độ mật.'],
  [/ink in the header zone OCR could not read/i, () => 'Có vết mực ở phần đầu văn bản không đọc được (có thể là dấu mật): văn thư phải chọn độ mật.'],
  [/handwritten: the number after "Số" is unclear \(read "([^"]*)"/i, (m) => `Số viết tay sau chữ “Số” không rõ (đọc được “${m[1]}”, chưa chắc chắn).`],
  [/handwritten: the number after "Số" could not be read/i, () => 'Số viết tay sau chữ “Số” không đọc được.'],
  [/handwritten: the number in the gap after "Số" may be misread/i, () => 'Số viết tay sau chữ “Số” có thể bị đọc sai.'],
  [/handwritten: print OCR read "?([^",]*)"?, the digit recogniser "?([^";]*)"?/i, (m) => `Chữ viết tay: bản in đọc là “${m[1]}”, bộ đọc chữ số viết tay đọc là “${m[2]}”; hãy đối chiếu trên trang.`],
  [/handwritten: print OCR and the digit recogniser read the same/i, () => 'Chữ viết tay: hai cách đọc cho cùng kết quả; hãy đối chiếu trên trang.'],
  [/handwritten: the day is unclear \(read ([\d-]+)/i, (m) => `Ngày viết tay không rõ (đọc được ${m[1]}, chưa chắc chắn).`],
  [/handwritten: the month could not be read/i, () => 'Tháng viết tay không đọc được.'],
  [/handwritten: the day or month could not be read/i, () => 'Ngày hoặc tháng viết tay không đọc được.'],
  [/handwritten: read by the digit recogniser/i, () => 'Chữ số viết tay do bộ đọc chữ số đọc; hãy đối chiếu trên trang.'],
  [/State letter: the day is usually written by hand/i, () => 'Văn bản nhà nước: ngày thường được viết tay sau khi ký; hãy đối chiếu.'],
  [/the date read \(([\d-]+)\) is after the issuer signed \(([\d-]+)\)/i, (m) => `Ngày đọc được (${m[1]}) muộn hơn ngày ký số (${m[2]}).`],
  [/no "Số" line in the header zone/i, () => 'Không thấy dòng “Số” ở phần đầu văn bản.'],
  [/no date line in the header zone/i, () => 'Không thấy dòng địa danh, ngày tháng ở phần đầu văn bản.'],
  [/no place name before "ngày"/i, () => 'Không thấy địa danh trước chữ “ngày”.'],
  [/no number-symbol or tên loại/i, () => 'Không thấy số, ký hiệu hoặc tên loại văn bản ở phần đầu.'],
  [/no issuing body found/i, () => 'Không thấy tên cơ quan ban hành phía trên số văn bản.'],
  [/no number-symbol in the header zone/i, () => 'Không thấy số, ký hiệu ở phần đầu văn bản để đọc ký hiệu cơ quan.'],
  [/no trích yếu found/i, () => 'Không thấy trích yếu dưới tên loại hoặc số văn bản.'],
  [/no urgency mark/i, () => 'Không thấy dấu độ khẩn (KHẨN, HỎA TỐC…) ở phần đầu.'],
  [/no signer name found/i, () => 'Không thấy tên người ký ở phần ký.'],
  [/no "Nơi nhận" list/i, () => 'Không thấy phần “Nơi nhận” sau nội dung.'],
  [/no motto or number-symbol to tell a Party document from a State one/i, () => 'Không thấy tiêu ngữ hoặc số, ký hiệu để biết là văn bản Đảng hay Nhà nước.'],
  [/check it on the page/i, () => 'Hãy đối chiếu trên trang.'],
];

export function reasonInVietnamese(reason: string | undefined | null): string | undefined {
  if (!reason) return undefined;
  for (const [re, say] of REASONS) {
    const m = re.exec(reason);
    if (m) return say(m);
  }
  return reason;
}

/** The family of the document, from the `system` field. */
export const SYSTEM_LABELS: Record<string, string> = { party: 'Văn bản của Đảng', state: 'Văn bản của Nhà nước' };

/** The scan's fields the clerk checks, in the order of the form, with their Vietnamese labels. */
export const REVIEW_FIELDS = [
  ['numberSymbol', 'Số, ký hiệu'],
  ['documentDate', 'Ngày văn bản'],
  ['issuer', 'Tác giả (cơ quan ban hành)'],
  ['typeCode', 'Loại văn bản'],
  ['subject', 'Trích yếu'],
  ['secrecy', 'Độ mật'],
  ['urgency', 'Độ khẩn'],
] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number][0];

/** What a field shows in the form: the value as text ('' for none). */
export function fieldText(f: ScanField | undefined): string {
  const v = f?.value;
  if (v == null) return '';
  if (Array.isArray(v)) return v.join('; ');
  return String(v);
}

/** Secrecy is unsure when OCR gives no value but a reason: the clerk must choose (the API refuses otherwise). */
export function secrecyUnsure(fields: Scan['fields']): boolean {
  const s = fields['secrecy'];
  return !!s && (s.value ?? null) === null && !!s.reason;
}

/**
 * The register request: each field whose text differs from what OCR read (trimmed), and secrecy
 * whenever the clerk chose it. `secrecy: ''` means "Không mật" (null); undefined: not chosen.
 */
export function registerBody(fields: Scan['fields'], typed: Partial<Record<ReviewField, string>>, parseDay: (t: string) => string | undefined): ScanRegisterBody {
  const body: Record<string, unknown> = {};
  for (const [k] of REVIEW_FIELDS) {
    const t = typed[k];
    if (t === undefined) continue;
    if (k === 'secrecy' || k === 'urgency') {
      if (t !== fieldText(fields[k]) || (k === 'secrecy' && secrecyUnsure(fields))) body[k] = t === '' ? null : t;
      continue;
    }
    // The form shows the day as dd/mm/yyyy; OCR's value is YYYY-MM-DD.
    const value = k === 'documentDate' ? (parseDay(t) ?? t.trim()) : t.trim();
    if (value === fieldText(fields[k]).trim()) continue;
    body[k] = value;
  }
  return body as ScanRegisterBody;
}

const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', tif: 'image/tiff', tiff: 'image/tiff', pdf: 'application/pdf' };

/** A file's type as the scans API names it: the browser's, else from the extension; undefined when it is no scan. */
export function scanContentType(file: Pick<File, 'name' | 'type'>): string | undefined {
  if (Object.values(TYPES).includes(file.type)) return file.type;
  return TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''];
}
