/**
 * Sổ văn bản đến: the incoming register, paged by the server (cursor per page), filtered by
 * year, status, type, dates and overdue; a search (with or without diacritics) goes to
 * /v1/search and shows the hits' entries. Only what the API returns for this person is shown.
 */
import { useMemo, useState } from 'react';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import TextFilter from '@cloudscape-design/components/text-filter';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import Input from '@cloudscape-design/components/input';
import FormField from '@cloudscape-design/components/form-field';
import Checkbox from '@cloudscape-design/components/checkbox';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import Box from '@cloudscape-design/components/box';
import Alert from '@cloudscape-design/components/alert';
import type { IncomingEntry } from '../api/client';
import { useSession } from '../session';
import { follow } from '../router';
import { formatDate, parseDayInput, todayInOffice } from '../format';
import { FIELD_LABELS, STATUS_LABELS, type IncomingStatus } from '../labels';
import { showError } from '../errors';
import { DueText, SecrecyBadge, StatusText, UrgencyBadge } from './entry-badges';
import { RegisterExports } from './RegisterExports';
import { useCursorPages } from '../use-cursor-pages';

const PAGE_SIZE = 20;
const ALL: SelectProps.Option = { value: '', label: 'Tất cả' };

interface Filters {
  year: string;
  status: string;
  typeCode: string;
  from: string;
  to: string;
  overdue: boolean;
  q: string;
}

const columns: TableProps.ColumnDefinition<IncomingEntry>[] = [
  {
    id: 'arrivalNumber',
    header: FIELD_LABELS.arrivalNumber,
    cell: (e) => (
      <Link href={`/van-ban-den/${e.id}`} onFollow={follow} ariaLabel={`Số đến ${e.arrivalNumber}${e.book === 'secret' ? ' sổ mật' : ''}, ${e.numberSymbol}`}>
        {e.arrivalNumber}
        {e.book === 'secret' ? ' (sổ mật)' : ''}
      </Link>
    ),
    minWidth: 90,
  },
  { id: 'arrivalDate', header: FIELD_LABELS.arrivalDate, cell: (e) => formatDate(e.arrivalDate), minWidth: 110 },
  {
    id: 'numberSymbol',
    header: 'Số, ký hiệu; ngày văn bản',
    cell: (e) => (
      <>
        <Box fontWeight="bold">{e.numberSymbol}</Box>
        <Box variant="small">ngày {formatDate(e.documentDate)}</Box>
      </>
    ),
    minWidth: 140,
  },
  { id: 'issuer', header: 'Tác giả', cell: (e) => e.issuer, minWidth: 140 },
  { id: 'subject', header: FIELD_LABELS.subject, cell: (e) => e.subject, minWidth: 240 },
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
  { id: 'dueDate', header: 'Hạn xử lý', cell: (e) => <DueText entry={e} />, minWidth: 120 },
  {
    id: 'status',
    header: 'Tình trạng, người xử lý',
    cell: (e) => (
      <>
        <StatusText entry={e} />
        {e.handler && <Box variant="small">{e.handler}</Box>}
      </>
    ),
    minWidth: 150,
  },
];

export function IncomingRegister() {
  const { api, me } = useSession();
  const thisYear = todayInOffice().slice(0, 4);
  const [filters, setFilters] = useState<Filters>({ year: thisYear, status: '', typeCode: '', from: '', to: '', overdue: false, q: '' });
  const [draftQ, setDraftQ] = useState('');
  const [exportError, setExportError] = useState<string | null>(null);

  const dateProblem = (v: string) => (v && !parseDayInput(v) ? 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/12/2026' : undefined);

  const list = useCursorPages<IncomingEntry>(async (cursor) => {
    if (dateProblem(filters.from) || dateProblem(filters.to)) return { items: [], nextCursor: null };
    const from = parseDayInput(filters.from);
    const to = parseDayInput(filters.to);
    if (filters.q) {
      const r = await api.GET('/v1/search', {
        params: { query: { q: filters.q, register: 'incoming', limit: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(filters.year ? { year: Number(filters.year) } : {}), ...(filters.typeCode ? { typeCode: filters.typeCode } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) } },
      });
      if (!r.data) return { error: showError(r.response.status, r.error).summary };
      // A hit carries no secrecy or deadline: the page's entries are read one by one (each visible to this person, or left out).
      const entries = await Promise.all(r.data.items.map((h) => api.GET('/v1/registers/incoming/entries/{id}', { params: { path: { id: h.id } } })));
      return { items: entries.flatMap((e) => (e.data ? [e.data] : [])), nextCursor: r.data.nextCursor };
    }
    const r = await api.GET('/v1/registers/incoming/entries', {
      params: {
        query: {
          limit: PAGE_SIZE,
          ...(cursor ? { cursor } : {}),
          ...(filters.year ? { year: Number(filters.year) } : {}),
          ...(filters.status ? { status: filters.status as IncomingStatus } : {}),
          ...(filters.typeCode ? { typeCode: filters.typeCode } : {}),
          ...(filters.overdue ? { overdue: 'true' as const } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        },
      },
    });
    if (!r.data) return { error: showError(r.response.status, r.error).summary };
    return r.data;
  }, JSON.stringify(filters));
  const error = list.error ?? exportError;

  const change = (patch: Partial<Filters>) => {
    setExportError(null);
    setFilters((f) => ({ ...f, ...patch }));
  };

  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => String(Number(thisYear) - i)), [thisYear]);
  const yearOption = (y: string): SelectProps.Option => (y ? { value: y, label: y } : { value: '', label: 'Mọi năm' });
  const statusOptions: SelectProps.Option[] = [ALL, ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))];
  const typeOptions: SelectProps.Option[] = [ALL, ...__DOCUMENT_TYPES__.map((t) => ({ value: t.code, label: `${t.name} (${t.code})` }))];
  const isClerk = me.roles.includes('van-thu');

  return (
    <Table
      variant="full-page"
      columnDefinitions={columns}
      items={list.items}
      loading={list.loading}
      loadingText="Đang tải sổ văn bản đến…"
      trackBy="id"
      wrapLines
      ariaLabels={{ tableLabel: 'Sổ văn bản đến' }}
      empty={
        <Box textAlign="center" color="inherit" padding="l">
          <b>{filters.q ? 'Không tìm thấy văn bản nào' : 'Chưa có văn bản nào'}</b>
          <Box variant="p" color="inherit">
            {filters.q ? 'Thử từ khóa khác, có dấu hoặc không dấu.' : 'Không có văn bản đến nào khớp với bộ lọc.'}
          </Box>
        </Box>
      }
      header={
        <Header
          variant="awsui-h1-sticky"
          description="Văn bản đến theo thứ tự số đến; có thể lọc, tìm theo số, ký hiệu hoặc trích yếu (có dấu hoặc không dấu)."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel="Tải lại" onClick={list.reload} />
              <RegisterExports register="incoming" year={filters.year} onError={setExportError} />
              {isClerk && (
                <Button variant="primary" href="/van-ban-den/vao-so" onFollow={follow}>
                  Vào sổ văn bản
                </Button>
              )}
            </SpaceBetween>
          }
        >
          Sổ văn bản đến
        </Header>
      }
      filter={
        <SpaceBetween size="s">
          <form
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              change({ q: draftQ.trim() });
            }}
          >
            <SpaceBetween direction="horizontal" size="xs">
              <TextFilter
                filteringText={draftQ}
                filteringPlaceholder="Tìm theo số, ký hiệu, trích yếu…"
                filteringAriaLabel="Tìm văn bản đến"
                filteringClearAriaLabel="Xóa nội dung tìm"
                onChange={(e) => {
                  setDraftQ(e.detail.filteringText);
                  if (!e.detail.filteringText) change({ q: '' });
                }}
              />
              <Button formAction="submit">Tìm</Button>
            </SpaceBetween>
          </form>
          <SpaceBetween direction="horizontal" size="s">
            <FormField label="Năm">
              <Select selectedOption={yearOption(filters.year)} options={[yearOption(''), ...years.map(yearOption)]} onChange={(e) => change({ year: e.detail.selectedOption.value ?? '' })} />
            </FormField>
            <FormField label="Tình trạng">
              <Select selectedOption={statusOptions.find((o) => o.value === filters.status) ?? ALL} options={statusOptions} disabled={Boolean(filters.q)} onChange={(e) => change({ status: e.detail.selectedOption.value ?? '' })} />
            </FormField>
            <FormField label="Loại văn bản">
              <Select selectedOption={typeOptions.find((o) => o.value === filters.typeCode) ?? ALL} options={typeOptions} filteringType="auto" onChange={(e) => change({ typeCode: e.detail.selectedOption.value ?? '' })} />
            </FormField>
            <FormField label="Từ ngày" errorText={dateProblem(filters.from)}>
              <Input value={filters.from} placeholder="dd/mm/yyyy" onChange={(e) => change({ from: e.detail.value })} />
            </FormField>
            <FormField label="Đến ngày" errorText={dateProblem(filters.to)}>
              <Input value={filters.to} placeholder="dd/mm/yyyy" onChange={(e) => change({ to: e.detail.value })} />
            </FormField>
            <FormField label="Hạn xử lý">
              <Checkbox checked={filters.overdue} disabled={Boolean(filters.q)} onChange={(e) => change({ overdue: e.detail.checked })}>
                Chỉ văn bản quá hạn
              </Checkbox>
            </FormField>
          </SpaceBetween>
          {error && <Alert type="error" header="Không tải được sổ văn bản đến">{error}</Alert>}
        </SpaceBetween>
      }
      pagination={<Pagination currentPageIndex={list.page} pagesCount={list.pagesCount} openEnd={list.openEnd} onChange={(e) => list.goTo(e.detail.currentPageIndex)} />}
    />
  );
}
