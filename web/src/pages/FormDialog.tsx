/**
 * A dialog that sends one request: the modal with Hủy and its submit button in the footer, the error
 * the server gave above the fields (as `showError` reads it), and the send itself (busy while it runs;
 * closed as changed when the answer has data). Used by the entry's update, the assignment's actions and
 * the sending of an issued document to partners.
 */
import { useState, type ReactNode } from 'react';
import Modal from '@cloudscape-design/components/modal';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Button from '@cloudscape-design/components/button';
import Alert from '@cloudscape-design/components/alert';
import { showError, type ShownError } from '../errors';

/** What an openapi-fetch call answers. */
export interface SentRequest {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface FormDialogProps {
  header: string;
  /** The submit button's label (Lưu, Gửi…). */
  submitLabel: string;
  /** The cancel link's label (default Hủy). */
  cancelLabel?: string;
  /** The submit button waits for a choice (nothing chosen yet). */
  submitDisabled?: boolean;
  /** The alert's header when the request fails (Chưa lưu được…). */
  failedHeader: string;
  send(): Promise<SentRequest>;
  onClose(changed: boolean): void;
  /** The fields, given the error shown (its `fields` name each field's problem). */
  children(error: ShownError | null): ReactNode;
}

export function FormDialog({ header, submitLabel, cancelLabel = 'Hủy', submitDisabled = false, failedHeader, send, onClose, children }: FormDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const r = await send();
      if (r.data) onClose(true);
      else setError(showError(r.response.status, r.error as never));
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
      header={header}
      closeAriaLabel="Đóng"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={() => onClose(false)}>
              {cancelLabel}
            </Button>
            <Button variant="primary" disabled={submitDisabled} loading={busy} onClick={() => void submit()}>
              {submitLabel}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        {error && (
          <Alert type="error" header={failedHeader}>
            {error.summary}
            {error.other.length > 0 && <div>{error.other.join('; ')}</div>}
          </Alert>
        )}
        {children(error)}
      </SpaceBetween>
    </Modal>
  );
}
