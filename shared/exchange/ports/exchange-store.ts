/** Where the exchange keeps its state: partners, the outbox (deliveries and messages to send), received messages and the inbox. */
import type { Delivery, InboxItem, InboxStatus, Partner } from '../domain/model';
import type { OutgoingMessage } from '../domain/message';
import type { Secrecy } from '../../platform/security';

/** A received message: kept so that the same message delivered again is answered the same and stored once. */
export interface ReceivedMessage {
  from: string;
  messageId: string;
  /** SHA-256 of kind, sender, receiver and content: the same id with another digest is a replay. */
  digest: string;
  status: number;
  answer: unknown;
  receivedAt: string;
}

/** Audit events (already prepared) stored with a write. */
export type AuditItems = unknown[];

export interface ExchangeStore {
  /** False when a partner with this id exists. */
  addPartner(p: Partner, audit: AuditItems): Promise<boolean>;
  partner(id: string): Promise<Partner | undefined>;
  partners(): Promise<Partner[]>;

  deliveries(entryId: string): Promise<Delivery[]>;
  /** New deliveries and their package messages, or none (false) when one of them is already under way. */
  addDeliveries(deliveries: Delivery[], messages: OutgoingMessage[], audit: AuditItems): Promise<boolean>;
  /** Sets fields of a delivery when its status is still `from` (false: it was not). */
  updateDelivery(entryId: string, partnerId: string, from: Delivery['status'], patch: Partial<Delivery>, audit: AuditItems): Promise<boolean>;
  outgoing(messageId: string): Promise<OutgoingMessage | undefined>;
  addOutgoing(messages: OutgoingMessage[], audit: AuditItems): Promise<void>;
  updateOutgoing(messageId: string, patch: Partial<OutgoingMessage>): Promise<void>;
  /** Messages still to send (the re-drive after a restart). */
  queued(): Promise<OutgoingMessage[]>;

  received(from: string, messageId: string): Promise<ReceivedMessage | undefined>;
  /** Stores a received message with what it makes (inbox item, notices, audit) at once; false when it was already stored. */
  storeReceived(r: ReceivedMessage, writes: { inbox?: InboxItem; notices?: OutgoingMessage[]; audit: AuditItems }): Promise<boolean>;

  inboxItem(id: string): Promise<InboxItem | undefined>;
  inbox(q: { status?: InboxStatus; visible: (Secrecy | null)[]; limit: number; cursor?: string }): Promise<{ items: InboxItem[]; nextCursor: string | null }>;
  /** Changes an inbox item whose status is one of `from`, with notices and audit; false when it was not. */
  updateInbox(id: string, from: InboxStatus[], patch: Partial<InboxItem>, writes: { notices?: OutgoingMessage[]; audit: AuditItems }): Promise<boolean>;
  /** The inbox item an incoming entry was registered from (undefined: not from the exchange). */
  inboxOfEntry(entryId: string): Promise<string | undefined>;
  /** The transaction items that mark an inbox item registered (condition: still new) and link its entry to it, for the registers' one transaction. */
  registerItems(id: string, patch: Pick<InboxItem, 'entryId' | 'arrivalNumber'>, notice: OutgoingMessage): { keys: string[]; items: unknown[] };
}
