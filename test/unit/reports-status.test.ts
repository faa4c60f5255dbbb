import { describe, expect, it } from 'vitest';
import type { Organisation, ReportSummary, ReportType, ReportVersion } from '../../shared/reports/domain/model';
import { reportStatus } from '../../shared/reports/domain/status';
import { consolidate, dataColumns } from '../../shared/reports/domain/consolidation';

const org = (id: string, name: string, parentId: string | null = 'tinh', extra: Partial<Organisation> = {}): Organisation => ({
  id,
  name,
  parentId,
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
  ...extra,
});
const deadline = new Date('2026-11-05T16:59:59.999Z'); // end of 5 Nov in Việt Nam
const summary = (orgId: string, firstSubmittedAt: string, latestVersion = 1): ReportSummary => ({
  id: `r-${orgId}`,
  orgId,
  reportType: 'BC-THANG',
  period: '2026-10',
  latestVersion,
  title: 't',
  submittedAt: firstSubmittedAt,
  onTime: true,
  firstSubmittedAt,
  firstOnTime: true,
  deadline: '2026-11-05T23:59:59.999+07:00',
});

describe('the status of a period', () => {
  const a = org('a', 'Đảng ủy xã A', null, { code: 'XA-A' });
  const b = org('b', 'Đảng ủy xã B', null);
  const c = org('c', 'Chi bộ C', 'a');
  const outsider = org('z', 'Đơn vị ngoài danh sách', null);

  it('says submitted, late or missing per organisation, and counts them', () => {
    const reports = [summary('a', '2026-11-04T10:00:00+07:00'), summary('b', '2026-11-06T00:00:00+07:00')];
    const v = reportStatus([a, b, c], [a, b, c], reports, deadline, new Date('2026-11-10T00:00:00Z'));
    expect(v.items.map((i) => [i.orgId, i.status, i.overdue])).toEqual([
      ['a', 'submitted', false],
      ['c', 'missing', true],
      ['b', 'late', false],
    ]);
    expect(v.items[0]).toMatchObject({ orgCode: 'XA-A', reportId: 'r-a', latestVersion: 1, depth: 0 });
    expect(v.items[1]).toMatchObject({ depth: 1, parentId: 'a' });
    expect(v.summary).toEqual({ expected: 3, submitted: 1, late: 1, missing: 1 });
  });

  it('is not overdue before the deadline, and a late correction does not make an on-time report late', () => {
    const early = reportStatus([a, c], [a, c], [], deadline, new Date('2026-11-05T16:00:00Z'));
    expect(early.items.every((i) => i.status === 'missing' && !i.overdue)).toBe(true);
    const corrected = { ...summary('a', '2026-11-05T23:00:00+07:00', 2), submittedAt: '2026-11-09T08:00:00+07:00', onTime: false };
    expect(reportStatus([a], [a], [corrected], deadline, new Date('2026-11-10T00:00:00Z')).items[0]).toMatchObject({ status: 'submitted', latestVersion: 2 });
  });

  it('shows an organisation that reported without being asked, but does not count it', () => {
    const v = reportStatus([a], [a, outsider], [summary('z', '2026-11-01T08:00:00+07:00')], deadline, new Date('2026-11-10T00:00:00Z'));
    expect(v.items.map((i) => [i.orgId, i.expected, i.status])).toEqual([
      ['a', true, 'missing'],
      ['z', false, 'submitted'],
    ]);
    expect(v.summary).toEqual({ expected: 1, submitted: 0, late: 0, missing: 1 });
  });
});

describe('consolidation of a period', () => {
  const type: Pick<ReportType, 'code' | 'name' | 'dataSchema'> = {
    code: 'BC-THANG',
    name: 'Báo cáo tháng',
    dataSchema: { type: 'object', properties: { dangVien: { type: 'integer', title: 'Số đảng viên' }, ghiChu: { type: 'string' } } },
  };
  const version = (orgId: string, data: Record<string, unknown>): ReportVersion => ({
    id: `r-${orgId}`,
    orgId,
    reportType: 'BC-THANG',
    period: '2026-10',
    version: 1,
    title: `Báo cáo ${orgId}`,
    content: '',
    data,
    attachments: [],
    submittedAt: '2026-11-04T10:00:00+07:00',
    onTime: true,
    deadline: '2026-11-05T23:59:59.999+07:00',
    submittedBy: 'client',
  });

  it('takes data columns from the schema in order, then any other key seen', () => {
    expect(dataColumns(type, [version('a', { khac: 1, dangVien: 3 })]).map((c) => c.header)).toEqual(['Số đảng viên', 'ghiChu', 'khac']);
    expect(dataColumns({}, [version('a', { x: 1 }), version('b', { y: 2, x: 3 })]).map((c) => c.key)).toEqual(['data.x', 'data.y']);
  });

  it('makes one row per organisation with status, latest version and data', () => {
    const rows = reportStatus([org('a', 'Xã A', null), org('b', 'Xã B', null)], [], [summary('a', '2026-11-04T10:00:00+07:00')], deadline, new Date('2026-11-10T00:00:00Z')).items;
    const t = consolidate({ type, periodLabel: 'Tháng 10/2026', deadline: '2026-11-05', rows, latest: new Map([['a', version('a', { dangVien: 12, ghiChu: 'ổn', chiTiet: { x: 1 } })]]) });
    expect(t.title).toBe('Báo cáo tháng — Tháng 10/2026 (hạn 2026-11-05)');
    expect(t.columns.map((c) => c.header)).toEqual(['STT', 'Mã đơn vị', 'Đơn vị', 'Tình trạng', 'Gửi lần đầu', 'Gửi lần cuối', 'Phiên bản', 'Tiêu đề', 'Số đảng viên', 'ghiChu', 'chiTiet']);
    expect(t.rows).toEqual([
      [1, 'a', 'Xã A', 'Đã gửi đúng hạn', '2026-11-04T10:00:00+07:00', '2026-11-04T10:00:00+07:00', 1, 'Báo cáo a', 12, 'ổn', '{"x":1}'],
      [2, 'b', 'Xã B', 'Chưa gửi', null, null, null, null, null, null, null],
    ]);
  });
});
