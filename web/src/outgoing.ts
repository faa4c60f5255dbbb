/**
 * Pure parts of the sổ văn bản đi: the issuing bodies that keep an outgoing register (from the
 * office's configuration), the cấp số request made from the form, and the API's refusals placed
 * beside the form's fields in Vietnamese.
 */
import { issuingBodies } from '../../config/domain.json';
import type { components } from './api/schema';
import type { ApiError } from './api/client';
import { fieldOf, showError, vietnameseDetail, type ShownError } from './errors';
import { parseDayInput } from './format';

export type OutgoingEntry = components['schemas']['OutgoingEntry'];
export type OutgoingEntryCreate = components['schemas']['OutgoingEntryCreate'];

export interface Issuer {
  id: string;
  code: string;
  name: string;
}

/** Bodies that number their own documents, each with the code printed after "/". */
export const OUTGOING_ISSUERS: readonly Issuer[] = (issuingBodies as { id: string; code: string; name: string; outgoingRegister?: boolean }[])
  .filter((b) => b.outgoingRegister)
  .map(({ id, code, name }) => ({ id, code, name }));

export const OUTGOING_LABELS: Record<string, string> = {
  typeCode: 'Loại văn bản',
  issuerCode: 'Cơ quan ban hành',
  issuerId: 'Cơ quan ban hành',
  subject: 'Trích yếu',
  documentDate: 'Ngày văn bản',
  signer: 'Người ký',
  recipients: 'Nơi nhận',
  secrecy: 'Độ mật',
  urgency: 'Độ khẩn',
  copies: 'Số lượng bản',
  filing: 'Nơi lưu',
  note: 'Ghi chú',
  reason: 'Lý do hủy số',
};

/** What the clerk typed, as text. */
export interface OutgoingDraft {
  typeCode: string;
  issuerId: string;
  subject: string;
  documentDate: string;
  signer: string;
  recipients: string;
  secrecy: string;
  urgency: string;
  copies: string;
  filing: string;
  note: string;
}

export const EMPTY_OUTGOING: OutgoingDraft = { typeCode: '', issuerId: '', subject: '', documentDate: '', signer: '', recipients: '', secrecy: '', urgency: '', copies: '', filing: '', note: '' };

/** The cấp số request: recipients one per line; a typed day dd/mm/yyyy as YYYY-MM-DD (else as typed, for the API to refuse). */
export function toOutgoingBody(d: OutgoingDraft): OutgoingEntryCreate {
  const issuer = OUTGOING_ISSUERS.find((i) => i.id === d.issuerId);
  const copies = d.copies.trim();
  return {
    typeCode: d.typeCode,
    issuerCode: issuer?.code ?? '',
    ...(issuer ? { issuerId: issuer.id } : {}),
    subject: d.subject,
    ...(d.documentDate.trim() ? { documentDate: parseDayInput(d.documentDate) ?? d.documentDate.trim() } : {}),
    signer: d.signer,
    recipients: d.recipients
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean),
    secrecy: (d.secrecy || null) as OutgoingEntryCreate['secrecy'],
    urgency: (d.urgency || null) as OutgoingEntryCreate['urgency'],
    ...(copies ? { copies: /^\d+$/.test(copies) ? Number(copies) : (copies as unknown as number) } : {}),
    ...(d.filing.trim() ? { filing: d.filing.trim() } : {}),
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
  };
}

/** The API's refusal with each detail beside its field of this form (issuerId shown on the issuer). */
export function outgoingError(status: number, body: ApiError | undefined): ShownError {
  const shown = showError(status, body);
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const d of body?.error?.details ?? []) {
    let f = fieldOf(d.path);
    if (f === 'issuerCode') f = 'issuerId';
    const message = vietnameseDetail(String(d.message ?? ''));
    if (f && OUTGOING_LABELS[f]) fields[f] = fields[f] ? `${fields[f]}; ${message}` : message;
    else other.push(f ? `${f}: ${message}` : message);
  }
  return { summary: shown.summary, fields, other };
}
