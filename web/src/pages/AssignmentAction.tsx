/** The dialog of one assignment: a progress note, completion with its result (and the reply's entry), or a request for more time. */
import { useState } from 'react';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Textarea from '@cloudscape-design/components/textarea';
import Input from '@cloudscape-design/components/input';
import DatePicker from '@cloudscape-design/components/date-picker';
import { useSession } from '../session';
import type { AssignmentTask } from '../assignments';
import { FormDialog } from './FormDialog';

export type ActionKind = 'progress' | 'complete' | 'extension';
const TITLES: Record<ActionKind, string> = { progress: 'Cập nhật tiến độ', complete: 'Báo cáo hoàn thành', extension: 'Xin gia hạn' };

export function AssignmentAction({ task, kind, onClose }: { task: AssignmentTask; kind: ActionKind; onClose(changed: boolean): void }) {
  const { api } = useSession();
  const [text, setText] = useState('');
  const [reply, setReply] = useState('');
  const [date, setDate] = useState('');
  const path = { params: { path: { id: task.assignmentId } } };

  const send = () => {
    const version = task.version;
    return kind === 'progress'
      ? api.POST('/v1/assignments/{id}/progress', { ...path, body: { note: text, version } })
      : kind === 'complete'
        ? api.POST('/v1/assignments/{id}/complete', { ...path, body: { result: text, version, ...(reply.trim() ? { replyEntryId: reply.trim() } : {}) } })
        : api.POST('/v1/assignments/{id}/extension', { ...path, body: { dueDate: date, reason: text, version } });
  };

  const textLabel = kind === 'progress' ? 'Tiến độ' : kind === 'complete' ? 'Kết quả giải quyết' : 'Lý do xin gia hạn';
  return (
    <FormDialog header={TITLES[kind]} submitLabel="Gửi" failedHeader="Chưa gửi được" send={send} onClose={onClose}>
      {(error) => (
        <>
          <Box>{task.title}</Box>
          {kind === 'extension' && (
            <FormField label="Hạn mới đề nghị" errorText={error?.fields.dueDate}>
              <DatePicker value={date} onChange={(e) => setDate(e.detail.value)} placeholder="YYYY/MM/DD" openCalendarAriaLabel={() => 'Chọn ngày'} />
            </FormField>
          )}
          <FormField label={textLabel} errorText={error?.fields.note ?? error?.fields.result ?? error?.fields.reason} stretch>
            <Textarea value={text} onChange={(e) => setText(e.detail.value)} rows={3} ariaLabel={textLabel} />
          </FormField>
          {kind === 'complete' && (
            <FormField label="Văn bản trả lời (mã văn bản đi, nếu có)" errorText={error?.fields.replyEntryId}>
              <Input value={reply} onChange={(e) => setReply(e.detail.value)} />
            </FormField>
          )}
        </>
      )}
    </FormDialog>
  );
}
