/**
 * Nhật ký hệ thống: the audit log (GET /v1/audit, paged by the API's cursor, filtered by object and
 * days) and the hash chain's verification (GET /v1/audit/verify), its result in one plain sentence.
 */
import { useCallback, useEffect, useState } from 'react';
import Table from '@cloudscape-design/components/table';
import Pagination from '@cloudscape-design/components/pagination';
import Header from '@cloudscape-design/components/header';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Alert from '@cloudscape-design/components/alert';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import type { Schemas } from '../api/client';
import { useSession } from '../session';
import { formatDateTime, parseDayInput } from '../format';
import { actionText, adminRefusal, auditVerdict, dayBoundary, type Verify } from '../admin';
import { ROLE_LABELS, type Role } from '../labels';
import { useCursorPages } from '../use-cursor-pages';

type Event = Schemas['AuditEvent'];
const PAGE = 50;

function Change({ e }: { e: Event }) {
  if (e.redacted) return <Box color="text-status-inactive">Nội dung vượt quá độ mật của bạn</Box>;
  return (
    <ExpandableSection headerText="Trước / sau" variant="footer">
      {/* The console's font, not a monospace one: those drew Vietnamese stacked diacritics apart (screenshots). */}
      <Box fontSize="body-s"><span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{`Trước: ${JSON.stringify(e.before)}\nSau: ${JSON.stringify(e.after)}`}</span></Box>
    </ExpandableSection>
  );
}

export function AuditLog() {
  const { api } = useSession();
  const [verify, setVerify] = useState<Verify | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [entityId, setEntityId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filters, setFilters] = useState<{ entityId?: string; from?: string; to?: string }>({});
  const [filterError, setFilterError] = useState<string | null>(null);

  const check = useCallback(() => {
    setChecking(true);
    setVerifyError(null);
    api.GET('/v1/audit/verify').then((r) => (r.data ? setVerify(r.data) : setVerifyError(adminRefusal(r.response.status, r.error))), () => setVerifyError('Không kết nối được máy chủ.')).finally(() => setChecking(false));
  }, [api]);
  useEffect(check, [check]);

  const list = useCursorPages<Event>(async (cursor) => {
    const r = await api.GET('/v1/audit', { params: { query: { limit: PAGE, ...filters, ...(cursor ? { cursor } : {}) } } });
    return r.data ? r.data : { error: adminRefusal(r.response.status, r.error) };
  }, JSON.stringify(filters));
  const error = filterError ?? list.error;

  const apply = () => {
    const f: typeof filters = {};
    if (entityId.trim()) f.entityId = entityId.trim();
    for (const [text, key, end] of [[from, 'from', false], [to, 'to', true]] as const) {
      if (!text.trim()) continue;
      const day = parseDayInput(text);
      const at = day && dayBoundary(day, end);
      if (!at) return setFilterError('Ngày lọc phải có dạng ngày/tháng/năm.');
      f[key] = at;
    }
    setFilterError(null);
    setFilters(f);
  };

  const verdict = verify ? auditVerdict(verify) : null;
  return (
    <SpaceBetween size="l">
      <div role="region" aria-label="Kiểm tra tính toàn vẹn của nhật ký">
        {verifyError ? (
          <Alert type="error">{verifyError}</Alert>
        ) : (
          <Alert type={verdict?.type ?? 'info'} header="Kiểm tra tính toàn vẹn của nhật ký" action={<Button loading={checking} onClick={check}>Kiểm tra lại</Button>}>
            {verdict ? verdict.text : 'Đang kiểm tra chuỗi băm…'}
            {verify && verify.problems.length > 0 && (
              <ul>{verify.problems.slice(0, 20).map((p) => <li key={`${p.seq}-${p.kind}`}>Sự kiện số {p.seq}: {p.message}</li>)}</ul>
            )}
          </Alert>
        )}
      </div>
      {error && <Alert type="error">{error}</Alert>}
      <Table
        ariaLabels={{ tableLabel: 'Nhật ký hệ thống' }}
        header={
          <Header
            variant="h2"
            description="Mọi thay đổi: ai, làm gì, lúc nào, trước và sau; cũ trước, mới sau."
          >
            Nhật ký hệ thống
          </Header>
        }
        filter={
          <SpaceBetween direction="horizontal" size="s" alignItems="end">
            <FormField label="Đối tượng (mã)"><Input value={entityId} onChange={(e) => setEntityId(e.detail.value)} placeholder="ví dụ: chuyenvien2" /></FormField>
            <FormField label="Từ ngày"><Input value={from} onChange={(e) => setFrom(e.detail.value)} placeholder="dd/mm/yyyy" /></FormField>
            <FormField label="Đến ngày"><Input value={to} onChange={(e) => setTo(e.detail.value)} placeholder="dd/mm/yyyy" /></FormField>
            <Button onClick={apply}>Lọc</Button>
          </SpaceBetween>
        }
        loading={list.loading}
        loadingText="Đang tải nhật ký…"
        items={list.items}
        pagination={<Pagination currentPageIndex={list.page} pagesCount={list.pagesCount} openEnd={list.openEnd} onChange={(e) => list.goTo(e.detail.currentPageIndex)} />}
        trackBy="eventId"
        empty={<Box textAlign="center">Không có sự kiện nào.</Box>}
        columnDefinitions={[
          { id: 'seq', header: 'Số', cell: (e) => e.seq ?? '—' },
          { id: 'at', header: 'Thời điểm', cell: (e) => formatDateTime(e.at) },
          { id: 'who', header: 'Người thực hiện', cell: (e) => `${e.actor.username}${e.actor.roles.length ? ` (${e.actor.roles.map((r) => ROLE_LABELS[r as Role] ?? r).join(', ')})` : ''}` },
          { id: 'what', header: 'Thao tác', cell: (e) => actionText(e.action) },
          { id: 'obj', header: 'Đối tượng', cell: (e) => `${e.entityType}: ${e.entityId}` },
          { id: 'chg', header: 'Nội dung', cell: (e) => <Change e={e} /> },
        ]}
      />
    </SpaceBetween>
  );
}
