/** How an entry's secrecy, urgency, status and deadline look wherever it is shown. */
import Badge from '@cloudscape-design/components/badge';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { IncomingEntry } from '../api/client';
import { SECRECY_LABELS, STATUS_LABELS, URGENCY_LABELS } from '../labels';
import { formatDate } from '../format';

export function SecrecyBadge({ secrecy }: { secrecy: IncomingEntry['secrecy'] }) {
  if (!secrecy) return null;
  return <Badge color={secrecy === 'mat' ? 'severity-medium' : 'severity-critical'}>{SECRECY_LABELS[secrecy]}</Badge>;
}

export function UrgencyBadge({ urgency }: { urgency: IncomingEntry['urgency'] }) {
  if (!urgency) return null;
  return <Badge color={urgency === 'khan' ? 'severity-high' : 'severity-critical'}>{URGENCY_LABELS[urgency]}</Badge>;
}

export function StatusText({ entry }: { entry: Pick<IncomingEntry, 'status'> }) {
  const type = entry.status === 'done' ? 'success' : entry.status === 'registered' ? 'pending' : 'in-progress';
  return <StatusIndicator type={type} wrapText={false}>{STATUS_LABELS[entry.status]}</StatusIndicator>;
}

/** The deadline, marked when the letter is overdue (the API says so: `overdue`). */
export function DueText({ entry }: { entry: Pick<IncomingEntry, 'dueDate' | 'overdue' | 'status'> }) {
  if (!entry.dueDate) return <>—</>;
  if (entry.overdue) return <StatusIndicator type="error" wrapText={false}>Quá hạn {formatDate(entry.dueDate)}</StatusIndicator>;
  return <>{formatDate(entry.dueDate)}</>;
}
