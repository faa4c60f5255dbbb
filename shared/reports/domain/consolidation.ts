/**
 * Consolidation (tổng hợp) of one period: a row per organisation with its status, its latest
 * version and the fields of its `data`, ready to be written as XLSX or CSV.
 */
import type { ReportType, ReportVersion } from './model';
import type { StatusRow } from './status';

export type Cell = string | number | boolean | null;

export interface Column {
  key: string;
  header: string;
}

export interface ConsolidatedTable {
  title: string;
  columns: Column[];
  rows: Cell[][];
}

const STATUS_VI = { submitted: 'Đã gửi đúng hạn', late: 'Gửi chậm', missing: 'Chưa gửi' } as const;

/** Columns of `data`: the schema's properties in order (headed by their title), else every key seen. */
export function dataColumns(type: Pick<ReportType, 'dataSchema'>, versions: readonly ReportVersion[]): Column[] {
  const props = (type.dataSchema as { properties?: Record<string, { title?: unknown }> } | undefined)?.properties;
  const keys: string[] = props ? Object.keys(props) : [];
  for (const v of versions) for (const k of Object.keys(v.data)) if (!keys.includes(k)) keys.push(k);
  return keys.map((k) => ({ key: `data.${k}`, header: typeof props?.[k]?.title === 'string' ? (props[k]!.title as string) : k }));
}

function cell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** The consolidated table of a type and period; `latest` holds each reporting organisation's latest version. */
export function consolidate(input: {
  type: Pick<ReportType, 'code' | 'name' | 'dataSchema'>;
  periodLabel: string;
  deadline: string;
  rows: readonly StatusRow[];
  latest: ReadonlyMap<string, ReportVersion>;
}): ConsolidatedTable {
  const versions = [...input.latest.values()];
  const dataCols = dataColumns(input.type, versions);
  const columns: Column[] = [
    { key: 'no', header: 'STT' },
    { key: 'orgCode', header: 'Mã đơn vị' },
    { key: 'orgName', header: 'Đơn vị' },
    { key: 'status', header: 'Tình trạng' },
    { key: 'firstSubmittedAt', header: 'Gửi lần đầu' },
    { key: 'lastSubmittedAt', header: 'Gửi lần cuối' },
    { key: 'version', header: 'Phiên bản' },
    { key: 'title', header: 'Tiêu đề' },
    ...dataCols,
  ];
  const rows = input.rows.map((r, i): Cell[] => {
    const v = input.latest.get(r.orgId);
    const base: Cell[] = [
      i + 1,
      r.orgCode ?? r.orgId,
      `${'  '.repeat(r.depth)}${r.orgName}`,
      STATUS_VI[r.status],
      r.firstSubmittedAt ?? null,
      r.lastSubmittedAt ?? null,
      r.latestVersion ?? null,
      v?.title ?? null,
    ];
    return [...base, ...dataCols.map((c) => cell(v?.data[c.key.slice('data.'.length)]))];
  });
  return { title: `${input.type.name} — ${input.periodLabel} (hạn ${input.deadline})`, columns, rows };
}
