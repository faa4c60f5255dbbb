/**
 * Liên thông on the outgoing entry page: where the document went (one row per partner: status,
 * số đến, reason, times) and, for the văn thư, the "Gửi liên thông" dialog that sends it to
 * partners chosen from `GET /v1/exchange/recipients`.
 */
import { useCallback, useEffect, useState } from 'react';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Box from '@cloudscape-design/components/box';
import Alert from '@cloudscape-design/components/alert';
import { useSession } from '../session';
import { formatDateTime } from '../format';
import { showError } from '../errors';
import { FormDialog } from './FormDialog';

const STATUS: Record<string, string> = {
  queued: 'Đang chờ gửi',
  sent: 'Đã gửi',
  received: 'Đã đến',
  registered: 'Đã vào sổ',
  returned: 'Bị trả lại',
  recalled: 'Đã thu hồi',
  failed: 'Gửi không được',
};

interface Delivery {
  partnerId: string;
  status: string;
  arrivalNumber?: number;
  reason?: string;
  at: string;
}

export function OutgoingExchange({ entryId, canSend }: { entryId: string; canSend: boolean }) {
  const { api } = useSession();
  const [items, setItems] = useState<Delivery[]>([]);
  const [recipients, setRecipients] = useState<{ id: string; name: string; encryptedChannel: boolean }[]>([]);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.GET('/v1/registers/outgoing/entries/{id}/deliveries', { params: { path: { id: entryId } } });
    if (r.data) setItems(r.data.items);
  }, [api, entryId]);
  useEffect(() => void load().catch(() => undefined), [load]);

  const openDialog = async () => {
    setProblem(null);
    setChosen([]);
    const r = await api.GET('/v1/exchange/recipients');
    if (r.data) setRecipients(r.data.items);
    else setProblem(showError(r.response.status, r.error).summary);
    setOpen(true);
  };

  return (
    <Container
      header={
        <Header variant="h2" actions={canSend ? <Button onClick={() => void openDialog()}>Gửi liên thông</Button> : undefined}>
          Gửi liên thông
        </Header>
      }
    >
      <Table
        variant="embedded"
        ariaLabels={{ tableLabel: 'Các nơi đã gửi liên thông' }}
        items={items}
        empty={<Box>Chưa gửi liên thông tới đơn vị nào.</Box>}
        columnDefinitions={[
          { id: 'partner', header: 'Đơn vị nhận', cell: (d) => d.partnerId },
          { id: 'status', header: 'Tình trạng', cell: (d) => STATUS[d.status] ?? d.status },
          { id: 'number', header: 'Số đến', cell: (d) => d.arrivalNumber ?? '—' },
          { id: 'reason', header: 'Lý do', cell: (d) => d.reason ?? '—' },
          { id: 'at', header: 'Thời điểm', cell: (d) => formatDateTime(d.at) },
        ]}
      />
      {open && (
        <FormDialog
          header="Gửi liên thông"
          submitLabel="Gửi"
          cancelLabel="Không gửi"
          submitDisabled={!chosen.length}
          failedHeader="Chưa gửi được"
          send={() => api.POST('/v1/registers/outgoing/entries/{id}/send', { params: { path: { id: entryId } }, body: { to: chosen } })}
          onClose={(changed) => {
            setOpen(false);
            if (changed) void load().catch(() => undefined);
          }}
        >
          {() => (
            <SpaceBetween size="s">
              {recipients.map((p) => (
                <Checkbox key={p.id} checked={chosen.includes(p.id)} onChange={(e) => setChosen((c) => (e.detail.checked ? [...c, p.id] : c.filter((x) => x !== p.id)))}>
                  {p.name}
                  {p.encryptedChannel ? ' (kênh mã hóa)' : ''}
                </Checkbox>
              ))}
              {problem && <Alert type="error">{problem}</Alert>}
            </SpaceBetween>
          )}
        </FormDialog>
      )}
    </Container>
  );
}
