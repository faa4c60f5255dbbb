/** How a draft's parts look wherever they are shown: status, due time, precheck findings, history, the text itself. */
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Box from '@cloudscape-design/components/box';
import Table from '@cloudscape-design/components/table';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { formatDateTime } from '../format';
import { DRAFT_STATUS_LABELS, SEVERITY_LABELS, withoutEnglishGloss, decisionLabel, dueState, sortFindings, stepLabel, type Draft, type DraftStatus } from '../drafts';
import { ROLE_LABELS, type Role } from '../labels';

const STATUS_TYPE: Record<DraftStatus, StatusIndicatorProps.Type> = {
  precheck: 'loading',
  appraisal: 'pending',
  revision: 'warning',
  approval: 'pending',
  issued: 'success',
  rejected: 'stopped',
  expired: 'error',
};

export function DraftStatusText({ status }: { status: DraftStatus }) {
  return (
    <StatusIndicator type={STATUS_TYPE[status]} wrapText={false}>
      {DRAFT_STATUS_LABELS[status]}
    </StatusIndicator>
  );
}

/** A due instant, marked when overdue (red) or within a day (amber). */
export function DueAt({ dueAt, now = new Date() }: { dueAt: string | undefined | null; now?: Date }) {
  if (!dueAt) return <>—</>;
  const state = dueState(dueAt, now);
  if (state === 'overdue') return <StatusIndicator type="error" wrapText={false}>Quá hạn {formatDateTime(dueAt)}</StatusIndicator>;
  if (state === 'soon') return <StatusIndicator type="warning" wrapText={false}>Sắp đến hạn {formatDateTime(dueAt)}</StatusIndicator>;
  return <>{formatDateTime(dueAt)}</>;
}

const SEVERITY_TYPE = { error: 'error', warning: 'warning', info: 'info' } as const;

export function Findings({ draft }: { draft: Draft }) {
  if (!draft.precheck) return <Box color="text-status-inactive">Đang kiểm tra thể thức…</Box>;
  const findings = sortFindings(draft.precheck.findings);
  if (!findings.length) return <StatusIndicator type="success">Không phát hiện sai sót về thể thức (lần trình {draft.precheck.round}).</StatusIndicator>;
  return (
    <SpaceBetween size="s">
      <Box variant="small">
        Kiểm tra lần trình {draft.precheck.round}, lúc {formatDateTime(draft.precheck.at)}
      </Box>
      <ul aria-label="Kết quả kiểm tra thể thức" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
        {findings.map((f, i) => (
          <li key={i} style={{ marginBottom: 8 }}>
            <StatusIndicator type={SEVERITY_TYPE[f.severity]}>
              <b>{SEVERITY_LABELS[f.severity]}:</b> {withoutEnglishGloss(f.message)}
            </StatusIndicator>
          </li>
        ))}
      </ul>
    </SpaceBetween>
  );
}

/**
 * The draft's text as typed (line breaks and spaces kept), in the console's own font: monospace
 * fonts on Linux draw Vietnamese stacked diacritics apart (seen in the screenshots), which
 * matters more than the typed columns lining up.
 */
export function DraftText({ body, label = 'Nội dung dự thảo' }: { body: string; label?: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      style={{ whiteSpace: 'pre-wrap', overflowX: 'auto', fontFamily: 'inherit', fontSize: 14, lineHeight: 1.5, margin: 0, maxHeight: 560, overflowY: 'auto' }}
    >
      {body}
    </pre>
  );
}

type HistoryLine = Draft['history'][number];

function what(h: HistoryLine): string {
  const parts: string[] = [];
  if (h.decision) parts.push(decisionLabel(h.step, h.decision));
  if (h.findings) parts.push(`${h.findings.error} lỗi, ${h.findings.warning} cảnh báo`);
  if (h.numberSymbol) parts.push(`số ${h.numberSymbol}`);
  if (h.escalatedTo) parts.push(`báo ${ROLE_LABELS[h.escalatedTo as Role] ?? h.escalatedTo}, gia hạn đến ${formatDateTime(h.dueAt)}`);
  if (h.bodyChanged) parts.push('có sửa nội dung');
  return parts.join('; ');
}

export function History({ draft }: { draft: Draft }) {
  return (
    <Table
      variant="embedded"
      ariaLabels={{ tableLabel: 'Quá trình xử lý' }}
      items={[...draft.history].reverse()}
      columnDefinitions={[
        { id: 'at', header: 'Thời gian', cell: (h) => formatDateTime(h.at), minWidth: 140 },
        { id: 'step', header: 'Bước', cell: (h) => stepLabel(h.step), minWidth: 160 },
        { id: 'who', header: 'Người thực hiện', cell: (h) => (h.actor.username === 'workflow' || h.actor.username === 'system' ? 'Hệ thống' : h.actor.username) },
        { id: 'what', header: 'Kết quả', cell: (h) => what(h) || '—', minWidth: 160 },
        // System lines carry technical notes; people's comments are what the next person reads.
        { id: 'comment', header: 'Ý kiến', cell: (h) => (h.decision && h.comment ? h.comment : '—'), minWidth: 200 },
        { id: 'round', header: 'Lần trình', cell: (h) => h.round },
      ]}
      wrapLines
      empty="Chưa có bước nào."
    />
  );
}
