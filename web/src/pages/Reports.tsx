/**
 * Báo cáo: for a report type and period, each organisation (as the tree of the organisations)
 * submitted / late / missing with its deadline (GET /v1/reports/status), the reminders sent
 * (GET /v1/reports/reminders) and the consolidated export (GET /v1/reports/export). A submitted
 * report opens at /bao-cao/{id}.
 */
import { useEffect, useMemo, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Select from '@cloudscape-design/components/select';
import FormField from '@cloudscape-design/components/form-field';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Table from '@cloudscape-design/components/table';
import Box from '@cloudscape-design/components/box';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { Api, Schemas } from '../api/client';
import { useSession } from '../session';
import { follow } from '../router';
import { formatDateTime, todayInOffice } from '../format';
import { showError } from '../errors';
import { attachmentName } from '../download';
import { saveBlob } from '../save-file';
import { periodDueNow } from '../overview';
import { buildOrgTree, periodLabel, recentPeriods, PERIOD_KIND_TEXT, REMINDER_KIND_TEXT, REMINDER_STATUS_TEXT, STATUS_TEXT, type OrgNode } from '../reports';

type ReportType = Schemas['ReportType'];

const STATUS_TYPE = { submitted: 'success', late: 'warning', missing: 'error' } as const;

async function download(api: Api, reportType: string, period: string | undefined, format: 'xlsx' | 'csv'): Promise<void> {
  const r = await api.GET('/v1/reports/export', { params: { query: { reportType, ...(period ? { period } : {}), format } }, parseAs: 'blob' });
  if (!r.response.ok || !r.data) throw new Error(showError(r.response.status, undefined).summary);
  const name = attachmentName(r.response.headers.get('content-disposition'), `bao-cao-${reportType}-${period ?? ''}.${format}`);
  saveBlob(r.data as unknown as Blob, name);
}

export function Reports() {
  const { api } = useSession();
  const today = todayInOffice();
  const [types, setTypes] = useState<ReportType[] | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<Omit<Schemas['ReportStatus'], 'nextCursor'> | null>(null);
  const [reminders, setReminders] = useState<Schemas['Reminder'][] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const [expanded, setExpanded] = useState<OrgNode[] | null>(null);

  useEffect(() => {
    api.GET('/v1/report-types').then((r) => {
      if (!r.data) return setError(showError(r.response.status, r.error).summary);
      const active = r.data.items.filter((t) => t.active);
      setTypes(active);
      const first = active[0];
      if (first) {
        setCode(first.code);
        setPeriod(periodDueNow(first.period, today));
      }
    }, () => setError('Không kết nối được máy chủ.'));
  }, [api, today]);

  const type = types?.find((t) => t.code === code);
  useEffect(() => {
    if (!code) return;
    setStatus(null);
    setReminders(null);
    setExpanded(null);
    setError(null);
    const q = { reportType: code, ...(period ? { period } : {}) };
    api.GET('/v1/reports/status', { params: { query: q } }).then((r) => (r.data ? setStatus(r.data) : setError(showError(r.response.status, r.error).summary)), () => setError('Không kết nối được máy chủ.'));
    api.GET('/v1/reports/reminders', { params: { query: q } }).then((r) => setReminders(r.data?.items ?? []), () => setReminders([]));
  }, [api, code, period, tick]);

  const tree = useMemo(() => (status ? buildOrgTree(status.items) : []), [status]);
  const parents = useMemo(() => { const out: OrgNode[] = []; const walk = (ns: OrgNode[]) => ns.forEach((n) => { if (n.children.length) { out.push(n); walk(n.children); } }); walk(tree); return out; }, [tree]);
  const byId = useMemo(() => new Map(status?.items.map((i) => [i.orgId, i.orgName]) ?? []), [status]);
  const periods = type ? recentPeriods(type.period, today, 12) : [];

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Tình hình nộp báo cáo của các tổ chức đảng trực thuộc theo từng loại báo cáo và kỳ báo cáo."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" onClick={() => setTick((t) => t + 1)}>Tải lại</Button>
              <ButtonDropdown
                loading={busy}
                disabled={!code}
                items={[
                  { id: 'xlsx', text: 'Tổng hợp (Excel)' },
                  { id: 'csv', text: 'Tổng hợp (CSV)' },
                ]}
                onItemClick={(e) => {
                  if (!code) return;
                  setBusy(true);
                  download(api, code, period, e.detail.id as 'xlsx' | 'csv')
                    .catch((err: Error) => setError(err.message))
                    .finally(() => setBusy(false));
                }}
              >
                Tải báo cáo tổng hợp
              </ButtonDropdown>
            </SpaceBetween>
          }
        >
          Báo cáo
        </Header>
      }
    >
      <SpaceBetween size="l">
        {error && <Alert type="error">{error}</Alert>}
        {types && types.length === 0 && <Alert type="info">Chưa có loại báo cáo nào.</Alert>}
        <ColumnLayout columns={2}>
          <FormField label="Loại báo cáo">
            <Select
              selectedOption={type ? { value: type.code, label: `${type.name} (${type.code})`, description: PERIOD_KIND_TEXT[type.period] } : null}
              options={(types ?? []).map((t) => ({ value: t.code, label: `${t.name} (${t.code})`, description: PERIOD_KIND_TEXT[t.period] }))}
              placeholder="Chọn loại báo cáo"
              loadingText="Đang tải…"
              statusType={types ? 'finished' : 'loading'}
              onChange={(e) => {
                const t = types?.find((x) => x.code === e.detail.selectedOption.value);
                setCode(t?.code ?? null);
                setPeriod(t ? periodDueNow(t.period, today) : undefined);
              }}
            />
          </FormField>
          <FormField label="Kỳ báo cáo">
            {type?.period === 'ad-hoc' ? (
              <Box padding={{ top: 'xxs' }}>{status ? periodLabel(status.period) : '…'} (đột xuất)</Box>
            ) : (
              <Select
                selectedOption={period ? { value: period, label: periodLabel(period) } : null}
                options={periods.map((p) => ({ value: p, label: periodLabel(p) }))}
                placeholder="Chọn kỳ báo cáo"
                disabled={!type}
                onChange={(e) => setPeriod(e.detail.selectedOption.value)}
              />
            )}
          </FormField>
        </ColumnLayout>
        {status && (
          <Container header={<Header variant="h2" description={`Hạn nộp: ${formatDateTime(status.deadline)} · số liệu lúc ${formatDateTime(status.asOf)}`}>{status.reportTypeName} — {periodLabel(status.period)}</Header>}>
            <ColumnLayout columns={4} variant="text-grid">
              {([['Phải nộp', status.summary.expected], ['Đã nộp đúng hạn', status.summary.submitted], ['Nộp muộn', status.summary.late], ['Chưa nộp', status.summary.missing]] as const).map(([label, n]) => (
                <div key={label} role="group" aria-label={label}>
                  <Box variant="awsui-key-label">{label}</Box>
                  <Box fontSize="display-l" fontWeight="bold">{n}</Box>
                </div>
              ))}
            </ColumnLayout>
          </Container>
        )}
        <Table
          ariaLabels={{ tableLabel: 'Tình hình nộp báo cáo của các tổ chức', expandButtonLabel: (n) => `Mở các tổ chức trực thuộc ${n.orgName}`, collapseButtonLabel: (n) => `Thu gọn các tổ chức trực thuộc ${n.orgName}` }}
          header={<Header variant="h2" counter={status ? `(${status.items.length})` : undefined}>Các tổ chức</Header>}
          loading={!!code && !status && !error}
          loadingText="Đang tải tình hình nộp báo cáo…"
          items={tree}
          trackBy="orgId"
          expandableRows={{
            getItemChildren: (n) => n.children,
            isItemExpandable: (n) => n.children.length > 0,
            expandedItems: expanded ?? parents,
            onExpandableItemToggle: ({ detail }) => {
              const cur = expanded ?? parents;
              setExpanded(detail.expanded ? [...cur, detail.item] : cur.filter((x) => x.orgId !== detail.item.orgId));
            },
          }}
          empty={<Box textAlign="center">Không có tổ chức nào phải nộp báo cáo này.</Box>}
          columnDefinitions={[
            { id: 'org', header: 'Tổ chức', cell: (n) => <span>{n.orgName}{n.orgCode ? ` (${n.orgCode})` : ''}</span> },
            {
              id: 'status',
              header: 'Tình trạng',
              cell: (n) => (
                <span role="status" aria-label={`${n.orgName}: ${STATUS_TEXT[n.status]}`}>
                  <StatusIndicator type={STATUS_TYPE[n.status]}>{STATUS_TEXT[n.status]}</StatusIndicator>
                </span>
              ),
            },
            { id: 'deadline', header: 'Hạn nộp', cell: (n) => formatDateTime(n.deadline) },
            { id: 'submitted', header: 'Nộp lúc', cell: (n) => (n.lastSubmittedAt ? formatDateTime(n.lastSubmittedAt) : '—') },
            { id: 'version', header: 'Lần nộp', cell: (n) => n.latestVersion ?? '—' },
            {
              id: 'open',
              header: 'Báo cáo',
              cell: (n) => (n.reportId ? <Link href={`/bao-cao/${encodeURIComponent(n.reportId)}`} onFollow={follow} ariaLabel={`Xem báo cáo của ${n.orgName}`}>Xem báo cáo</Link> : '—'),
            },
          ]}
        />
        <Table
          ariaLabels={{ tableLabel: 'Nhắc nộp báo cáo đã gửi' }}
          header={<Header variant="h2" counter={reminders ? `(${reminders.length})` : undefined} description="Thư nhắc gửi tới các tổ chức trước và sau hạn nộp.">Nhắc nộp báo cáo</Header>}
          loading={!!code && reminders === null}
          loadingText="Đang tải…"
          items={reminders ?? []}
          empty={<Box textAlign="center">Chưa có thư nhắc nào cho kỳ này.</Box>}
          columnDefinitions={[
            { id: 'org', header: 'Tổ chức', cell: (r) => byId.get(r.orgId) ?? r.orgId },
            { id: 'kind', header: 'Loại nhắc', cell: (r) => `${r.days} ngày ${REMINDER_KIND_TEXT[r.kind]}` },
            { id: 'when', header: 'Thời điểm', cell: (r) => formatDateTime(r.scheduledAt) },
            { id: 'to', header: 'Gửi tới', cell: (r) => r.to.join(', ') || '—' },
            { id: 'status', header: 'Tình trạng', cell: (r) => REMINDER_STATUS_TEXT[r.status] + (r.error ? ` (${r.error})` : '') },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
