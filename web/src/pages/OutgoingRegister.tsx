/**
 * Sổ văn bản đi: the outgoing register paged by the server (a cursor per page), filtered by year,
 * status (issued / void), type and issuing body; the clerk takes a number by hand (Cấp số) and
 * downloads the printable register. Only what the API returns for this person is shown.
 */
import { useMemo, useState } from 'react';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import Box from '@cloudscape-design/components/box';
import Alert from '@cloudscape-design/components/alert';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useSession } from '../session';
import { follow } from '../router';
import { formatDate, todayInOffice } from '../format';
import { showError } from '../errors';
import { OUTGOING_ISSUERS, type OutgoingEntry } from '../outgoing';
import { SecrecyBadge, UrgencyBadge } from './entry-badges';
import { RegisterExports } from './RegisterExports';
import { useCursorPages } from '../use-cursor-pages';

const PAGE_SIZE = 20;
const ALL: SelectProps.Option = { value: '', label: 'Tất cả' };

export function OutgoingStatus({ entry }: { entry: Pick<OutgoingEntry, 'status'> }) {
  return entry.status === 'void' ? (
    <StatusIndicator type="stopped" wrapText={false}>
      Đã hủy số
    </StatusIndicator>
  ) : (
    <StatusIndicator type="success" wrapText={false}>
      Đã cấp số
    </StatusIndicator>
  );
}

const columns: TableProps.ColumnDefinition<OutgoingEntry>[] = [
  {
    id: 'numberSymbol',
    header: 'Số, ký hiệu',
    cell: (e) => (
      <Link href={`/van-ban-di/${e.id}`} onFollow={follow}>
        {e.numberSymbol}
      </Link>
    ),
    minWidth: 120,
  },
  { id: 'documentDate', header: 'Ngày văn bản', cell: (e) => formatDate(e.documentDate), minWidth: 110 },
  { id: 'type', header: 'Loại', cell: (e) => e.typeName, minWidth: 100 },
  { id: 'issuer', header: 'Cơ quan ban hành', cell: (e) => e.issuerName, minWidth: 150 },
  { id: 'subject', header: 'Trích yếu', cell: (e) => e.subject, minWidth: 240 },
  { id: 'signer', header: 'Người ký', cell: (e) => e.signer, minWidth: 120 },
  {
    id: 'marks',
    header: 'Mức độ',
    cell: (e) => (
      <SpaceBetween direction="horizontal" size="xxs">
        <SecrecyBadge secrecy={e.secrecy} />
        <UrgencyBadge urgency={e.urgency} />
      </SpaceBetween>
    ),
  },
  { id: 'status', header: 'Tình trạng', cell: (e) => <OutgoingStatus entry={e} />, minWidth: 130 },
];

export function OutgoingRegister() {
  const { api, me } = useSession();
  const thisYear = todayInOffice().slice(0, 4);
  const [filters, setFilters] = useState({ year: thisYear, status: '', typeCode: '', issuerCode: '' });
  const [exportError, setExportError] = useState<string | null>(null);
  const list = useCursorPages<OutgoingEntry>(async (cursor) => {
    const r = await api.GET('/v1/registers/outgoing/entries', {
      params: {
        query: {
          limit: PAGE_SIZE,
          ...(cursor ? { cursor } : {}),
          ...(filters.year ? { year: Number(filters.year) } : {}),
          ...(filters.status ? { status: filters.status as 'issued' | 'void' } : {}),
          ...(filters.typeCode ? { typeCode: filters.typeCode } : {}),
          ...(filters.issuerCode ? { issuerCode: filters.issuerCode } : {}),
        },
      },
    });
    if (!r.data) return { error: showError(r.response.status, r.error).summary };
    return r.data;
  }, JSON.stringify(filters));
  const error = list.error;

  const change = (patch: Partial<typeof filters>) => setFilters((f) => ({ ...f, ...patch }));
  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => String(Number(thisYear) - i)), [thisYear]);
  const yearOption = (y: string): SelectProps.Option => (y ? { value: y, label: y } : { value: '', label: 'Mọi năm' });
  const statusOptions: SelectProps.Option[] = [ALL, { value: 'issued', label: 'Đã cấp số' }, { value: 'void', label: 'Đã hủy số' }];
  const typeOptions: SelectProps.Option[] = [ALL, ...__DOCUMENT_TYPES__.map((t) => ({ value: t.code, label: `${t.name} (${t.code})` }))];
  const issuerOptions: SelectProps.Option[] = [ALL, ...[...new Set(OUTGOING_ISSUERS.map((i) => i.code))].map((code) => ({ value: code, label: code }))];
  const isClerk = me.roles.includes('van-thu');

  return (
    <Table
      variant="full-page"
      columnDefinitions={columns}
      items={list.items}
      loading={list.loading}
      loadingText="Đang tải sổ văn bản đi…"
      trackBy="id"
      wrapLines
      ariaLabels={{ tableLabel: 'Sổ văn bản đi' }}
      empty={
        <Box textAlign="center" color="inherit" padding="l">
          <b>Chưa có văn bản nào</b>
          <Box variant="p" color="inherit">
            Không có văn bản đi nào khớp với bộ lọc.
          </Box>
        </Box>
      }
      header={
        <Header
          variant="awsui-h1-sticky"
          description="Văn bản đi theo số đã cấp; số đã hủy vẫn giữ trong sổ."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel="Tải lại" onClick={list.reload} />
              <RegisterExports register="outgoing" year={filters.year} onError={setExportError} />
              {isClerk && (
                <Button variant="primary" href="/van-ban-di/cap-so" onFollow={follow}>
                  Cấp số
                </Button>
              )}
            </SpaceBetween>
          }
        >
          Sổ văn bản đi
        </Header>
      }
      filter={
        <SpaceBetween size="s">
          <SpaceBetween direction="horizontal" size="s">
            <FormField label="Năm">
              <Select selectedOption={yearOption(filters.year)} options={[yearOption(''), ...years.map(yearOption)]} onChange={(e) => change({ year: e.detail.selectedOption.value ?? '' })} />
            </FormField>
            <FormField label="Tình trạng">
              <Select selectedOption={statusOptions.find((o) => o.value === filters.status) ?? ALL} options={statusOptions} onChange={(e) => change({ status: e.detail.selectedOption.value ?? '' })} />
            </FormField>
            <FormField label="Loại văn bản">
              <Select selectedOption={typeOptions.find((o) => o.value === filters.typeCode) ?? ALL} options={typeOptions} filteringType="auto" onChange={(e) => change({ typeCode: e.detail.selectedOption.value ?? '' })} />
            </FormField>
            <FormField label="Ký hiệu cơ quan">
              <Select selectedOption={issuerOptions.find((o) => o.value === filters.issuerCode) ?? ALL} options={issuerOptions} onChange={(e) => change({ issuerCode: e.detail.selectedOption.value ?? '' })} />
            </FormField>
          </SpaceBetween>
          {error && <Alert type="error" header="Không tải được sổ văn bản đi">{error}</Alert>}
          {exportError && <Alert type="error" header="Không tải được sổ">{exportError}</Alert>}
        </SpaceBetween>
      }
      pagination={<Pagination currentPageIndex={list.page} pagesCount={list.pagesCount} openEnd={list.openEnd} onChange={(e) => list.goTo(e.detail.currentPageIndex)} />}
    />
  );
}
