/**
 * Việc của tôi: the incoming letters assigned to me (handler = my user name, this year, as the
 * register gives them to me: never above my clearance), with their due dates, overdue marked;
 * their status and note changed in a dialog (the entry's version sent: a stale one is refused);
 * and the draft steps waiting for me (thẩm định, phê duyệt, chỉnh sửa), earliest due first.
 */
import { useEffect, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Link from '@cloudscape-design/components/link';
import Button from '@cloudscape-design/components/button';
import Box from '@cloudscape-design/components/box';
import Alert from '@cloudscape-design/components/alert';
import Toggle from '@cloudscape-design/components/toggle';
import type { IncomingEntry } from '../api/client';
import { useSession } from '../session';
import { follow } from '../router';
import { formatDate, todayInOffice } from '../format';
import { FIELD_LABELS } from '../labels';
import { showError } from '../errors';
import { useTasks } from '../use-tasks';
import { DueText, SecrecyBadge, StatusText, UrgencyBadge } from './entry-badges';
import { DraftTasks } from './DraftTasks';
import { EntryUpdate } from './MyWorkUpdate';
import { MyAssignments } from './MyAssignments';

const PAGE = 50;

export function MyWork() {
  const { api, me } = useSession();
  const [entries, setEntries] = useState<IncomingEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openOnly, setOpenOnly] = useState(true);
  const [editing, setEditing] = useState<IncomingEntry | null>(null);
  const [tick, setTick] = useState(0);
  const year = Number(todayInOffice().slice(0, 4));
  const tasks = useTasks(api, tick);
  const act = (tasks.tasks ?? []).filter((t) => t.kind === 'act');

  async function load(cursor?: string) {
    const r = await api.GET('/v1/registers/incoming/entries', { params: { query: { year, handler: me.username, limit: PAGE, ...(cursor ? { cursor } : {}) } } });
    if (!r.data) {
      setError(showError(r.response.status, r.error).summary);
      return;
    }
    setEntries((prev) => (cursor && prev ? [...prev, ...r.data.items] : r.data.items));
    setNext(r.data.nextCursor);
  }

  useEffect(() => {
    setError(null);
    load().catch(() => setError('Không kết nối được với máy chủ; hãy thử lại.'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, me.username, tick]);

  const shown = (entries ?? []).filter((e) => !openOnly || e.status !== 'done');
  const overdue = (entries ?? []).filter((e) => e.overdue).length;

  return (
    <ContentLayout header={<Header variant="h1" description={`Văn bản được giao cho ${me.username} và các bước dự thảo chờ xử lý`}>Việc của tôi</Header>}>
      <SpaceBetween size="l">
        {error && <Alert type="error" header="Không tải được danh sách">{error}</Alert>}
        {tasks.error && <Alert type="error" header="Không tải được các bước dự thảo">{tasks.error}</Alert>}
        <MyAssignments items={tasks.assignments} onChanged={() => setTick((t) => t + 1)} />
        <Table
          header={
            <Header
              variant="h2"
              counter={entries ? `(${shown.length})` : undefined}
              description={overdue ? `${overdue} văn bản quá hạn xử lý` : `Năm ${year}`}
              actions={
                <Toggle checked={openOnly} onChange={(e) => setOpenOnly(e.detail.checked)}>
                  Chỉ văn bản chưa xử lý xong
                </Toggle>
              }
            >
              Văn bản đến được giao cho tôi
            </Header>
          }
          ariaLabels={{ tableLabel: 'Văn bản đến được giao cho tôi' }}
          loading={entries === null && !error}
          loadingText="Đang tải"
          items={shown}
          trackBy="id"
          wrapLines
          columnDefinitions={[
            {
              id: 'arrivalNumber',
              header: FIELD_LABELS.arrivalNumber,
              cell: (e) => (
                <Link href={`/van-ban-den/${e.id}`} onFollow={follow} ariaLabel={`Số đến ${e.arrivalNumber}, ${e.numberSymbol}`}>
                  {e.arrivalNumber}
                  {e.book === 'secret' ? ' (sổ mật)' : ''}
                </Link>
              ),
            },
            {
              id: 'numberSymbol',
              header: 'Số, ký hiệu; ngày',
              cell: (e) => (
                <>
                  <Box fontWeight="bold">
                    <span style={{ whiteSpace: 'nowrap' }}>{e.numberSymbol}</span>
                  </Box>
                  <Box variant="small">ngày {formatDate(e.documentDate)}</Box>
                </>
              ),
              minWidth: 150,
            },
            {
              id: 'subject',
              header: FIELD_LABELS.subject,
              cell: (e) => (
                <SpaceBetween size="xxs">
                  <span>{e.subject}</span>
                  <SpaceBetween direction="horizontal" size="xxs">
                    <SecrecyBadge secrecy={e.secrecy} />
                    <UrgencyBadge urgency={e.urgency} />
                  </SpaceBetween>
                </SpaceBetween>
              ),
              minWidth: 280,
            },
            { id: 'issuer', header: 'Nơi gửi', cell: (e) => e.issuer, minWidth: 140 },
            { id: 'status', header: FIELD_LABELS.status, cell: (e) => <StatusText entry={e} /> },
            { id: 'due', header: 'Hạn xử lý', cell: (e) => <DueText entry={e} />, minWidth: 130 },
            { id: 'note', header: FIELD_LABELS.note, cell: (e) => e.note ?? '—', minWidth: 140 },
            {
              id: 'actions',
              header: 'Thao tác',
              cell: (e) => (
                <Button variant="inline-link" ariaLabel={`Cập nhật văn bản số đến ${e.arrivalNumber}`} onClick={() => setEditing(e)}>
                  Cập nhật
                </Button>
              ),
              minWidth: 110,
            },
          ]}
          empty={<Box textAlign="center">Không có văn bản nào được giao cho bạn{openOnly ? ' đang chờ xử lý' : ''}.</Box>}
          footer={
            next ? (
              <Box textAlign="center">
                <Button variant="link" onClick={() => void load(next)}>
                  Xem thêm
                </Button>
              </Box>
            ) : undefined
          }
        />
        <DraftTasks
          title="Dự thảo chờ tôi xử lý"
          description="Thẩm định, phê duyệt hoặc chỉnh sửa: hạn sớm nhất lên đầu"
          tasks={act}
          loading={tasks.tasks === null && !tasks.error}
          empty="Không có dự thảo nào chờ bạn."
        />
      </SpaceBetween>
      {editing && (
        <EntryUpdate
          entry={editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) setTick((t) => t + 1);
          }}
        />
      )}
    </ContentLayout>
  );
}
