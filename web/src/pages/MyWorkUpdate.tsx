/** The dialog that moves an assigned letter on (đang xử lý, đã xử lý xong) and keeps a note, from the entry's version. */
import { useState } from 'react';
import Modal from '@cloudscape-design/components/modal';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import Textarea from '@cloudscape-design/components/textarea';
import Alert from '@cloudscape-design/components/alert';
import type { IncomingEntry } from '../api/client';
import { useSession } from '../session';
import { showError, type ShownError } from '../errors';
import { FIELD_LABELS, STATUS_LABELS, type IncomingStatus } from '../labels';

const CHOICES: IncomingStatus[] = ['assigned', 'in-progress', 'done'];

export function EntryUpdate({ entry, onClose }: { entry: IncomingEntry; onClose(changed: boolean): void }) {
  const { api } = useSession();
  const [status, setStatus] = useState<IncomingStatus>(entry.status);
  const [note, setNote] = useState(entry.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const options = CHOICES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const trimmed = note.trim();
      const r = await api.PATCH('/v1/registers/incoming/entries/{id}', {
        params: { path: { id: entry.id } },
        body: {
          version: entry.version,
          ...(status !== entry.status ? { status } : {}),
          ...(trimmed !== (entry.note ?? '') ? { note: trimmed || null } : {}),
        },
      });
      if (r.data) onClose(true);
      else setError(showError(r.response.status, r.error));
    } catch {
      setError({ summary: 'Không kết nối được với máy chủ; hãy thử lại.', fields: {}, other: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      visible
      onDismiss={() => onClose(false)}
      header={`Cập nhật văn bản số đến ${entry.arrivalNumber}`}
      closeAriaLabel="Đóng"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={() => onClose(false)}>
              Hủy
            </Button>
            <Button variant="primary" loading={busy} onClick={() => void save()}>
              Lưu
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Box>
          {entry.numberSymbol} — {entry.subject}
        </Box>
        {error && (
          <Alert type="error" header="Chưa lưu được">
            {error.summary}
            {error.other.length > 0 && <div>{error.other.join('; ')}</div>}
          </Alert>
        )}
        <FormField label={FIELD_LABELS.status} errorText={error?.fields.status}>
          <Select selectedOption={options.find((o) => o.value === status) ?? { value: entry.status, label: STATUS_LABELS[entry.status] }} onChange={(e) => setStatus(e.detail.selectedOption.value as IncomingStatus)} options={options} />
        </FormField>
        <FormField label={FIELD_LABELS.note} errorText={error?.fields.note} stretch>
          <Textarea value={note} onChange={(e) => setNote(e.detail.value)} rows={3} />
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}
