/**
 * Phê duyệt dự thảo: the leader's inbox. The drafts waiting for this person's decision (phê duyệt
 * for Thường trực) and the overdue steps escalated to them to chase (lãnh đạo văn phòng), as
 * GET /v1/tasks gives them; each opens the draft with its text, precheck findings, history and
 * the decision (approve / return / reject with a comment; four eyes as the API enforces).
 */
import { useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { useSession } from '../session';
import { useTasks } from '../use-tasks';
import { DraftTasks } from './DraftTasks';

export function ApprovalInbox() {
  const { api } = useSession();
  const [tick, setTick] = useState(0);
  const { tasks, complete, error } = useTasks(api, tick);
  const loading = tasks === null && !error;
  // Approvals only: an appraisal waiting for a leader who is also a chuyên viên is in their Việc của tôi.
  const act = (tasks ?? []).filter((t) => t.kind === 'act' && t.step === 'approval');
  const followUp = (tasks ?? []).filter((t) => t.kind === 'follow-up');
  return (
    <ContentLayout
      header={
        <Header variant="h1" description="Dự thảo chờ bạn quyết định và các bước quá hạn được chuyển lên để đôn đốc" actions={<Button iconName="refresh" onClick={() => setTick((t) => t + 1)}>Tải lại</Button>}>
          Phê duyệt dự thảo
        </Header>
      }
    >
      <SpaceBetween size="l">
        {error && <Alert type="error" header="Không tải được danh sách">{error}</Alert>}
        {!complete && <Alert type="warning">Danh sách quá dài, chỉ hiện một phần.</Alert>}
        <DraftTasks title="Chờ tôi phê duyệt" description="Hạn sớm nhất lên đầu" tasks={act} loading={loading} empty="Không có dự thảo nào chờ bạn quyết định." />
        <DraftTasks title="Quá hạn, cần đôn đốc" description="Các bước đã quá hạn một lần, được chuyển lên lãnh đạo văn phòng" tasks={followUp} loading={loading} empty="Không có bước nào quá hạn được chuyển lên bạn." />
      </SpaceBetween>
    </ContentLayout>
  );
}
