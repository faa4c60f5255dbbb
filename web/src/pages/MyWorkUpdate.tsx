/** The dialog that moves an assigned letter on (đang xử lý, đã xử lý xong) and keeps a note, from the entry's version. */
import { useState } from 'react';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import Textarea from '@cloudscape-design/components/textarea';
import type { IncomingEntry } from '../api/client';
import { useSession } from '../session';
import { FIELD_LABELS, STATUS_LABELS, type IncomingStatus } from '../labels';
import { FormDialog } from './FormDialog';

const CHOICES: IncomingStatus[] = ['assigned', 'in-progress', 'done'];

export function EntryUpdate({ entry, onClose }: { entry: IncomingEntry; onClose(changed: boolean): void }) {
  const { api } = useSession();
  const [status, setStatus] = useState<IncomingStatus>(entry.status);
  const [note, setNote] = useState(entry.note ?? '');
  const options = CHOICES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

  const send = () => {
    const trimmed = note.trim();
    return api.PATCH('/v1/registers/incoming/entries/{id}', {
      params: { path: { id: entry.id } },
      body: {
        version: entry.version,
        ...(status !== entry.status ? { status } : {}),
        ...(trimmed !== (entry.note ?? '') ? { note: trimmed || null } : {}),
      },
    });
  };

  return (
    <FormDialog header={`Cập nhật văn bản số đến ${entry.arrivalNumber}`} submitLabel="Lưu" failedHeader="Chưa lưu được" send={send} onClose={onClose}>
      {(error) => (
        <>
          <Box>
            {entry.numberSymbol} — {entry.subject}
          </Box>
          <FormField label={FIELD_LABELS.status} errorText={error?.fields.status}>
            <Select selectedOption={options.find((o) => o.value === status) ?? { value: entry.status, label: STATUS_LABELS[entry.status] }} onChange={(e) => setStatus(e.detail.selectedOption.value as IncomingStatus)} options={options} />
          </FormField>
          <FormField label={FIELD_LABELS.note} errorText={error?.fields.note} stretch>
            <Textarea value={note} onChange={(e) => setNote(e.detail.value)} rows={3} />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
