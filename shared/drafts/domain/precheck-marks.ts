/**
 * The precheck's dossier (hồ sơ trình), nơi nhận block, and độ mật / độ khẩn marks against the
 * declared levels, and the DỰ THẢO marker.
 */
import type { DocumentType, DomainConfig } from '../../office';
import type { Urgency } from '../../office';
import type { Secrecy } from '../../platform/security';
import type { Add, DraftForPrecheck } from './precheck-types';
import { isUpperLine, keyOf, type DraftText } from './precheck-text';

// --- dossier, nơi nhận, marks -----------------------------------------------------------------------

export function checkDossier(config: DomainConfig, type: DocumentType, dossier: readonly { kind: string; name?: string }[], add: Add): void {
  for (const id of type.requiredDossier ?? []) {
    const kind = config.dossierKinds.find((d) => d.id === id);
    const wanted = keyOf(kind?.name ?? id);
    const present = dossier.some((item) => item.kind === id || keyOf(item.kind).includes(wanted) || keyOf(item.name ?? '').includes(wanted));
    if (!present) add('error', 'DOSSIER_MISSING', `Hồ sơ ${type.name} thiếu: ${kind?.name ?? id} (dossier item missing: ${id})`, 'dossier');
  }
}

const BULLET = /^[-–—•+]\s*/;

export function checkRecipients(text: DraftText, recipients: DraftForPrecheck['recipients'], add: Add): void {
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

export function checkMarks(text: DraftText, draft: DraftForPrecheck, add: Add): void {
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
