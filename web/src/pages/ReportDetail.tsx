/** One submitted report (GET /v1/reports/{id}): its data, content, files (each a short-lived link) and its versions. */
import { useEffect, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Container from '@cloudscape-design/components/container';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Table from '@cloudscape-design/components/table';
import Box from '@cloudscape-design/components/box';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Spinner from '@cloudscape-design/components/spinner';
import type { Schemas } from '../api/client';
import { useSession } from '../session';
import { follow } from '../router';
import { formatDateTime } from '../format';
import { showError } from '../errors';
import { periodLabel } from '../reports';

function dataValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function ReportDetail({ id }: { id: string }) {
  const { api } = useSession();
  const [report, setReport] = useState<Schemas['Report'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.GET('/v1/reports/{id}', { params: { path: { id } } }).then((r) => (r.data ? setReport(r.data) : setError(showError(r.response.status, r.error).summary)), () => setError('Không kết nối được máy chủ.'));
  }, [api, id]);

  const open = async (attachmentId: string) => {
    const r = await api.GET('/v1/reports/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } });
    if (!r.data) return setError(showError(r.response.status, r.error).summary);
    window.open(r.data.downloadUrl, '_blank', 'noopener');
  };

  const back = <Button href="/bao-cao" onFollow={follow} iconName="arrow-left">Về danh sách báo cáo</Button>;
  if (error) return <ContentLayout header={<Header variant="h1" actions={back}>Báo cáo</Header>}><Alert type="error">{error}</Alert></ContentLayout>;
  if (!report) return <Spinner size="large" />;
  const data = Object.entries(report.data ?? {});
  return (
    <ContentLayout header={<Header variant="h1" actions={back} description={`${report.reportType} · ${periodLabel(report.period)} · tổ chức ${report.orgId}`}>{report.title}</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Thông tin chung</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Kỳ báo cáo', value: periodLabel(report.period) },
              { label: 'Hạn nộp', value: formatDateTime(report.deadline) },
              { label: 'Nộp lúc', value: formatDateTime(report.submittedAt) },
              { label: 'Người nộp', value: report.submittedBy },
              { label: 'Lần nộp', value: `${report.version} / ${report.latestVersion}` },
              { label: 'Đúng hạn', value: report.onTime ? <StatusIndicator type="success">Đúng hạn</StatusIndicator> : <StatusIndicator type="warning">Nộp muộn</StatusIndicator> },
            ]}
          />
        </Container>
        <Container header={<Header variant="h2">Nội dung</Header>}>
          <Box variant="p"><span style={{ whiteSpace: 'pre-wrap' }}>{report.content || '—'}</span></Box>
        </Container>
        <Table
          ariaLabels={{ tableLabel: 'Số liệu báo cáo' }}
          header={<Header variant="h2">Số liệu</Header>}
          items={data}
          empty={<Box textAlign="center">Báo cáo không có số liệu.</Box>}
          columnDefinitions={[
            { id: 'k', header: 'Chỉ tiêu', cell: ([k]) => k },
            { id: 'v', header: 'Giá trị', cell: ([, v]) => dataValue(v) },
          ]}
        />
        <Table
          ariaLabels={{ tableLabel: 'Tệp đính kèm' }}
          header={<Header variant="h2">Tệp đính kèm</Header>}
          items={report.attachments}
          empty={<Box textAlign="center">Không có tệp đính kèm.</Box>}
          columnDefinitions={[
            { id: 'name', header: 'Tên tệp', cell: (a) => <Button variant="inline-link" onClick={() => void open(a.attachmentId)} ariaLabel={`Mở tệp ${a.fileName}`}>{a.fileName}</Button> },
            { id: 'size', header: 'Dung lượng', cell: (a) => `${Math.max(1, Math.round(a.size / 1024))} KB` },
          ]}
        />
        <Table
          ariaLabels={{ tableLabel: 'Các lần nộp' }}
          header={<Header variant="h2">Các lần nộp</Header>}
          items={report.versions}
          columnDefinitions={[
            { id: 'v', header: 'Lần', cell: (v) => v.version },
            { id: 't', header: 'Tiêu đề', cell: (v) => v.title },
            { id: 'at', header: 'Nộp lúc', cell: (v) => formatDateTime(v.submittedAt) },
            { id: 'by', header: 'Người nộp', cell: (v) => v.submittedBy },
            { id: 'ok', header: 'Đúng hạn', cell: (v) => (v.onTime ? 'Đúng hạn' : 'Muộn') },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
