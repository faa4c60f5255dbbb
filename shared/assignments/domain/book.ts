/**
 * The sổ theo dõi giải quyết văn bản đến (NĐ 30 Phụ lục IV; domain.md e: thời hạn, tiến độ, văn bản
 * trả lời): one row per letter that was given as work, with its register columns, who leads and
 * who co-operates, the instruction, the due date, the progress and the result.
 */
import type { AssignmentView, Party } from './model';

export interface BookColumn {
  header: string;
  width: number;
  numeric?: boolean;
}

export const BOOK_COLUMNS: BookColumn[] = [
  { header: 'Số đến', width: 7, numeric: true },
  { header: 'Ngày đến', width: 11 },
  { header: 'Tác giả', width: 18 },
  { header: 'Số, ký hiệu', width: 14 },
  { header: 'Ngày tháng', width: 11 },
  { header: 'Tên loại và trích yếu nội dung', width: 34 },
  { header: 'Đơn vị/người nhận', width: 20 },
  { header: 'Ý kiến phân phối, chỉ đạo', width: 26 },
  { header: 'Hạn giải quyết', width: 11 },
  { header: 'Tiến độ giải quyết', width: 26 },
  { header: 'Kết quả, văn bản trả lời', width: 26 },
  { header: 'Ghi chú', width: 14 },
];

const vn = (date: string | null | undefined) => (date ? date.slice(0, 10).split('-').reverse().join('/') : '');
const who = (p: Party) => ('user' in p ? p.user : p.dept);

/** Progress of one unit: done (on time or late) with the day, or open (overdue) with its last note. */
function state(a: AssignmentView): string {
  if (a.status === 'done') return `Đã xong ${vn(a.doneAt)}${a.onTime ? ' (đúng hạn)' : ' (quá hạn)'}`;
  return `${a.overdue ? 'Quá hạn' : 'Đang giải quyết'}${a.progress ? `: ${a.progress}` : ''}`;
}

/** The book's sheet: title, subtitle and one row per letter (its assignments given, sorted as given: by số đến). */
export function followUpBook(items: readonly AssignmentView[], opts: { periodLabel: string; officeName: string; replies: ReadonlyMap<string, string> }) {
  const byLetter = new Map<string, AssignmentView[]>();
  for (const a of items) {
    const k = a.origin.letter!.entryId;
    byLetter.set(k, [...(byLetter.get(k) ?? []), a]);
  }
  const rows = [...byLetter.values()].map((group) => {
    const lead = group.find((a) => a.role === 'lead') ?? group[0]!;
    const l = lead.origin.letter!;
    const coops = group.filter((a) => a !== lead);
    const units = [`Chủ trì: ${who(lead.assignee)}`, ...(coops.length ? [`Phối hợp: ${coops.map((c) => who(c.assignee)).join(', ')}`] : [])].join('\n');
    const progress = [state(lead), ...coops.map((c) => `${who(c.assignee)}: ${state(c)}`)].join('\n');
    const reply = lead.replyEntryId ? (opts.replies.get(lead.replyEntryId) ?? lead.replyEntryId) : '';
    const result = [lead.result ?? '', reply ? `VB trả lời: ${reply}` : ''].filter(Boolean).join('\n');
    const note = lead.extensions ? `Gia hạn ${lead.extensions} lần (hạn đầu ${vn(lead.originalDueDate)})` : '';
    return [String(l.arrivalNumber), vn(l.arrivalDate), l.issuer, l.numberSymbol, vn(l.documentDate), `${l.typeName}: ${l.subject}`, units, lead.instruction ?? '', vn(lead.dueDate), progress, result, note];
  });
  return {
    name: 'So theo doi giai quyet',
    title: 'SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN',
    subtitle: `${opts.officeName} — ${opts.periodLabel}`,
    columns: BOOK_COLUMNS,
    rows,
  };
}
