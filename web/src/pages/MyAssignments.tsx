/** Việc được giao: the person's open assignments (theirs and their department's), earliest due first, with what they can do on each. */
import { useState } from 'react';
import Table from '@cloudscape-design/components/table';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Button from '@cloudscape-design/components/button';
import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { formatDate } from '../format';
import { ROLE_LABELS, type AssignmentTask } from '../assignments';
import { AssignmentAction, type ActionKind } from './AssignmentAction';

export function MyAssignments({ items, onChanged }: { items: AssignmentTask[] | null; onChanged(): void }) {
  const [acting, setActing] = useState<{ task: AssignmentTask; kind: ActionKind } | null>(null);
  const overdue = (items ?? []).filter((t) => t.overdue).length;
  return (
    <>
      <Table
        loading={items === null}
        loadingText="Đang tải việc được giao"
        items={items ?? []}
        trackBy="assignmentId"
        header={
          <Header variant="h2" counter={items ? `(${items.length})` : undefined} description={overdue ? `${overdue} việc quá hạn` : 'Việc giao cho tôi và cho phòng/ban của tôi'}>
            Việc được giao
          </Header>
        }
        empty={<Box textAlign="center">Không có việc nào đang chờ.</Box>}
        columnDefinitions={[
          { id: 'title', header: 'Nội dung công việc', cell: (t) => t.title },
          { id: 'role', header: 'Vai trò', cell: (t) => ROLE_LABELS[t.role] },
          {
            id: 'due',
            header: 'Hạn giải quyết',
            cell: (t) => (t.overdue ? <StatusIndicator type="error">{`Quá hạn (${formatDate(t.dueDate)})`}</StatusIndicator> : formatDate(t.dueDate)),
          },
          { id: 'progress', header: 'Tiến độ', cell: (t) => t.progress ?? '—' },
          {
            id: 'actions',
            header: 'Thao tác',
            cell: (t) => (
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="inline-link" ariaLabel={`Cập nhật tiến độ: ${t.title}`} onClick={() => setActing({ task: t, kind: 'progress' })}>
                  Tiến độ
                </Button>
                <Button variant="inline-link" ariaLabel={`Hoàn thành: ${t.title}`} onClick={() => setActing({ task: t, kind: 'complete' })}>
                  Hoàn thành
                </Button>
                {t.extensionAsked ? (
                  <Box variant="small">Đang chờ duyệt gia hạn</Box>
                ) : (
                  <Button variant="inline-link" ariaLabel={`Xin gia hạn: ${t.title}`} onClick={() => setActing({ task: t, kind: 'extension' })}>
                    Xin gia hạn
                  </Button>
                )}
              </SpaceBetween>
            ),
          },
        ]}
      />
      {acting && (
        <AssignmentAction
          task={acting.task}
          kind={acting.kind}
          onClose={(changed) => {
            setActing(null);
            if (changed) onChanged();
          }}
        />
      )}
    </>
  );
}
