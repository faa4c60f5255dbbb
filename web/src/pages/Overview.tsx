/**
 * Tổng quan trong ngày, for the office's leaders: each figure comes whole from an endpoint that
 * counts on the server what this person may see (never counted here from a page of a list):
 * letters in today and overdue letters (GET /v1/registers/incoming/counts), reports not submitted
 * per report type (GET /v1/reports/status, for the period due now), the drafts waiting office-wide
 * (GET /v1/drafts/counts, by step), the drafts waiting for this person's approval and the
 * overdue steps escalated to them (their own task list, GET /v1/tasks, read to its end).
 */
import { useEffect, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Container from '@cloudscape-design/components/container';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import type { Schemas } from '../api/client';
import { useSession } from '../session';
import { follow } from '../router';
import { formatDate, formatDateTime, todayInOffice } from '../format';
import { DRAFT_STATUS_LABELS, taskFigures } from '../drafts';
import { allTasks } from '../use-tasks';
import { periodDueNow } from '../overview';

type ReportStatus = Schemas['ReportStatus'];
/** A figure, or why it is not known (the endpoint refused or failed). */
type Figure = { value: number; href?: string; note?: string } | { missing: string };

interface Figures {
  today: Figure;
  overdue: Figure;
  draftsWaiting: Figure;
  approvals: Figure;
  escalations: Figure;
  reportsMissing: Figure;
  reports: ReportStatus[];
}

const UNAVAILABLE = 'Không lấy được số liệu';

async function load(api: ReturnType<typeof useSession>['api'], today: string): Promise<Figures> {
  const year = Number(today.slice(0, 4));
  const [day, yearCounts, tasks, types, drafts] = await Promise.all([
    api.GET('/v1/registers/{register}/counts', { params: { path: { register: 'incoming' }, query: { year, from: today, to: today } } }).catch(() => null),
    api.GET('/v1/registers/{register}/counts', { params: { path: { register: 'incoming' }, query: { year } } }).catch(() => null),
    allTasks(api).catch(() => null),
    api.GET('/v1/report-types').catch(() => null),
    api.GET('/v1/drafts/counts').catch(() => null),
  ]);
  const activeTypes = (types?.data?.items ?? []).filter((t) => t.active);
  const statuses = await Promise.all(activeTypes.map((t) => {
      const period = periodDueNow(t.period, today);
      return api.GET('/v1/reports/status', { params: { query: { reportType: t.code, ...(period ? { period } : {}) } } }).then((r) => r.data ?? null).catch(() => null);
    }),
  );
  const reports = statuses.filter((s): s is ReportStatus => s !== null);
  const fig = tasks && 'tasks' in tasks ? taskFigures(tasks.tasks) : null;
  return {
    today: day?.data ? { value: day.data.total, note: 'theo ngày đến' } : { missing: UNAVAILABLE },
    overdue: yearCounts?.data ? { value: yearCounts.data.overdue, note: `trong năm ${year}` } : { missing: UNAVAILABLE },
    draftsWaiting: drafts?.data ? { value: drafts.data.waiting, href: '/du-thao', note: draftsNote(drafts.data.byStatus) } : { missing: UNAVAILABLE },
    approvals: fig ? { value: fig.approvals, href: '/phe-duyet' } : { missing: UNAVAILABLE },
    escalations: fig ? { value: fig.escalations, href: '/phe-duyet' } : { missing: UNAVAILABLE },
    reportsMissing: types?.data && reports.length === activeTypes.length ? { value: reports.reduce((n, s) => n + s.summary.missing, 0), note: `${reports.length} loại báo cáo` } : { missing: UNAVAILABLE },
    reports,
  };
}

/** "2 chờ thẩm định, 1 chờ phê duyệt…": the waiting drafts by step, the empty steps left out. */
function draftsNote(byStatus: Schemas['DraftCounts']['byStatus']): string {
  const parts = (Object.keys(byStatus) as (keyof typeof byStatus)[]).filter((s) => byStatus[s] > 0).map((s) => `${byStatus[s]} ${DRAFT_STATUS_LABELS[s].toLowerCase()}`);
  return parts.length ? parts.join(', ') : 'toàn văn phòng';
}

function FigureBox({ label, figure }: { label: string; figure: Figure | undefined }) {
  return (
    <div role="group" aria-label={label}>
      <Box variant="awsui-key-label">{label}</Box>
      {!figure ? (
        <Box fontSize="display-l" color="text-status-inactive">…</Box>
      ) : 'missing' in figure ? (
        <Box color="text-status-inactive">{figure.missing}</Box>
      ) : (
        <>
          <Box fontSize="display-l" fontWeight="bold">
            {figure.href ? (
              <Link href={figure.href} onFollow={follow} fontSize="display-l" ariaLabel={`${label}: ${figure.value}`}>
                {figure.value}
              </Link>
            ) : (
              figure.value
            )}
          </Box>
          {figure.note && <Box variant="small">{figure.note}</Box>}
        </>
      )}
    </div>
  );
}

export function Overview() {
  const { api } = useSession();
  const [figures, setFigures] = useState<Figures | null>(null);
  const [tick, setTick] = useState(0);
  const today = todayInOffice();
  useEffect(() => {
    let live = true;
    setFigures(null);
    load(api, today).then((f) => live && setFigures(f));
    return () => {
      live = false;
    };
  }, [api, today, tick]);

  return (
    <ContentLayout
      header={
        <Header variant="h1" description={`Ngày ${formatDate(today)}: các số liệu trong phạm vi bạn được xem`} actions={<Button iconName="refresh" onClick={() => setTick((t) => t + 1)}>Tải lại</Button>}>
          Tổng quan trong ngày
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container>
          <ColumnLayout columns={3} variant="text-grid" minColumnWidth={170}>
            <FigureBox label="Văn bản đến hôm nay" figure={figures?.today} />
            <FigureBox label="Văn bản đến quá hạn xử lý" figure={figures?.overdue} />
            <FigureBox label="Báo cáo chưa nộp" figure={figures?.reportsMissing} />
            <FigureBox label="Dự thảo đang chờ xử lý" figure={figures?.draftsWaiting} />
            <FigureBox label="Dự thảo chờ tôi phê duyệt" figure={figures?.approvals} />
            <FigureBox label="Quá hạn chuyển lên đôn đốc" figure={figures?.escalations} />
          </ColumnLayout>
        </Container>
        <Table
          header={<Header variant="h2" description="Kỳ báo cáo hiện hành của mỗi loại">Tình hình nộp báo cáo</Header>}
          ariaLabels={{ tableLabel: 'Tình hình nộp báo cáo' }}
          loading={figures === null}
          loadingText="Đang tải"
          items={figures?.reports ?? []}
          trackBy={(r) => `${r.reportType}:${r.period}`}
          wrapLines
          columnDefinitions={[
            { id: 'type', header: 'Loại báo cáo', cell: (r) => r.reportTypeName, minWidth: 200 },
            { id: 'period', header: 'Kỳ', cell: (r) => r.periodLabel },
            { id: 'deadline', header: 'Hạn nộp', cell: (r) => formatDateTime(r.deadline) },
            { id: 'submitted', header: 'Đã nộp đúng hạn', cell: (r) => r.summary.submitted },
            { id: 'late', header: 'Nộp muộn', cell: (r) => r.summary.late },
            { id: 'missing', header: 'Chưa nộp', cell: (r) => (r.summary.missing ? <Box color="text-status-error" fontWeight="bold">{r.summary.missing}</Box> : 0) },
            { id: 'expected', header: 'Số đơn vị phải nộp', cell: (r) => r.summary.expected },
          ]}
          empty={<Box textAlign="center">Chưa có loại báo cáo nào đang áp dụng.</Box>}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
