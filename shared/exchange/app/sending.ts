/**
 * Sending (gửi văn bản điện tử): an issued outgoing document to chosen partners as edXML packages,
 * one delivery per partner in the outbox, sent by the queue's consumer (`deliver`) with the
 * office's signature; recall (thu hồi); and what the sender sees of each delivery.
 */
import { monotonicFactory } from 'ulid';
import { ConflictError, ValidationError } from '../../platform/errors';
import type { Caller } from '../../platform/security';
import type { OutgoingEntry } from '../../registers/index';
import { acknowledgedSameDay, advances, liveDeliveries, replaceRefusal, sendRefusal, type Delivery, type Partner } from '../domain/model';
import { buildPackage, buildStatus, codeOf } from '../domain/envelope';
import { SIGNATURE_HEADER, type OutgoingMessage } from '../domain/message';
import { EXCHANGE_CALLER, type ExchangeDeps } from './deps';

const ulid = monotonicFactory();
export const packageKey = (messageId: string) => `exchange/out/${messageId}.xml`;

interface Ctx {
  actor: Caller;
  requestId?: string;
}

export class Sending {
  constructor(private readonly d: ExchangeDeps) {}

  private event(ctx: Ctx, action: string, entityType: string, entityId: string, before: unknown, after: unknown) {
    return this.d.audit.prepare({ actor: ctx.actor, action, entityType, entityId, before, after, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) }).transactItem;
  }

  private async partnersOf(ids: string[]): Promise<Partner[]> {
    const found = await Promise.all(ids.map((id) => this.d.store.partner(id)));
    const unknown = ids.filter((_, i) => !found[i]);
    if (unknown.length) throw new ValidationError(`Không có đơn vị liên thông: ${unknown.join(', ')} (unknown partners)`, unknown.map((id) => ({ path: 'to', message: `unknown partner ${id}` })), 'UNKNOWN_PARTNER');
    return found as Partner[];
  }

  /** 202: one queued delivery per partner; 409 for what may not go over these links, or when a delivery is already under way. */
  async send(entryId: string, to: string[], ctx: Ctx, replacing?: { entryId: string; messages: Map<string, string> }): Promise<{ deliveries: { partnerId: string; status: 'queued'; messageId: string }[] }> {
    const entry = await this.d.registers.getOutgoing(entryId, ctx.actor);
    if (entry.status === 'void') throw new ConflictError('Số văn bản đã hủy: không gửi được (the number is void)', [], 'ENTRY_VOID');
    const ids = [...new Set(to)];
    const partners = await this.partnersOf(ids);
    const refusal = sendRefusal(entry.secrecy, partners);
    if (refusal) throw new ConflictError(refusal, [], 'SECRECY_REFUSED');
    // Mật documents are not signed with the office key (documents module): the envelope goes alone, the paper copy by cơ yếu.
    const pdf = entry.secrecy ? null : (await this.d.pdfOf(entry, ctx)).bytes;
    const now = this.d.clock.now().toISOString();
    const self = this.d.self();
    const deliveries: Delivery[] = [];
    const messages: OutgoingMessage[] = [];
    for (const p of partners) {
      const messageId = ulid();
      const replaces = replacing?.messages.get(p.id) ?? null;
      const xml = buildPackage({ ...this.facts(entry, self, p, pdf, now), replaces });
      await this.d.blobs.put(packageKey(messageId), xml, 'application/xml');
      deliveries.push({ entryId, partnerId: p.id, messageId, status: 'queued', arrivalNumber: null, reason: null, at: now, sentAt: null, receivedAt: null, attempts: 0, lastError: null, ...(replaces ? { replaces: replacing!.entryId } : {}) });
      messages.push({ messageId, kind: 'package', partnerId: p.id, entryId, content: null, contentKey: packageKey(messageId), status: 'queued', attempts: 0, lastError: null, createdAt: now });
    }
    const audit = deliveries.map((d) => this.event(ctx, 'exchange.sent', 'outgoing-entry', entryId, null, { partnerId: d.partnerId, messageId: d.messageId, numberSymbol: entry.numberSymbol, secrecy: entry.secrecy }));
    if (!(await this.d.store.addDeliveries(deliveries, messages, audit))) {
      throw new ConflictError('Văn bản đã được gửi tới đơn vị này và đang xử lý (already sent to one of these partners)', [], 'ALREADY_SENT');
    }
    await this.d.queue.enqueue(messages.map((m) => ({ messageId: m.messageId })));
    return { deliveries: deliveries.map((d) => ({ partnerId: d.partnerId, status: 'queued' as const, messageId: d.messageId })) };
  }

  private facts(entry: OutgoingEntry, self: { id: string; name: string }, p: Partner, pdf: Uint8Array | null, now: string) {
    const cfg = this.d.office();
    return {
      from: { id: self.id, name: self.name },
      to: { id: p.id, name: p.name },
      documentId: entry.id,
      ...codeOf(entry.numberSymbol),
      place: cfg.office.place,
      promulgationDate: entry.documentDate,
      typeCode: entry.typeCode,
      typeName: entry.typeName,
      subject: entry.subject,
      signer: { position: null, fullName: entry.signer },
      dueDate: null,
      urgency: entry.urgency,
      secrecy: entry.secrecy,
      steeringType: '0',
      toPlaces: entry.recipients,
      trace: [{ organId: self.id, timestamp: now }],
      attachment: pdf ? { name: `${entry.numberSymbol.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`, contentType: 'application/pdf' as const, base64: Buffer.from(pdf).toString('base64') } : null,
    };
  }

  /** Per partner: status, số đến, reason, times, and whether receipt was acknowledged the same day (Nghị định 30 Điều 21). */
  async deliveries(entryId: string, viewer: Caller) {
    await this.d.registers.getOutgoing(entryId, viewer);
    const tz = this.d.office().office.timeZone;
    const items = await this.d.store.deliveries(entryId);
    return {
      items: items.map((x) => ({
        partnerId: x.partnerId,
        status: x.status,
        ...(x.arrivalNumber !== null ? { arrivalNumber: x.arrivalNumber } : {}),
        ...(x.reason ? { reason: x.reason } : {}),
        at: x.at,
        sentAt: x.sentAt,
        receivedAt: x.receivedAt,
        acknowledgedSameDay: acknowledgedSameDay(x.sentAt, x.receivedAt, tz),
        attempts: x.attempts,
        handledAt: x.handledAt ?? null,
        replaces: x.replaces ?? null,
        replacedBy: x.replacedBy ?? null,
      })),
    };
  }

  /** 202: a recall (thu hồi) to every partner the document went to; 409 when it went nowhere. */
  async recall(entryId: string, reason: string, ctx: Ctx): Promise<{ deliveries: { partnerId: string; status: string }[] }> {
    const entry = await this.d.registers.getOutgoing(entryId, ctx.actor);
    const under = liveDeliveries(await this.d.store.deliveries(entryId));
    if (!under.length) throw new ConflictError('Văn bản chưa được gửi tới đơn vị nào: không có gì để thu hồi (nothing to recall)', [], 'NOTHING_TO_RECALL');
    const now = this.d.clock.now().toISOString();
    const self = this.d.self();
    const messages: OutgoingMessage[] = under.map((x) => ({
      messageId: ulid(),
      kind: 'recall',
      partnerId: x.partnerId,
      entryId,
      content: buildStatus({ from: self, responseFor: x.messageId, status: 'recall', arrivalNumber: null, description: reason, timestamp: now }),
      contentKey: null,
      status: 'queued',
      attempts: 0,
      lastError: null,
      createdAt: now,
    }));
    await this.d.store.addOutgoing(messages, [this.event(ctx, 'exchange.recall', 'outgoing-entry', entryId, null, { reason, partners: under.map((x) => x.partnerId), numberSymbol: entry.numberSymbol, secrecy: entry.secrecy })]);
    await this.d.queue.enqueue(messages.map((m) => ({ messageId: m.messageId })));
    return { deliveries: under.map((x) => ({ partnerId: x.partnerId, status: x.status })) };
  }

  /**
   * 202: a new version (`by`, another issued entry) sent to every partner `entryId` is still live
   * at, each package naming the one it replaces there; the receiver freezes its old copy (like a
   * recall) and says so back ('recalled'). The old deliveries show `replacedBy` at once.
   */
  async replace(entryId: string, by: string, reason: string, ctx: Ctx): Promise<{ deliveries: { partnerId: string; status: 'queued'; messageId: string }[] }> {
    const old = await this.d.registers.getOutgoing(entryId, ctx.actor);
    const next = await this.d.registers.getOutgoing(by, ctx.actor);
    const live = liveDeliveries(await this.d.store.deliveries(entryId));
    const sentTo = (await this.d.store.deliveries(by)).map((x) => x.partnerId);
    const refusal = replaceRefusal({ id: old.id, live }, { id: next.id, status: next.status, sentTo });
    if (refusal) throw new ConflictError(refusal, [], 'CANNOT_REPLACE');
    const sent = await this.send(by, live.map((x) => x.partnerId), ctx, { entryId, messages: new Map(live.map((x) => [x.partnerId, x.messageId])) });
    for (const x of live) {
      await this.patchDelivery(entryId, x.partnerId, (d) => (d.replacedBy ? null : { replacedBy: by, reason }), (d) => [
        this.event(ctx, 'exchange.replaced', 'outgoing-entry', entryId, { partnerId: d.partnerId, replacedBy: null }, { partnerId: d.partnerId, replacedBy: by, reason, numberSymbol: old.numberSymbol, secrecy: old.secrecy }),
      ]);
    }
    return sent;
  }

  /** Queues again every message the outbox still holds as queued (after a restart); how many. */
  async redrive(): Promise<number> {
    const queued = await this.d.store.queued();
    await this.d.queue.enqueue(queued.map((m) => ({ messageId: m.messageId })));
    return queued.length;
  }

  /**
   * Sends one outgoing message (the queue's consumer): signs it anew (same id and content, this
   * attempt's time) and posts it. 'retry' when it should be tried again; after the last attempt
   * (or a refusal no retry can change) the message and its delivery are marked failed with why.
   * A retry says which attempt failed (the outbox's count), for the queue's backoff.
   */
  async deliver(messageId: string, receives: number): Promise<'done' | { retry: number }> {
    const m = await this.d.store.outgoing(messageId);
    if (!m || m.status !== 'queued') return 'done';
    // The outbox counts attempts across restarts (a re-driven message starts its receives again).
    const attempt = Math.max(receives, m.attempts + 1);
    const partner = await this.d.store.partner(m.partnerId);
    const content = m.content ?? (m.contentKey ? new TextDecoder().decode((await this.d.blobs.get(m.contentKey)) ?? new Uint8Array()) : '');
    const self = this.d.self();
    let failure: string;
    let permanent = false;
    if (!partner) {
      failure = `đơn vị ${m.partnerId} không còn trong danh bạ (partner removed)`;
      permanent = true;
    } else if (!content) {
      failure = 'không còn nội dung gói tin (package content missing)';
      permanent = true;
    } else {
      const sentAt = this.d.clock.now().toISOString();
      const body = JSON.stringify({ messageId: m.messageId, from: self.id, to: partner.id, kind: m.kind, sentAt, content });
      const bytes = new TextEncoder().encode(body);
      try {
        const answer = await this.d.transport.post(partner.endpoint, body, { 'content-type': 'application/json', [SIGNATURE_HEADER]: await this.d.seal.sign(bytes) });
        if (answer.status >= 200 && answer.status < 300) {
          await this.accepted(m, attempt, sentAt);
          return 'done';
        }
        failure = `${partner.id} trả lời ${answer.status}: ${answer.body.slice(0, 300)}`;
        // Refusals a retry cannot change: malformed, unauthenticated, forbidden, too large, refused by secrecy.
        permanent = [400, 401, 403, 413, 415].includes(answer.status) || (answer.status === 409 && m.kind === 'package');
      } catch (err) {
        failure = `không kết nối được ${partner.endpoint}: ${(err as Error).message}`;
      }
    }
    if (permanent || attempt >= this.d.limits.maxAttempts) {
      await this.failed(m, attempt, failure);
      return 'done';
    }
    await this.d.store.updateOutgoing(m.messageId, { attempts: attempt, lastError: failure });
    if (m.kind === 'package' && m.entryId) await this.patchDelivery(m.entryId, m.partnerId, (x) => (x.status === 'queued' ? { attempts: attempt, lastError: failure } : null), []);
    return { retry: attempt };
  }

  private async accepted(m: OutgoingMessage, attempt: number, sentAt: string): Promise<void> {
    await this.d.store.updateOutgoing(m.messageId, { status: 'sent', attempts: attempt, lastError: null });
    if (!m.entryId) return;
    const next = m.kind === 'package' ? 'sent' : m.kind === 'recall' ? 'recalled' : null;
    if (!next) return;
    const ctx = { actor: EXCHANGE_CALLER };
    await this.patchDelivery(
      m.entryId,
      m.partnerId,
      (x) => (advances(x.status, next) ? { status: next, at: sentAt, attempts: attempt, lastError: null, ...(next === 'sent' ? { sentAt } : {}) } : null),
      (x) => [this.event(ctx, `exchange.delivery.${next}`, 'outgoing-entry', m.entryId!, { partnerId: x.partnerId, status: x.status }, { partnerId: x.partnerId, status: next })],
    );
  }

  private async failed(m: OutgoingMessage, attempt: number, why: string): Promise<void> {
    await this.d.store.updateOutgoing(m.messageId, { status: 'failed', attempts: attempt, lastError: why });
    if (m.kind !== 'package' || !m.entryId) return;
    const ctx = { actor: EXCHANGE_CALLER };
    await this.patchDelivery(
      m.entryId,
      m.partnerId,
      (x) => (advances(x.status, 'failed') ? { status: 'failed', at: this.d.clock.now().toISOString(), attempts: attempt, lastError: why, reason: why } : null),
      (x) => [this.event(ctx, 'exchange.delivery.failed', 'outgoing-entry', m.entryId!, { partnerId: x.partnerId, status: x.status }, { partnerId: x.partnerId, status: 'failed', reason: why })],
    );
  }

  /** Changes a delivery from the status it has now (read, then written on that condition; retried when it moved meanwhile). */
  async patchDelivery(entryId: string, partnerId: string, change: (x: Delivery) => Partial<Delivery> | null, audit: unknown[] | ((x: Delivery) => unknown[])): Promise<Delivery | undefined> {
    for (let i = 0; i < 5; i++) {
      const x = (await this.d.store.deliveries(entryId)).find((d) => d.partnerId === partnerId);
      if (!x) return undefined;
      const patch = change(x);
      if (!patch) return x;
      if (await this.d.store.updateDelivery(entryId, partnerId, x.status, patch, typeof audit === 'function' ? audit(x) : audit)) return { ...x, ...patch };
    }
    throw new ConflictError('the delivery kept changing', [], 'DELIVERY_BUSY');
  }
}
