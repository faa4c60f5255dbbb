/**
 * Theo dõi giao việc, for the leaders: the overdue work by department (việc quá hạn), and the stats of
 * a month, quarter or year (đánh giá) per person or per department, with the printable sổ theo dõi
 * giải quyết văn bản đến of the same period.
 */
import { useEffect, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import SpaceBetween from '@cloudscape-design/components/space-between';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Button from '@cloudscape-design/components/button';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { useSession } from '../session';
import { formatDate, todayInOffice } from '../format';
import { showError } from '../errors';
import { attachmentName } from '../download';
import { saveBlob } from '../save-file';
import { partyText } from '../assignments';
import type { Schemas as ApiSchemas } from '../api/client';

type Overdue = { dept: string | null; count: number; items: ApiSchemas['Assignment'][] };
type Line = { user?: string; dept?: string | null; assigned: number; doneOnTime: number; doneLate: number; open: number; overdue: number; extensions: number };

export function FollowUp() {
  const { api } = useSession();
  const [overdue, setOverdue] = useState<Overdue[] | null>(null);
  const [lines, setLines] = useState<Line[] | null>(null);
  const [period, setPeriod] = useState(todayInOffice().slice(0, 7));
  const [by, setBy] = useState<'user' | 'dept'>('dept');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .GET('/v1/assignments/overdue')
      .then((r) => live && (r.data ? setOverdue(r.data.items) : setError(showError(r.response.status, r.error).summary)))
      .catch(() => live && setError('Không kết nối được với máy chủ; hãy thử lại.'));
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    let live = true;
    setLines(null);
    api
      .GET('/v1/assignments/stats', { params: { query: { period, by } } })
      .then((r) => live && (r.data ? (setLines(r.data.items as Line[]), setError(null)) : setError(showError(r.response.status, r.error).summary)))
      .catch(() => live && setError('Không kết nối được với máy chủ; hãy thử lại.'));
    return () => {
      live = false;
    };
  }, [api, period, by]);

  async function download() {
    const r = await api.GET('/v1/assignments/export', { params: { query: { period, format: 'xlsx' } }, parseAs: 'blob' });
    if (r.data) saveBlob(r.data as Blob, attachmentName(r.response.headers.get('content-disposition'), `so-theo-doi-${period}.xlsx`));
    else setError(showError(r.response.status, r.error).summary);
  }

  const who = (l: Line) => (l.user !== undefined ? l.user : partyText({ dept: l.dept ?? null }));
  return (
    <ContentLayout header={<Header variant="h1" description="Việc quá hạn theo phòng/ban và kết quả thực hiện theo kỳ">Theo dõi giao việc</Header>}>
      <SpaceBetween size="l">
        {error && <Alert type="error" header="Không tải được">{error}</Alert>}
        <Table
          loading={overdue === null}
          loadingText="Đang tải việc quá hạn"
          items={overdue ?? []}
          trackBy={(g) => g.dept ?? '-'}
          header={<Header variant="h2" counter={overdue ? `(${overdue.reduce((s, g) => s + g.count, 0)})` : undefined}>Việc quá hạn theo phòng/ban</Header>}
          empty={<Box textAlign="center">Không có việc quá hạn.</Box>}
          columnDefinitions={[
            { id: 'dept', header: 'Phòng/ban', cell: (g) => partyText({ dept: g.dept }) },
            { id: 'count', header: 'Số việc quá hạn', cell: (g) => g.count },
            {
              id: 'items',
              header: 'Việc',
              cell: (g) => (
                <ExpandableSection headerText={`${g.count} việc`}>
                  {g.items.map((a) => (
                    <div key={a.id}>{`${a.title} — ${partyText(a.assignee)}, hạn ${formatDate(a.dueDate)}`}</div>
                  ))}
                </ExpandableSection>
              ),
            },
          ]}
        />
        <Table
          loading={lines === null}
          loadingText="Đang tải kết quả"
          items={lines ?? []}
          trackBy={(l) => `${l.user ?? ''}|${l.dept ?? ''}`}
          header={
            <Header
              variant="h2"
              description="Việc được giao trong kỳ: tháng (2026-11), quý (2026-Q4) hoặc năm (2026)"
              actions={
                <SpaceBetween direction="horizontal" size="xs">
                  <FormField label="Kỳ">
                    <Input value={period} onChange={(e) => setPeriod(e.detail.value.trim())} ariaLabel="Kỳ đánh giá" />
                  </FormField>
                  <SegmentedControl
                    selectedId={by}
                    onChange={(e) => setBy(e.detail.selectedId as 'user' | 'dept')}
                    label="Theo"
                    options={[
                      { id: 'dept', text: 'Theo phòng/ban' },
                      { id: 'user', text: 'Theo người' },
                    ]}
                  />
                  <Button onClick={() => void download()}>Tải sổ theo dõi giải quyết (XLSX)</Button>
                </SpaceBetween>
              }
            >
              Đánh giá kết quả thực hiện
            </Header>
          }
          empty={<Box textAlign="center">Không có việc nào được giao trong kỳ.</Box>}
          columnDefinitions={[
            { id: 'who', header: 'Người/phòng ban', cell: who },
            { id: 'assigned', header: 'Được giao', cell: (l) => l.assigned },
            { id: 'onTime', header: 'Xong đúng hạn', cell: (l) => l.doneOnTime },
            { id: 'late', header: 'Xong trễ hạn', cell: (l) => l.doneLate },
            { id: 'open', header: 'Đang thực hiện', cell: (l) => l.open },
            { id: 'overdue', header: 'Quá hạn', cell: (l) => l.overdue },
            { id: 'ext', header: 'Gia hạn', cell: (l) => l.extensions },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
