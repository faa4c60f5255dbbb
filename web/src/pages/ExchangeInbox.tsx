/**
 * Văn bản điện tử đến: the clerk's electronic inbox (GET /v1/exchange/inbox), what partner offices
 * sent over the exchange. Each item opens with its envelope's fields and the PDF's signatures as
 * this office verified them; a new one is registered in one step (the next số đến, fields from the
 * envelope) or returned to its sender with a reason. A recalled one (thu hồi) is shown frozen.
 */
import { useCallback, useEffect, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Button from '@cloudscape-design/components/button';
import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import FormField from '@cloudscape-design/components/form-field';
import Textarea from '@cloudscape-design/components/textarea';
import Box from '@cloudscape-design/components/box';
import type { Schemas } from '../api/client';
import { useSession } from '../session';
import { formatDate, formatDateTime } from '../format';
import { SECRECY_LABELS, URGENCY_LABELS } from '../labels';
import { showError } from '../errors';
import { saveBlob } from '../save-file';
import { attachmentName } from '../download';

type Item = Schemas['ExchangeInboxItem'];
type Status = Item['status'];

const STATUS: Record<Status, { label: string; type: StatusIndicatorProps.Type }> = {
  new: { label: 'Mới đến', type: 'info' },
  registered: { label: 'Đã vào sổ', type: 'success' },
  returned: { label: 'Đã trả lại', type: 'stopped' },
  recalled: { label: 'Bị thu hồi', type: 'warning' },
};
const FILTERS = [{ value: '', label: 'Tất cả' }, ...(Object.keys(STATUS) as Status[]).map((s) => ({ value: s, label: STATUS[s].label }))];

function signatureText(item: Item): string {
  if (!item.hasDocument) return 'Không kèm tệp (văn bản mật: bản giấy qua đường cơ yếu)';
  if (!item.signatures.length) return 'Tệp không có chữ ký số';
  return item.signatures
    .map((s) => `${s.signer ?? 'Không rõ'}${s.organisation ? ` (${s.organisation})` : ''}: ${s.intact && s.chain === 'trusted' ? 'hợp lệ' : s.intact ? 'nguyên vẹn, chứng thư chưa được tin cậy' : 'KHÔNG hợp lệ'}${s.coversWholeDocument ? '' : ', có nội dung thêm sau khi ký'}`)
    .join('; ');
}

function ItemDetail({ item, onChanged }: { item: Item; onChanged(updated: Item): void }) {
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'register' | 'return' | 'pdf' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = async (what: 'register' | 'return') => {
    setBusy(what);
    setError(null);
    const params = { params: { path: { id: item.id } } };
    const r = what === 'register' ? await api.POST('/v1/exchange/inbox/{id}/register', { ...params, body: {} }).catch(() => null) : await api.POST('/v1/exchange/inbox/{id}/return', { ...params, body: { reason: reason.trim() } }).catch(() => null);
    setBusy(null);
    if (!r) return setError('Không kết nối được máy chủ.');
    if (!r.data) return setError(((r.error as { error?: { message?: string } } | undefined)?.error?.message ?? showError(r.response.status, r.error as never).summary));
    if (what === 'register') {
      const entry = r.data as { id: string; arrivalNumber: number };
      setDone(`Đã vào sổ văn bản đến, số đến ${entry.arrivalNumber}.`);
      onChanged({ ...item, status: 'registered', entryId: entry.id, arrivalNumber: entry.arrivalNumber });
    } else {
      setDone('Đã trả lại văn bản cho nơi gửi.');
      onChanged(r.data as Item);
    }
  };
  const pdf = async () => {
    setBusy('pdf');
    const r = await api.GET('/v1/exchange/inbox/{id}/document', { params: { path: { id: item.id } }, parseAs: 'blob' }).catch(() => null);
    setBusy(null);
    if (!r?.data) return setError('Không tải được tệp văn bản.');
    saveBlob(r.data as Blob, attachmentName(r.response.headers.get('content-disposition'), `${item.numberSymbol}.pdf`));
  };
  return (
    <Container header={<Header variant="h2" actions={item.hasDocument ? <Button loading={busy === 'pdf'} onClick={() => void pdf()}>Tải tệp văn bản</Button> : undefined}>{`${item.numberSymbol} — ${item.subject}`}</Header>}>
      <SpaceBetween size="l">
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Nơi gửi', value: item.fromName },
            { label: 'Số, ký hiệu', value: item.numberSymbol },
            { label: 'Ngày văn bản', value: formatDate(item.documentDate) },
            { label: 'Người ký', value: item.signer ?? '—' },
            { label: 'Độ mật', value: item.secrecy ? SECRECY_LABELS[item.secrecy] : 'Thường' },
            { label: 'Độ khẩn', value: item.urgency ? URGENCY_LABELS[item.urgency] : 'Thường' },
            { label: 'Nhận lúc', value: formatDateTime(item.receivedAt) },
            { label: 'Trạng thái', value: <StatusIndicator type={STATUS[item.status].type}>{STATUS[item.status].label}</StatusIndicator> },
            { label: 'Chữ ký số', value: signatureText(item) },
            ...(item.arrivalNumber !== null ? [{ label: 'Số đến', value: String(item.arrivalNumber) }] : []),
            ...(item.reason ? [{ label: item.status === 'recalled' ? 'Lý do thu hồi' : 'Lý do trả lại', value: item.reason }] : []),
          ]}
        />
        {done && <Alert type="success">{done}</Alert>}
        {error && <Alert type="error" header="Không thực hiện được">{error}</Alert>}
        {item.status === 'recalled' && <Alert type="warning" header="Văn bản đã bị nơi gửi thu hồi">Bản này bị khóa: không vào sổ, không xử lý tiếp.</Alert>}
        {item.status === 'new' && (
          <SpaceBetween size="m">
            <Button variant="primary" loading={busy === 'register'} onClick={() => void act('register')}>Vào sổ văn bản đến</Button>
            <FormField label="Lý do trả lại" description="Nơi gửi nhận được lý do này.">
              <Textarea value={reason} onChange={(e) => setReason(e.detail.value)} rows={2} />
            </FormField>
            <Button loading={busy === 'return'} disabled={!reason.trim()} onClick={() => void act('return')}>Trả lại nơi gửi</Button>
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}

export function ExchangeInbox() {
  const { api } = useSession();
  const [status, setStatus] = useState<string>('new');
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The open item stays open after an action, though the list (filtered by status) may no longer hold it.
  const [current, setCurrent] = useState<Item | null>(null);
  const load = useCallback(async () => {
    setError(null);
    const r = await api.GET('/v1/exchange/inbox', { params: { query: { limit: 200, ...(status ? { status: status as Status } : {}) } } }).catch(() => null);
    if (!r?.data) return setError('Không tải được hộp thư liên thông.');
    setItems(r.data.items);
  }, [api, status]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <ContentLayout header={<Header variant="h1" description="Văn bản các cơ quan gửi qua liên thông; vào sổ một bước hoặc trả lại nơi gửi" actions={<Button iconName="refresh" onClick={() => void load()}>Tải lại</Button>}>Văn bản điện tử đến</Header>}>
      <SpaceBetween size="l">
        {error && <Alert type="error">{error}</Alert>}
        <Table
          header={<Header variant="h2" counter={items ? `(${items.length})` : undefined}>Hộp thư liên thông</Header>}
          filter={<FormField label="Trạng thái"><Select selectedOption={FILTERS.find((f) => f.value === status) ?? FILTERS[0]!} options={FILTERS} onChange={(e) => setStatus(e.detail.selectedOption.value ?? '')} /></FormField>}
          loading={items === null && !error}
          loadingText="Đang tải"
          items={items ?? []}
          selectionType="single"
          selectedItems={current ? [current] : []}
          onSelectionChange={(e) => setCurrent(e.detail.selectedItems[0] ?? null)}
          trackBy="id"
          ariaLabels={{ itemSelectionLabel: (_, i) => `Chọn ${i.numberSymbol}`, selectionGroupLabel: 'Văn bản đến qua liên thông' }}
          empty={<Box textAlign="center">Không có văn bản nào.</Box>}
          columnDefinitions={[
            { id: 'from', header: 'Nơi gửi', cell: (i) => i.fromName },
            { id: 'numberSymbol', header: 'Số, ký hiệu', cell: (i) => i.numberSymbol },
            { id: 'documentDate', header: 'Ngày văn bản', cell: (i) => formatDate(i.documentDate) },
            { id: 'subject', header: 'Trích yếu', cell: (i) => i.subject },
            { id: 'receivedAt', header: 'Nhận lúc', cell: (i) => formatDateTime(i.receivedAt) },
            { id: 'status', header: 'Trạng thái', cell: (i) => <StatusIndicator type={STATUS[i.status].type}>{STATUS[i.status].label}</StatusIndicator> },
          ]}
        />
        {current && (
          <ItemDetail
            key={current.id}
            item={current}
            onChanged={(updated) => {
              setCurrent(updated);
              void load();
            }}
          />
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
