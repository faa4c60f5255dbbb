/**
 * Dự thảo: the steps waiting for this person (a drafting department: its drafts returned for
 * revision), and the drafts this person submitted, followed through their steps. The API has no
 * list of a department's drafts yet: the console remembers, in this browser, the ids of the drafts
 * the person submitted here, and reads each from the API with their token (a draft they may no
 * longer see answers 404 and is left out).
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
import { useSession } from '../session';
import { follow, navigate } from '../router';
import { formatDateTime } from '../format';
import { rememberedDrafts, STEP_LABELS, type Draft } from '../drafts';
import { useTasks } from '../use-tasks';
import { DraftStatusText, DueAt } from './DraftParts';
import { DraftTasks } from './DraftTasks';

export function DraftList() {
  const { api, me } = useSession();
  const drafter = me.roles.includes('ban-tham-muu');
  const tasks = useTasks(api);
  const act = (tasks.tasks ?? []).filter((t) => t.kind === 'act');
  const [mine, setMine] = useState<Draft[] | null>(null);

  useEffect(() => {
    let live = true;
    const ids = rememberedDrafts(window.localStorage, me.sub);
    Promise.all(ids.map((id) => api.GET('/v1/drafts/{id}', { params: { path: { id } } }).then((r) => r.data ?? null).catch(() => null)))
      .then((ds) => live && setMine(ds.filter((d): d is Draft => d !== null)))
      .catch(() => live && setMine([]));
    return () => {
      live = false;
    };
  }, [api, me.sub]);

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={drafter ? 'Trình dự thảo kèm hồ sơ, theo dõi qua các bước thẩm định, phê duyệt, chỉnh sửa khi bị trả lại' : 'Dự thảo chờ bạn thẩm định hoặc phê duyệt'}
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
        {(drafter || (mine?.length ?? 0) > 0) && (
          <Table
            header={<Header variant="h2" counter={mine ? `(${mine.length})` : undefined} description="Các dự thảo bạn đã trình từ trình duyệt này">Dự thảo tôi đã trình</Header>}
            ariaLabels={{ tableLabel: 'Dự thảo tôi đã trình' }}
            loading={mine === null}
            loadingText="Đang tải"
            items={mine ?? []}
            trackBy="id"
            wrapLines
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
              { id: 'status', header: 'Tình trạng', cell: (d) => <DraftStatusText status={d.status} /> },
              { id: 'step', header: 'Bước đang chờ', cell: (d) => (d.pendingTask ? (STEP_LABELS[d.pendingTask.step] ?? d.pendingTask.step) : '—') },
              { id: 'due', header: 'Hạn', cell: (d) => <DueAt dueAt={d.pendingTask?.dueAt} />, minWidth: 160 },
              { id: 'number', header: 'Số, ký hiệu', cell: (d) => d.numberSymbol ?? '—' },
              { id: 'at', header: 'Ngày trình', cell: (d) => formatDateTime(d.createdAt) },
            ]}
            empty={
              <Box textAlign="center">
                Bạn chưa trình dự thảo nào từ trình duyệt này.{' '}
                {drafter && (
                  <Button variant="inline-link" onClick={() => navigate('/du-thao/moi')}>
                    Trình dự thảo mới
                  </Button>
                )}
              </Box>
            }
          />
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
