/** What the exchange's use cases are given (composed by shared/exchange/index.ts). */
import type { Clock } from '../../platform/clock';
import type { Caller } from '../../platform/security';
import type { BlobStore } from '../../platform/files/blob-store';
import type { AuditLog } from '../../audit/index';
import type { DomainConfig } from '../../office/index';
import type { AlsoWrite, IncomingEntryView, IncomingInput, OutgoingEntry, Registers, WriteContext, WriteResult } from '../../registers/index';
import type { SignatureCheck, TrustList } from '../../documents/index';
import type { ExchangeStore } from '../ports/exchange-store';
import type { DeliveryQueue } from '../ports/delivery-queue';
import type { Transport } from '../ports/transport';
import type { MessageSeal } from '../ports/message-seal';

export interface OfficeIdentity {
  id: string;
  name: string;
  /** Where partners post messages to this office. */
  endpoint: string;
}

export interface ExchangeLimits {
  /** A message's sentAt must be within this many seconds of now (either way). */
  windowSeconds: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
}

export interface ExchangeDeps {
  store: ExchangeStore;
  blobs: BlobStore;
  seal: MessageSeal;
  transport: Transport;
  queue: DeliveryQueue;
  audit: AuditLog;
  clock: Clock;
  office: () => DomainConfig;
  self: () => OfficeIdentity;
  registers: Pick<Registers, 'getOutgoing' | 'getIncoming' | 'updateIncoming'> & {
    registerIncoming(input: IncomingInput, ctx: WriteContext, also?: AlsoWrite): Promise<WriteResult<IncomingEntryView>>;
  };
  /** The entry's signed PDF (the documents module's IssuedDocuments). */
  pdfOf(entry: OutgoingEntry, ctx: { actor: Caller; requestId?: string }): Promise<{ bytes: Uint8Array }>;
  verifyPdf(bytes: Uint8Array, trust: TrustList): Promise<SignatureCheck[]>;
  /** Whether a PEM holds a certificate messages can be checked with. */
  usableCertificate(pem: string): Promise<boolean>;
  limits: ExchangeLimits;
}

/** Who acts when the exchange acts by itself (the sender, a recall marking an entry). */
export const EXCHANGE_CALLER: Caller = { sub: 'system:exchange', username: 'exchange', roles: ['van-thu'], clearance: 'tuyet-mat' };
/** A partner office, as the audit log names it. */
export const partnerCaller = (id: string): Caller => ({ sub: `partner:${id}`, username: `partner:${id}`, roles: [], clearance: 'none' });
