/** One incoming entry as the API gives it to this person (404 when above their clearance). */
import { useEffect, useState } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Container from '@cloudscape-design/components/container';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Alert from '@cloudscape-design/components/alert';
import Spinner from '@cloudscape-design/components/spinner';
import Flashbar from '@cloudscape-design/components/flashbar';
import type { IncomingEntry } from '../api/client';
import { useSession } from '../session';
import { follow, useLocation } from '../router';
import { formatDate, formatDateTime } from '../format';
import { FIELD_LABELS } from '../labels';
import { showError } from '../errors';
import { DueText, SecrecyBadge, StatusText, UrgencyBadge } from './entry-badges';
import { IncomingInstruction } from './IncomingInstruction';

export function IncomingDetail({ id }: { id: string }) {
  const { api } = useSession();
  const { search } = useLocation();
  const [entry, setEntry] = useState<IncomingEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [flashGone, setFlashGone] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setEntry(null);
    setError(null);
    api
      .GET('/v1/registers/incoming/entries/{id}', { params: { path: { id } } })
      .then((r) => {
        if (!live) return;
        if (r.data) setEntry(r.data);
        else setError(showError(r.response.status, r.error).summary);
      })
      .catch(() => live && setError('Không kết nối được với máy chủ; hãy thử lại.'));
    return () => {
      live = false;
    };
  }, [api, id, tick]);

  const crumbs = (
    <BreadcrumbGroup
      items={[
        { text: 'Văn bản đến', href: '/van-ban-den' },
        { text: entry ? `Số đến ${entry.arrivalNumber}` : 'Văn bản', href: `/van-ban-den/${id}` },
      ]}
      onFollow={follow}
      ariaLabel="Đường dẫn"
    />
  );
  if (error) {
    return (
      <ContentLayout header={<SpaceBetween size="xs">{crumbs}<Header variant="h1">Văn bản đến</Header></SpaceBetween>}>
        <Alert type="error" header="Không mở được văn bản">{error}</Alert>
      </ContentLayout>
    );
  }
  if (!entry) return <Spinner size="large" />;
  const justRegistered = search.get('moi') === '1' && !flashGone;
  return (
    <ContentLayout
      header={
        <SpaceBetween size="xs">
          {crumbs}
          {justRegistered && (
            <Flashbar
              items={[{ type: 'success', dismissible: true, dismissLabel: 'Đóng', onDismiss: () => setFlashGone(true), content: `Đã vào sổ văn bản đến, số đến ${entry.arrivalNumber}/${entry.arrivalYear}.`, id: 'da-vao-so' }]}
            />
          )}
          <Header
            variant="h1"
            description={entry.subject}
            info={
              <SpaceBetween direction="horizontal" size="xxs">
                <SecrecyBadge secrecy={entry.secrecy} />
                <UrgencyBadge urgency={entry.urgency} />
              </SpaceBetween>
            }
          >
            Số đến {entry.arrivalNumber} — {entry.numberSymbol}
          </Header>
        </SpaceBetween>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Thông tin văn bản</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: FIELD_LABELS.arrivalNumber, value: `${entry.arrivalNumber}/${entry.arrivalYear}${entry.book === 'secret' ? ' (sổ mật)' : ''}` },
              { label: FIELD_LABELS.arrivalDate, value: formatDateTime(entry.arrivedAt) },
              { label: FIELD_LABELS.numberSymbol, value: entry.numberSymbol },
              { label: FIELD_LABELS.documentDate, value: formatDate(entry.documentDate) },
              { label: FIELD_LABELS.issuer, value: entry.issuer },
              { label: FIELD_LABELS.typeCode, value: `${entry.typeName} (${entry.typeCode})` },
              { label: FIELD_LABELS.subject, value: entry.subject },
              { label: FIELD_LABELS.secrecy, value: entry.secrecy ? <SecrecyBadge secrecy={entry.secrecy} /> : 'Không mật' },
              { label: FIELD_LABELS.urgency, value: entry.urgency ? <UrgencyBadge urgency={entry.urgency} /> : 'Thường' },
              { label: FIELD_LABELS.recipients, value: entry.recipients.length ? entry.recipients.join('; ') : '—' },
              { label: FIELD_LABELS.note, value: entry.note ?? '—' },
              ...(entry.duplicateOf ? [{ label: 'Đăng ký lại', value: 'Văn bản này đã được vào sổ trước đó' }] : []),
            ]}
          />
        </Container>
        <Container header={<Header variant="h2">Xử lý</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: FIELD_LABELS.status, value: <StatusText entry={entry} /> },
              { label: FIELD_LABELS.handler, value: entry.handler ?? 'Chưa giao' },
              { label: FIELD_LABELS.dueDate, value: <DueText entry={entry} /> },
              { label: 'Ngày giao', value: formatDateTime(entry.assignedAt) },
              { label: 'Ngày xử lý xong', value: formatDateTime(entry.doneAt) },
              { label: 'Người vào sổ', value: entry.createdBy.username },
            ]}
          />
        </Container>
        <IncomingInstruction entry={entry} onGiven={() => setTick((t) => t + 1)} />
      </SpaceBetween>
    </ContentLayout>
  );
}
