/**
 * One outgoing entry as the API gives it to this person (404 when above their clearance), and
 * hủy số: the clerk voids the number with a reason; the number stays used, marked void.
 */
import { useEffect, useRef, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Container from '@cloudscape-design/components/container';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Alert from '@cloudscape-design/components/alert';
import Spinner from '@cloudscape-design/components/spinner';
import Flashbar from '@cloudscape-design/components/flashbar';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import FormField from '@cloudscape-design/components/form-field';
import Textarea from '@cloudscape-design/components/textarea';
import Box from '@cloudscape-design/components/box';
import { useSession } from '../session';
import { follow, useLocation } from '../router';
import { formatDate, formatDateTime } from '../format';
import { showError, type ShownError } from '../errors';
import { OUTGOING_LABELS as L, outgoingError, type OutgoingEntry } from '../outgoing';
import { SecrecyBadge, UrgencyBadge } from './entry-badges';
import { OutgoingStatus } from './OutgoingRegister';
import { OutgoingExchange } from './OutgoingExchange';

export function OutgoingDetail({ id }: { id: string }) {
  const { api, me } = useSession();
  const { search } = useLocation();
  const [entry, setEntry] = useState<OutgoingEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(search.get('moi') === '1' ? 'cap-so' : null);
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ShownError | null>(null);
  const [saving, setSaving] = useState(false);
  const voidKey = useRef(crypto.randomUUID());

  useEffect(() => {
    let live = true;
    setEntry(null);
    setError(null);
    api
      .GET('/v1/registers/outgoing/entries/{id}', { params: { path: { id } } })
      .then((r) => {
        if (!live) return;
        if (r.data) setEntry(r.data);
        else setError(showError(r.response.status, r.error).summary);
      })
      .catch(() => live && setError('Không kết nối được với máy chủ; hãy thử lại.'));
    return () => {
      live = false;
    };
  }, [api, id]);

  const doVoid = async () => {
    if (!entry) return;
    setSaving(true);
    setProblem(null);
    try {
      const r = await api.POST('/v1/registers/outgoing/entries/{id}/void', { params: { path: { id } }, body: { reason, version: entry.version }, headers: { 'Idempotency-Key': voidKey.current } });
      if (r.data) {
        setEntry(r.data);
        setVoiding(false);
        setReason('');
        setFlash('huy-so');
        return;
      }
      voidKey.current = crypto.randomUUID();
      setProblem(outgoingError(r.response.status, r.error));
    } catch {
      setProblem({ summary: 'Không kết nối được với máy chủ; hãy thử lại.', fields: {}, other: [] });
    } finally {
      setSaving(false);
    }
  };

  const crumbs = (
    <BreadcrumbGroup
      items={[
        { text: 'Văn bản đi', href: '/van-ban-di' },
        { text: entry ? entry.numberSymbol : 'Văn bản', href: `/van-ban-di/${id}` },
      ]}
      onFollow={follow}
      ariaLabel="Đường dẫn"
    />
  );
  if (error) {
    return (
      <ContentLayout header={<SpaceBetween size="xs">{crumbs}<Header variant="h1">Văn bản đi</Header></SpaceBetween>}>
        <Alert type="error" header="Không mở được văn bản">{error}</Alert>
      </ContentLayout>
    );
  }
  if (!entry) return <Spinner size="large" />;
  const flashText = flash === 'cap-so' ? `Đã cấp số ${entry.numberSymbol} (${entry.scope.label}).` : flash === 'huy-so' ? `Đã hủy số ${entry.numberSymbol}; số này vẫn giữ trong sổ, không cấp lại.` : null;
  return (
    <ContentLayout
      header={
        <SpaceBetween size="xs">
          {crumbs}
          {flashText && <Flashbar items={[{ type: 'success', dismissible: true, dismissLabel: 'Đóng', onDismiss: () => setFlash(null), content: flashText, id: 'thong-bao' }]} />}
          <Header
            variant="h1"
            description={entry.subject}
            info={
              <SpaceBetween direction="horizontal" size="xxs">
                <SecrecyBadge secrecy={entry.secrecy} />
                <UrgencyBadge urgency={entry.urgency} />
              </SpaceBetween>
            }
            actions={
              me.roles.includes('van-thu') && entry.status === 'issued' ? (
                <Button onClick={() => (setReason(''), setProblem(null), setVoiding(true))}>Hủy số</Button>
              ) : undefined
            }
          >
            Số {entry.numberSymbol}
          </Header>
        </SpaceBetween>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Thông tin văn bản</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Số, ký hiệu', value: entry.numberSymbol },
              { label: 'Sổ (phạm vi cấp số)', value: entry.scope.label },
              { label: 'Tình trạng', value: <OutgoingStatus entry={entry} /> },
              { label: L.documentDate, value: formatDate(entry.documentDate) },
              { label: L.typeCode, value: `${entry.typeName} (${entry.typeCode})` },
              { label: L.issuerCode, value: `${entry.issuerName} (${entry.issuerCode})` },
              { label: L.subject, value: entry.subject },
              { label: L.signer, value: entry.signer },
              { label: L.recipients, value: entry.recipients.length ? entry.recipients.join('; ') : '—' },
              { label: L.secrecy, value: entry.secrecy ? <SecrecyBadge secrecy={entry.secrecy} /> : 'Không mật' },
              { label: L.urgency, value: entry.urgency ? <UrgencyBadge urgency={entry.urgency} /> : 'Thường' },
              { label: L.copies, value: entry.copies ?? '—' },
              { label: L.filing, value: entry.filing ?? '—' },
              { label: L.note, value: entry.note ?? '—' },
              { label: 'Người cấp số', value: `${entry.createdBy.username}, ${formatDateTime(entry.createdAt)}` },
              ...(entry.status === 'void'
                ? [
                    { label: L.reason, value: entry.voidReason ?? '—' },
                    { label: 'Người hủy số', value: `${entry.voidedBy?.username ?? '—'}, ${formatDateTime(entry.voidedAt)}` },
                  ]
                : []),
            ]}
          />
        </Container>
        <OutgoingExchange entryId={entry.id} canSend={me.roles.includes('van-thu') && entry.status === 'issued'} />
      </SpaceBetween>
      <Modal
        visible={voiding}
        onDismiss={() => setVoiding(false)}
        header={`Hủy số ${entry.numberSymbol}`}
        closeAriaLabel="Đóng"
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setVoiding(false)}>
                Không hủy
              </Button>
              <Button variant="primary" loading={saving} loadingText="Đang hủy số" onClick={() => void doVoid()}>
                Xác nhận hủy số
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        <SpaceBetween size="m">
          <Box>Số đã hủy vẫn được giữ trong sổ văn bản đi và không được cấp lại cho văn bản khác.</Box>
          <FormField label={L.reason} errorText={problem?.fields.reason}>
            <Textarea value={reason} onChange={(e) => (setReason(e.detail.value), setProblem(null))} rows={3} />
          </FormField>
          {problem && <Alert type="error">{[problem.summary, ...problem.other].join(' ')}</Alert>}
        </SpaceBetween>
      </Modal>
    </ContentLayout>
  );
}
