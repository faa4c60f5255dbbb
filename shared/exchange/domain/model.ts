/**
 * Exchange between offices (liên thông văn bản): partners, deliveries (what this office sent, one
 * per partner) and the electronic inbox (what partners sent here), and the rules on them that
 * need no I/O: what may be sent over which link, how a delivery's status moves, and whether a
 * receipt was acknowledged the same day (Nghị định 30, Điều 21).
 */
import { localDate } from '../../office/index';
import type { Secrecy } from '../../platform/security';

export const DELIVERY_STATUSES = ['queued', 'sent', 'received', 'registered', 'returned', 'recalled', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const INBOX_STATUSES = ['new', 'registered', 'returned', 'recalled'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/**
 * What a notice back to the sender says about its package. 'handled' (the receiver's entry made
 * from it is done) leaves the delivery's status at 'registered' and sets its handledAt.
 */
export const NOTICE_STATUSES = ['received', 'registered', 'returned', 'recalled', 'handled'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** The kinds of message between offices: a document package, a notice about one, a recall (thu hồi) of one. */
export const MESSAGE_KINDS = ['package', 'notice', 'recall'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface Partner {
  id: string;
  name: string;
  /** Where its `POST /v1/exchange/messages` is. */
  endpoint: string;
  /** Its signing certificate (PEM): what its messages and documents are verified with. */
  certificate: string;
  /** The link is a cơ yếu encrypted channel: the only one a Mật document may travel on. */
  encryptedChannel: boolean;
}

export interface Delivery {
  entryId: string;
  partnerId: string;
  /** The package's message id (also the delivery's id). */
  messageId: string;
  status: DeliveryStatus;
  arrivalNumber: number | null;
  reason: string | null;
  /** When the status last changed. */
  at: string;
  /** When the partner accepted the package. */
  sentAt: string | null;
  /** When the partner says it received it (its notice). */
  receivedAt: string | null;
  attempts: number;
  /** Why the last attempt failed. */
  lastError: string | null;
  /** When the partner says its entry made from the document was handled (done); absent before. */
  handledAt?: string | null;
  /** The entry this document replaces at this partner (a new version), and the entry that replaced this one. */
  replaces?: string | null;
  replacedBy?: string | null;
}

export interface ReceivedSignature {
  signer: string | null;
  organisation: string | null;
  signedAt: string | null;
  intact: boolean;
  chain: 'trusted' | 'untrusted-root' | 'invalid';
  coversWholeDocument: boolean;
}

export interface InboxItem {
  id: string;
  /** The sending partner's id, and its name. */
  from: string;
  fromName: string;
  /** The package's message id at the sender. */
  messageId: string;
  numberSymbol: string;
  documentDate: string;
  typeCode: string;
  issuer: string;
  subject: string;
  signer: string | null;
  secrecy: Secrecy | null;
  urgency: 'khan' | 'thuong-khan' | 'hoa-toc' | null;
  dueDate: string | null;
  steeringType: string | null;
  status: InboxStatus;
  signatures: ReceivedSignature[];
  /** Where the attached PDF is kept (null: the package carried none). */
  documentKey: string | null;
  receivedAt: string;
  entryId: string | null;
  arrivalNumber: number | null;
  reason: string | null;
  recalledAt: string | null;
  /** When the entry made from it was done and the 'handled' notice went back (absent before). */
  handledAt?: string | null;
  /** The inbox item this one is a new version of, and the item that replaced this one (frozen like a recall). */
  replaces?: string | null;
  replacedBy?: string | null;
}

const SECRECY_NAME: Record<Secrecy, string> = { mat: 'Mật', 'toi-mat': 'Tối mật', 'tuyet-mat': 'Tuyệt mật' };

/**
 * Why this document may not go to these partners (null: it may). Tối mật and Tuyệt mật never go
 * by the exchange; Mật only when every chosen link is an encrypted channel (domain.md (f)).
 */
export function sendRefusal(secrecy: Secrecy | null, partners: readonly Pick<Partner, 'id' | 'encryptedChannel'>[]): string | null {
  if (secrecy === 'toi-mat' || secrecy === 'tuyet-mat') {
    return `Văn bản ${SECRECY_NAME[secrecy]} không được gửi qua liên thông: chuyển bằng đường cơ yếu hoặc giao trực tiếp (${secrecy} documents are never sent by the exchange)`;
  }
  if (secrecy === 'mat') {
    const open = partners.filter((p) => !p.encryptedChannel).map((p) => p.id);
    if (open.length) return `Văn bản Mật chỉ được gửi qua kênh mã hóa cơ yếu; không mã hóa: ${open.join(', ')} (a Mật document goes only over encrypted channels)`;
  }
  return null;
}

/** Why a received package may not be accepted from this partner (the same rule, at the receiving end). */
export function receiveRefusal(secrecy: Secrecy | null, partner: Pick<Partner, 'id' | 'encryptedChannel'>): string | null {
  return sendRefusal(secrecy, [partner]);
}

const RANK: Record<DeliveryStatus, number> = { queued: 0, failed: 1, sent: 2, received: 3, registered: 4, returned: 4, recalled: 5 };

/** Whether a delivery at `current` moves to `next`: only forward (notices may arrive out of order), a recall is final. */
export function advances(current: DeliveryStatus, next: DeliveryStatus): boolean {
  if (current === 'recalled') return false;
  if (next === 'failed') return current === 'queued';
  return RANK[next] > RANK[current];
}

/** The deliveries a document is still under at its partners: what a recall or a replacement goes to. */
export function liveDeliveries<D extends Pick<Delivery, 'status'>>(ds: readonly D[]): D[] {
  return ds.filter((x) => x.status !== 'failed' && x.status !== 'recalled' && x.status !== 'returned');
}

/**
 * Why `old` may not be replaced by `by` (null: it may): a new version is another issued
 * entry, not void, not already sent to any of the partners the old one is live at, and the
 * old one must still be live somewhere (what it replaces there).
 */
export function replaceRefusal(
  old: { id: string; live: readonly Pick<Delivery, 'partnerId'>[] },
  by: { id: string; status: string; sentTo: readonly string[] },
): string | null {
  if (by.id === old.id) return 'Văn bản thay thế phải là một số khác (a document cannot replace itself)';
  if (by.status === 'void') return 'Số văn bản thay thế đã hủy (the replacing number is void)';
  if (!old.live.length) return 'Văn bản chưa được gửi tới đơn vị nào hoặc đã thu hồi: không có gì để thay thế (nothing to replace)';
  const twice = old.live.filter((x) => by.sentTo.includes(x.partnerId)).map((x) => x.partnerId);
  if (twice.length) return `Văn bản thay thế đã được gửi tới ${twice.join(', ')} (already sent there)`;
  return null;
}

/** Whether a 'handled' notice (its time) changes a delivery at `current`: only a registered one, once. */
export function handledPatch(current: Pick<Delivery, 'status' | 'handledAt'>, at: string): { handledAt: string } | null {
  return current.status === 'registered' && !current.handledAt ? { handledAt: at } : null;
}

/** Same-day acknowledgement (Nghị định 30 Điều 21): received on the office day it was sent, in the office's time zone. */
export function acknowledgedSameDay(sentAt: string | null, receivedAt: string | null, timeZone: string): boolean | null {
  if (!sentAt || !receivedAt) return null;
  return localDate(new Date(sentAt), timeZone) === localDate(new Date(receivedAt), timeZone);
}

/** The inbox item as the API shows it. */
export function inboxView(i: InboxItem) {
  return {
    id: i.id,
    from: i.from,
    fromName: i.fromName,
    numberSymbol: i.numberSymbol,
    subject: i.subject,
    documentDate: i.documentDate,
    typeCode: i.typeCode,
    issuer: i.issuer,
    signer: i.signer,
    secrecy: i.secrecy,
    urgency: i.urgency,
    dueDate: i.dueDate,
    status: i.status,
    signatures: i.signatures,
    receivedAt: i.receivedAt,
    entryId: i.entryId,
    arrivalNumber: i.arrivalNumber,
    reason: i.reason,
    recalledAt: i.recalledAt,
    replaces: i.replaces ?? null,
    replacedBy: i.replacedBy ?? null,
    hasDocument: i.documentKey !== null,
  };
}
export type InboxItemView = ReturnType<typeof inboxView>;
