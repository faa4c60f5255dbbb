/** The dialog of one assignment: a progress note, completion with its result (and the reply's entry), or a request for more time. */
import { useState } from 'react';
import Modal from '@cloudscape-design/components/modal';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Textarea from '@cloudscape-design/components/textarea';
import Input from '@cloudscape-design/components/input';
import DatePicker from '@cloudscape-design/components/date-picker';
import Alert from '@cloudscape-design/components/alert';
import { useSession } from '../session';
import { showError, type ShownError } from '../errors';
import type { AssignmentTask } from '../assignments';

export type ActionKind = 'progress' | 'complete' | 'extension';
const TITLES: Record<ActionKind, string> = { progress: 'Cập nhật tiến độ', complete: 'Báo cáo hoàn thành', extension: 'Xin gia hạn' };

export function AssignmentAction({ task, kind, onClose }: { task: AssignmentTask; kind: ActionKind; onClose(changed: boolean): void }) {
  const { api } = useSession();
  const [text, setText] = useState('');
  const [reply, setReply] = useState('');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const path = { params: { path: { id: task.assignmentId } } };

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const version = task.version;
      const r =
        kind === 'progress'
          ? await api.POST('/v1/assignments/{id}/progress', { ...path, body: { note: text, version } })
          : kind === 'complete'
            ? await api.POST('/v1/assignments/{id}/complete', { ...path, body: { result: text, version, ...(reply.trim() ? { replyEntryId: reply.trim() } : {}) } })
            : await api.POST('/v1/assignments/{id}/extension', { ...path, body: { dueDate: date, reason: text, version } });
      if (r.data) onClose(true);
      else setError(showError(r.response.status, r.error));
    } catch {
      setError({ summary: 'Không kết nối được với máy chủ; hãy thử lại.', fields: {}, other: [] });
    } finally {
      setBusy(false);
    }
  }

  const textLabel = kind === 'progress' ? 'Tiến độ' : kind === 'complete' ? 'Kết quả giải quyết' : 'Lý do xin gia hạn';
  return (
    <Modal
      visible
      onDismiss={() => onClose(false)}
      header={TITLES[kind]}
      closeAriaLabel="Đóng"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={() => onClose(false)}>
              Hủy
            </Button>
            <Button variant="primary" loading={busy} onClick={() => void save()}>
              Gửi
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Box>{task.title}</Box>
        {error && (
          <Alert type="error" header="Chưa gửi được">
            {error.summary}
            {error.other.length > 0 && <div>{error.other.join('; ')}</div>}
          </Alert>
        )}
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
      </SpaceBetween>
    </Modal>
  );
}
