/** Pure parts of the reports screen: the organisations' status as a tree, periods in Vietnamese. */
import type { Schemas } from './api/client';

export type StatusItem = Schemas['ReportStatus']['items'][number];
export type PeriodKind = Schemas['ReportType']['period'];

export interface OrgNode extends StatusItem {
  children: OrgNode[];
}

/**
 * The status items as the organisations' tree (by parentId). An item whose parent is not among
 * the items (not expected to report, or not visible) is a root, so nothing is ever left out.
 * Siblings keep the order the API gave.
 */
export function buildOrgTree(items: readonly StatusItem[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const it of items) if (!nodes.has(it.orgId)) nodes.set(it.orgId, { ...it, children: [] });
  const attachedTo = new Map<string, string>();
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && !below(parent.orgId, node.orgId, attachedTo)) {
      parent.children.push(node);
      attachedTo.set(node.orgId, parent.orgId);
    } else roots.push(node);
  }
  return roots;
}

/** Whether `id` is `top` or already hangs below it (attaching `top` under `id` would close a cycle). */
function below(id: string, top: string, attachedTo: Map<string, string>): boolean {
  for (let cur: string | undefined = id; cur !== undefined; cur = attachedTo.get(cur)) if (cur === top) return true;
  return false;
}

/** A period in the API's notation ("2026-10", "2026-Q3", "2026-H1", "2026") as the office says it. */
export function periodLabel(period: string): string {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `Tháng ${Number(m[2])}/${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return `Quý ${['I', 'II', 'III', 'IV'][Number(m[2]) - 1]}/${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(period);
  if (m) return `${m[2] === '1' ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${m[1]}`;
  m = /^(\d{4})$/.exec(period);
  if (m) return `Năm ${m[1]}`;
  return period;
}

/** The `count` periods of a kind ending with the one that holds `today` (YYYY-MM-DD), newest first. */
export function recentPeriods(kind: PeriodKind, today: string, count = 12): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    switch (kind) {
      case 'monthly': {
        const idx = year * 12 + (month - 1) - i;
        out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
        break;
      }
      case 'quarterly': {
        const idx = year * 4 + Math.ceil(month / 3) - 1 - i;
        out.push(`${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`);
        break;
      }
      case 'half-year': {
        const idx = year * 2 + (month <= 6 ? 0 : 1) - i;
        out.push(`${Math.floor(idx / 2)}-H${(idx % 2) + 1}`);
        break;
      }
      case 'annual':
        out.push(String(year - i));
        break;
      case 'ad-hoc':
        return [];
    }
  }
  return out;
}

export const STATUS_TEXT: Record<StatusItem['status'], string> = { submitted: 'Đã nộp đúng hạn', late: 'Nộp muộn', missing: 'Chưa nộp' };
export const PERIOD_KIND_TEXT: Record<PeriodKind, string> = {
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  'half-year': '6 tháng',
  annual: 'Hằng năm',
  'ad-hoc': 'Đột xuất',
};
export const REMINDER_STATUS_TEXT: Record<Schemas['Reminder']['status'], string> = { pending: 'Chờ gửi', sent: 'Đã gửi', skipped: 'Bỏ qua', failed: 'Gửi không được' };
export const REMINDER_KIND_TEXT: Record<Schemas['Reminder']['kind'], string> = { before: 'trước hạn', after: 'sau hạn' };
