/** The exchange module's public entry (liên thông văn bản): partners, sending, receiving, the electronic inbox. */
export { Exchange } from './app/exchange';
export type { ExchangeDeps, OfficeIdentity, ExchangeLimits } from './app/deps';
export type { DeliveryQueue, DeliveryJob } from './ports/delivery-queue';
export type { Transport } from './ports/transport';
export { DELIVERY_STATUSES, INBOX_STATUSES, sendRefusal, advances, handledPatch, acknowledgedSameDay, liveDeliveries, replaceRefusal, type Partner, type Delivery, type InboxItem } from './domain/model';
export { buildPackage, parsePackage, buildStatus, parseStatus, type PackageFacts, type StatusFacts } from './domain/envelope';
export { WireMessage, SIGNATURE_HEADER, GATEWAY_MESSAGE_MODEL, MAX_MESSAGE_BYTES, backoffSeconds, fresh } from './domain/message';
export { JwsSeal } from './adapters/jws-seal';
export { HttpTransport } from './adapters/http-transport';
export { OutboxStreamQueue } from './adapters/outbox-stream-queue';
export { EXCHANGE_ENV } from './env';

import type { Platform } from '../platform/platform';
import type { BlobStore } from '../platform/files/blob-store';
import type { AuditLog } from '../audit/index';
import type { DomainConfig } from '../office/index';
import { officeSigner, verifyPdfSignatures } from '../documents/index';
import { Exchange } from './app/exchange';
import type { ExchangeDeps } from './app/deps';
import type { DeliveryQueue } from './ports/delivery-queue';
import type { Transport } from './ports/transport';
import { DynamoExchangeStore } from './adapters/dynamo-exchange-store';
import { JwsSeal, usableCertificate } from './adapters/jws-seal';
import { HttpTransport } from './adapters/http-transport';
import { EXCHANGE_ENV } from './env';
import { MAX_MESSAGE_BYTES } from './domain/message';

/** This office's id, name and endpoint from the environment and the configuration. */
export function officeIdentity(platform: Platform, office: () => DomainConfig) {
  return () => ({
    id: platform.env.optional(EXCHANGE_ENV.officeId, office().office.bodyId),
    name: office().office.name,
    endpoint: platform.env.optional(EXCHANGE_ENV.endpoint, ''),
  });
}

export function exchangeModule(
  platform: Platform,
  ports: {
    audit: AuditLog;
    blobs: BlobStore;
    office: () => DomainConfig;
    registers: ExchangeDeps['registers'];
    pdfOf: ExchangeDeps['pdfOf'];
    queue: DeliveryQueue;
    transport?: Transport;
  },
): Exchange {
  const self = officeIdentity(platform, ports.office);
  const num = (name: string, fallback: number) => Number(platform.env.optional(name, String(fallback))) || fallback;
  return new Exchange({
    store: new DynamoExchangeStore(platform.db, platform.table('Data')),
    blobs: ports.blobs,
    seal: new JwsSeal(() => officeSigner(platform, ports.office), () => self().id),
    transport: ports.transport ?? new HttpTransport(),
    queue: ports.queue,
    audit: ports.audit,
    clock: platform.clock,
    office: ports.office,
    self,
    registers: ports.registers,
    pdfOf: ports.pdfOf,
    verifyPdf: verifyPdfSignatures,
    usableCertificate,
    limits: { windowSeconds: num(EXCHANGE_ENV.windowSeconds, 300), maxAttempts: num(EXCHANGE_ENV.maxAttempts, 8) },
  });
}

/** The exchange's message size limit (bytes). */
export const maxMessageBytes = (platform: Platform) => Number(platform.env.optional(EXCHANGE_ENV.maxBytes, String(MAX_MESSAGE_BYTES))) || MAX_MESSAGE_BYTES;
