/** Who has reported (đã báo cáo), who was late (chậm) and who is missing (chưa báo cáo) for one type and period. */
import { isOnTime } from './rules';
import type { Organisation, ReportStatus, ReportSummary } from './model';
import { treeOrder } from './tree';

export interface StatusRow {
  orgId: string;
  orgName: string;
  orgCode?: string;
  parentId: string | null;
  depth: number;
  /** submitted = the first version arrived by the deadline; late = after it; missing = nothing yet. */
  status: ReportStatus;
  /** Missing and the deadline has passed. */
  overdue: boolean;
  /** False for an organisation that reported although the type does not (or no longer) target it. */
  expected: boolean;
  reportId?: string;
  latestVersion?: number;
  firstSubmittedAt?: string;
  lastSubmittedAt?: string;
}

export interface StatusSummary {
  expected: number;
  submitted: number;
  late: number;
  missing: number;
}

/**
 * The status of each expected organisation, plus any other organisation that reported. The first
 * version decides submitted/late, so a correction sent after the deadline does not make a report late.
 */
export function reportStatus(
  expectedOrgs: readonly Organisation[],
  otherOrgs: readonly Organisation[],
  reports: readonly ReportSummary[],
  deadline: Date,
  now: Date,
): { items: StatusRow[]; summary: StatusSummary } {
  const byOrg = new Map(reports.map((r) => [r.orgId, r]));
  const expectedIds = new Set(expectedOrgs.map((o) => o.id));
  const extra = otherOrgs.filter((o) => !expectedIds.has(o.id) && byOrg.has(o.id));
  const overdue = now.getTime() > deadline.getTime();
  const items = treeOrder([...expectedOrgs, ...extra]).map((o): StatusRow => {
    const r = byOrg.get(o.id);
    const row: StatusRow = {
      orgId: o.id,
      orgName: o.name,
      parentId: o.parentId,
      depth: o.depth,
      status: r ? (isOnTime(new Date(r.firstSubmittedAt), deadline) ? 'submitted' : 'late') : 'missing',
      overdue: !r && overdue,
      expected: expectedIds.has(o.id),
    };
    if (o.code) row.orgCode = o.code;
    if (r) Object.assign(row, { reportId: r.id, latestVersion: r.latestVersion, firstSubmittedAt: r.firstSubmittedAt, lastSubmittedAt: r.submittedAt });
    return row;
  });
  const counted = items.filter((i) => i.expected);
  return {
    items,
    summary: {
      expected: counted.length,
      submitted: counted.filter((i) => i.status === 'submitted').length,
      late: counted.filter((i) => i.status === 'late').length,
      missing: counted.filter((i) => i.status === 'missing').length,
    },
  };
}
