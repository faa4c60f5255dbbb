/**
 * Dự thảo: the steps waiting for this person (a drafting department: its drafts returned for
 * revision), and the drafts this person may see, from the API's list (GET /v1/drafts: a drafting
 * department its own, the office's people every draft their clearance covers), paged by the server,
 * by status.
 */
import { useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Link from '@cloudscape-design/components/link';
import Button from '@cloudscape-design/components/button';
import Box from '@cloudscape-design/components/box';
import Alert from '@cloudscape-design/components/alert';
import Pagination from '@cloudscape-design/components/pagination';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import FormField from '@cloudscape-design/components/form-field';
import { useSession } from '../session';
import { follow, navigate } from '../router';
import { formatDateTime } from '../format';
import { showError } from '../errors';
import { DRAFT_STATUS_LABELS, STEP_LABELS, type DraftStatus, type DraftSummary } from '../drafts';
import { useTasks } from '../use-tasks';
import { useCursorPages } from '../use-cursor-pages';
import { DraftStatusText, DueAt } from './DraftParts';
import { DraftTasks } from './DraftTasks';
import { SecrecyBadge } from './entry-badges';

const PAGE_SIZE = 20;
const ALL: SelectProps.Option = { value: '', label: 'Mọi tình trạng' };

export function DraftList() {
  const { api, me } = useSession();
  const drafter = me.roles.includes('ban-tham-muu');
  const tasks = useTasks(api);
  const act = (tasks.tasks ?? []).filter((t) => t.kind === 'act');
  const [status, setStatus] = useState<DraftStatus | ''>('');
  const list = useCursorPages<DraftSummary>(async (cursor) => {
    const r = await api.GET('/v1/drafts', { params: { query: { limit: PAGE_SIZE, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } } });
    return r.data ?? { error: showError(r.response.status, r.error).summary };
  }, status);
  const statusOptions: SelectProps.Option[] = [ALL, ...Object.entries(DRAFT_STATUS_LABELS).map(([value, label]) => ({ value, label }))];
  const title = drafter ? 'Dự thảo của ban' : 'Các dự thảo';

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={drafter ? 'Trình dự thảo kèm hồ sơ, theo dõi qua các bước thẩm định, phê duyệt, chỉnh sửa khi bị trả lại' : 'Dự thảo chờ bạn thẩm định hoặc phê duyệt, và mọi dự thảo bạn được xem'}
          actions={
            drafter ? (
              <Button variant="primary" href="/du-thao/moi" onFollow={follow}>
                Trình dự thảo mới
              </Button>
            ) : undefined
          }
        >
          Dự thảo
        </Header>
      }
    >
      <SpaceBetween size="l">
        {tasks.error && <Alert type="error" header="Không tải được các bước chờ xử lý">{tasks.error}</Alert>}
        <DraftTasks
          title={drafter ? 'Dự thảo bị trả lại, chờ ban chỉnh sửa' : 'Dự thảo chờ tôi xử lý'}
          tasks={act}
          loading={tasks.tasks === null && !tasks.error}
          empty={drafter ? 'Không có dự thảo nào bị trả lại.' : 'Không có dự thảo nào chờ bạn.'}
        />
        {list.error && <Alert type="error" header="Không tải được danh sách dự thảo">{list.error}</Alert>}
        <Table
          header={<Header variant="h2" description={drafter ? 'Các dự thảo ban bạn đã trình, mới nhất trước' : 'Các dự thảo trong phạm vi độ mật bạn được xem, mới nhất trước'}>{title}</Header>}
          ariaLabels={{ tableLabel: title }}
          loading={list.loading}
          loadingText="Đang tải"
          items={list.items}
          trackBy="id"
          wrapLines
          filter={
            <FormField label="Tình trạng">
              <Select
                selectedOption={statusOptions.find((o) => o.value === status) ?? ALL}
                options={statusOptions}
                onChange={(e) => setStatus((e.detail.selectedOption.value ?? '') as DraftStatus | '')}
              />
            </FormField>
          }
          pagination={<Pagination currentPageIndex={list.page} pagesCount={list.pagesCount} openEnd={list.openEnd} onChange={(e) => list.goTo(e.detail.currentPageIndex)} ariaLabels={{ nextPageLabel: 'Trang sau', previousPageLabel: 'Trang trước', pageLabel: (n) => `Trang ${n}` }} />}
          columnDefinitions={[
            {
              id: 'subject',
              header: 'Trích yếu',
              cell: (d) => (
                <Link href={`/du-thao/${d.id}`} onFollow={follow}>
                  {d.typeCode} — {d.subject}
                </Link>
              ),
              minWidth: 280,
            },
            { id: 'secrecy', header: 'Độ mật', cell: (d) => <SecrecyBadge secrecy={d.secrecy} /> },
            { id: 'status', header: 'Tình trạng', cell: (d) => <DraftStatusText status={d.status} /> },
            { id: 'step', header: 'Bước đang chờ', cell: (d) => (d.pendingTask ? (STEP_LABELS[d.pendingTask.step] ?? d.pendingTask.step) : '—') },
            { id: 'due', header: 'Hạn', cell: (d) => <DueAt dueAt={d.pendingTask?.dueAt} />, minWidth: 160 },
            { id: 'number', header: 'Số, ký hiệu', cell: (d) => d.numberSymbol ?? '—' },
            ...(drafter ? [] : [{ id: 'dept', header: 'Ban trình', cell: (d: DraftSummary) => d.dept ?? '—' }]),
            { id: 'at', header: 'Ngày trình', cell: (d) => formatDateTime(d.createdAt) },
          ]}
          empty={
            <Box textAlign="center">
              {status ? 'Không có dự thảo nào ở tình trạng này.' : drafter ? 'Ban bạn chưa trình dự thảo nào. ' : 'Chưa có dự thảo nào.'}
              {drafter && !status && (
                <Button variant="inline-link" onClick={() => navigate('/du-thao/moi')}>
                  Trình dự thảo mới
                </Button>
              )}
            </Box>
          }
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
