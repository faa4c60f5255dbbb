/** A table of draft steps waiting for this person (or escalated to them), each opening its draft. */
import Table from '@cloudscape-design/components/table';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import { follow } from '../router';
import { STEP_LABELS, type Task } from '../drafts';
import { DueAt } from './DraftParts';

export function DraftTasks({ title, description, tasks, loading, empty }: { title: string; description?: string; tasks: Task[]; loading: boolean; empty: string }) {
  return (
    <Table
      header={<Header variant="h2" counter={loading ? undefined : `(${tasks.length})`} description={description}>{title}</Header>}
      ariaLabels={{ tableLabel: title }}
      loading={loading}
      loadingText="Đang tải"
      items={tasks}
      trackBy={(t) => `${t.draftId}:${t.step}:${t.kind}`}
      wrapLines
      columnDefinitions={[
        {
          id: 'subject',
          header: 'Trích yếu',
          cell: (t) => (
            <Link href={`/du-thao/${t.draftId}`} onFollow={follow}>
              {t.typeCode} — {t.subject}
            </Link>
          ),
          minWidth: 260,
        },
        { id: 'step', header: 'Bước', cell: (t) => STEP_LABELS[t.step] ?? t.step, minWidth: 120 },
        {
          id: 'kind',
          header: 'Việc',
          cell: (t) =>
            t.kind === 'follow-up' ? <Badge color="severity-high">Đôn đốc (đã quá hạn, chuyển lên)</Badge> : t.escalated ? <Badge color="severity-medium">Đã gia hạn</Badge> : 'Chờ tôi quyết định',
          minWidth: 140,
        },
        { id: 'issuer', header: 'Cơ quan ban hành', cell: (t) => t.issuerCode },
        { id: 'due', header: 'Hạn', cell: (t) => <DueAt dueAt={t.dueAt} />, minWidth: 170 },
        { id: 'round', header: 'Lần trình', cell: (t) => t.round },
      ]}
      empty={<Box textAlign="center" color="inherit">{empty}</Box>}
    />
  );
}
