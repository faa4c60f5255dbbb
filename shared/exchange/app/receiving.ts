/**
 * Receiving (tiếp nhận văn bản điện tử): a partner's signed message checked (known sender, its
 * signature, fresh, not a replay), stored once however often it comes; packages go to the clerk's
 * electronic inbox with their PDF signatures verified, notices move the sender's deliveries, and
 * recalls freeze the copy here. From the inbox a clerk registers a package in one step (the next
 * số đến, like any letter) or returns it with a reason; each is told back to the sender.
 */
import { createHash } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../platform/errors';
import { canSee, CLEARANCES, type Caller, type Secrecy } from '../../platform/security';
import { fromPem } from '../../documents/index';
import type { IncomingEntryView } from '../../registers/index';
import { advances, handledPatch, inboxView, receiveRefusal, type InboxItem, type InboxStatus, type NoticeStatus, type Partner } from '../domain/model';
import { buildStatus, numberSymbolOf, parsePackage, parseStatus } from '../domain/envelope';
import { fresh, WireMessage, type OutgoingMessage } from '../domain/message';
import type { ReceivedMessage } from '../ports/exchange-store';
import { EXCHANGE_CALLER, partnerCaller, type ExchangeDeps } from './deps';
import type { Sending } from './sending';

const ulid = monotonicFactory();
export const inboxDocumentKey = (id: string) => `exchange/in/${id}.pdf`;

interface Answer {
  status: number;
  body: unknown;
}
interface Ctx {
  actor: Caller;
  requestId?: string;
}

export class Receiving {
  constructor(
    private readonly d: ExchangeDeps,
    private readonly sending: Sending,
  ) {}

  private event(ctx: Ctx, action: string, entityType: string, entityId: string, before: unknown, after: unknown) {
    return this.d.audit.prepare({ actor: ctx.actor, action, entityType, entityId, before, after, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) }).transactItem;
  }

  /** A notice back to `to`; its Timestamp is when it happened (`at`, else now). */
  private notice(to: string, responseFor: string, status: NoticeStatus, extra: { arrivalNumber?: number | null; reason?: string | null; at?: string } = {}): OutgoingMessage {
    const now = this.d.clock.now().toISOString();
    const content = buildStatus({ from: { id: this.d.self().id, name: this.d.self().name }, responseFor, status, arrivalNumber: extra.arrivalNumber ?? null, description: extra.reason ?? null, timestamp: extra.at ?? now });
    return { messageId: ulid(), kind: 'notice', partnerId: to, entryId: null, content, contentKey: null, status: 'queued', attempts: 0, lastError: null, createdAt: now };
  }

  /** `POST /v1/exchange/messages`: the raw body and its signature header. */
  async receive(raw: Uint8Array, signature: string | undefined, requestId?: string): Promise<Answer> {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch (err) {
      throw new ValidationError('Thông điệp không phải JSON UTF-8 (the message is not JSON)', [{ message: (err as Error).message }], 'MALFORMED_MESSAGE');
    }
    const parsed = WireMessage.safeParse(json);
    if (!parsed.success) throw new ValidationError('Thông điệp thiếu hoặc sai trường (malformed message)', parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })), 'MALFORMED_MESSAGE');
    const msg = parsed.data;
    const self = this.d.self();
    if (msg.to !== self.id) throw new ValidationError(`Thông điệp gửi cho ${msg.to}, không phải ${self.id} (addressed to another office)`, [], 'WRONG_RECIPIENT');
    const partner = await this.d.store.partner(msg.from);
    if (!partner) throw new ForbiddenError(`Đơn vị ${msg.from} không có trong danh bạ liên thông (unknown sender)`, [], 'UNKNOWN_SENDER');
    if (!signature || !(await this.d.seal.verify(raw, signature, partner.certificate))) {
      throw new UnauthorizedError(`Chữ ký của thông điệp không hợp lệ với chứng thư của ${partner.id} (bad signature)`);
    }
    if (!fresh(msg.sentAt, this.d.clock.now(), this.d.limits.windowSeconds)) {
      throw new UnauthorizedError(`Thời điểm gửi ${msg.sentAt} ngoài khoảng cho phép ${this.d.limits.windowSeconds} giây: có thể là phát lại (stale or replayed message)`);
    }
    const digest = createHash('sha256').update(`${msg.kind}\n${msg.from}\n${msg.to}\n${msg.content}`).digest('hex');
    const prior = await this.d.store.received(msg.from, msg.messageId);
    if (prior) return this.again(prior, digest);
    const record = (status: number, answer: unknown): ReceivedMessage => ({ from: msg.from, messageId: msg.messageId, digest, status, answer, receivedAt: this.d.clock.now().toISOString() });
    const ctx = { actor: partnerCaller(partner.id), ...(requestId ? { requestId } : {}) };
    if (msg.kind === 'package') return this.package(partner, msg.messageId, msg.content, record, ctx);
    if (msg.kind === 'notice') return this.noticed(partner, msg.content, record, ctx);
    return this.recalled(partner, msg.content, record, ctx);
  }

  private async again(prior: ReceivedMessage, digest: string): Promise<Answer> {
    if (prior.digest !== digest) throw new ConflictError('Mã thông điệp đã dùng cho một nội dung khác: từ chối phát lại (message id reused with another content)', [], 'REPLAYED_MESSAGE_ID');
    return { status: prior.status, body: prior.answer };
  }

  /** Stores a record with its writes; when another delivery of the same message stored first, answers as it did. */
  private async store(record: ReceivedMessage, writes: Parameters<ExchangeDeps['store']['storeReceived']>[1]): Promise<Answer> {
    if (await this.d.store.storeReceived(record, writes)) {
      if (writes.notices?.length) await this.d.queue.enqueue(writes.notices.map((n) => ({ messageId: n.messageId })));
      return { status: record.status, body: record.answer };
    }
    const prior = await this.d.store.received(record.from, record.messageId);
    if (!prior) throw new Error(`received message ${record.messageId} neither stored nor found`);
    return this.again(prior, record.digest);
  }

  private async package(partner: Partner, messageId: string, content: string, record: (s: number, a: unknown) => ReceivedMessage, ctx: Ctx): Promise<Answer> {
    const f = parsePackage(content);
    if (f.from.id !== partner.id || f.to.id !== this.d.self().id) throw new ValidationError('From/To của gói tin không khớp người gửi, người nhận (envelope From/To do not match)', [], 'MALFORMED_MESSAGE');
    const refusal = receiveRefusal(f.secrecy, partner);
    if (refusal) throw new ConflictError(refusal, [], 'SECRECY_REFUSED');
    const id = ulid();
    let signatures: InboxItem['signatures'] = [];
    let documentKey: string | null = null;
    if (f.attachment) {
      const pdf = new Uint8Array(Buffer.from(f.attachment.base64, 'base64'));
      if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new ValidationError('Tệp đính kèm không phải PDF (the attachment is not a PDF)', [], 'MALFORMED_MESSAGE');
      const roots = (partner.certificate.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(fromPem);
      signatures = await this.d.verifyPdf(pdf, { roots }).catch(() => []);
      documentKey = inboxDocumentKey(id);
      await this.d.blobs.put(documentKey, pdf, 'application/pdf');
    }
    const now = this.d.clock.now().toISOString();
    const item: InboxItem = {
      id,
      from: partner.id,
      fromName: partner.name,
      messageId,
      numberSymbol: numberSymbolOf(f),
      documentDate: f.promulgationDate,
      typeCode: f.typeCode,
      issuer: f.from.name,
      subject: f.subject,
      signer: f.signer.fullName,
      secrecy: f.secrecy,
      urgency: f.urgency,
      dueDate: f.dueDate,
      steeringType: f.steeringType,
      status: 'new',
      signatures,
      documentKey,
      receivedAt: now,
      entryId: null,
      arrivalNumber: null,
      reason: null,
      recalledAt: null,
    };
    // A new version: the copy it replaces here (received from the same partner), if it came.
    const old = f.replaces ? ((await this.d.store.received(partner.id, f.replaces))?.answer as { inboxId?: string } | undefined)?.inboxId : undefined;
    if (old) item.replaces = old;
    const answer = { messageId, status: 'received', inboxId: id, receivedAt: now };
    const stored = await this.store(record(202, answer), {
      inbox: item,
      notices: [this.notice(partner.id, messageId, 'received')],
      audit: [this.event(ctx, 'exchange.received', 'exchange-inbox', id, null, { from: partner.id, messageId, numberSymbol: item.numberSymbol, secrecy: item.secrecy, signatures: signatures.length, replaces: old ?? null })],
    });
    if (old && f.replaces) await this.replaced(partner, f.replaces, old, (stored.body as { inboxId: string }).inboxId, ctx);
    return stored;
  }

  /** Freezes the copy a new version replaces (like a recall, pointing to the new item) and tells the sender it is recalled. */
  private async replaced(partner: Partner, oldMessageId: string, oldId: string, newId: string, ctx: Ctx): Promise<void> {
    const item = await this.d.store.inboxItem(oldId);
    if (!item) return;
    const now = this.d.clock.now().toISOString();
    await this.freeze(partner, item, oldMessageId, {
      reason: `Thay thế bằng văn bản mới (replaced by a new version)`,
      replacedBy: newId,
      action: 'exchange.replaced',
      mark: `Văn bản đã được ${partner.name} thay thế bằng văn bản mới ngày ${now.slice(0, 10)}`,
    }, ctx);
  }

  /**
   * Freezes a received copy, recalled by its sender or replaced by a new version: its status, the
   * "recalled" notice to the sender (queued at once) and the audit in one write, then a mark on the
   * entry it was registered as. Nothing when it is already frozen.
   */
  private async freeze(partner: Partner, item: InboxItem, messageId: string, f: { reason: string | null; replacedBy?: string; action: 'exchange.recalled' | 'exchange.replaced'; mark: string }, ctx: Ctx): Promise<void> {
    if (item.status === 'recalled') return;
    const now = this.d.clock.now().toISOString();
    const notice = this.notice(partner.id, messageId, 'recalled', { reason: f.reason });
    const done = await this.d.store.updateInbox(item.id, ['new', 'registered', 'returned'], { status: 'recalled', recalledAt: now, reason: f.reason, ...(f.replacedBy ? { replacedBy: f.replacedBy } : {}) }, {
      notices: [notice],
      audit: [this.event(ctx, f.action, 'exchange-inbox', item.id, { status: item.status }, { status: 'recalled', ...(f.replacedBy ? { replacedBy: f.replacedBy } : { reason: f.reason }), secrecy: item.secrecy })],
    });
    if (!done) return;
    await this.d.queue.enqueue([{ messageId: notice.messageId }]);
    if (item.entryId) await this.markEntry(item.entryId, f.mark);
  }

  private async noticed(partner: Partner, content: string, record: (s: number, a: unknown) => ReceivedMessage, ctx: Ctx): Promise<Answer> {
    const s = parseStatus(content);
    if (s.from.id !== partner.id || s.status === 'recall') throw new ValidationError('Thông báo không hợp lệ (malformed notice)', [], 'MALFORMED_MESSAGE');
    const sent = await this.d.store.outgoing(s.responseFor);
    if (!sent || sent.kind !== 'package' || sent.partnerId !== partner.id || !sent.entryId) throw new NotFoundError(`Không có gói tin ${s.responseFor} gửi ${partner.id} (no such package)`);
    if (s.status === 'handled') {
      // Handled (xử lý xong) at the partner: the delivery stays 'registered' and shows when.
      const at = s.timestamp;
      const done = await this.sending.patchDelivery(sent.entryId, partner.id, (x) => handledPatch(x, at), (x) => [
        this.event(ctx, 'exchange.delivery.handled', 'outgoing-entry', sent.entryId!, { partnerId: x.partnerId, handledAt: null }, { partnerId: x.partnerId, handledAt: at }),
      ]);
      return this.store(record(200, { status: done?.status ?? 'registered' }), { audit: [] });
    }
    const status = s.status;
    const updated = await this.sending.patchDelivery(
      sent.entryId,
      partner.id,
      (x) =>
        advances(x.status, status)
          ? {
              status,
              at: s.timestamp,
              ...(s.arrivalNumber !== null ? { arrivalNumber: s.arrivalNumber } : {}),
              ...(s.description ? { reason: s.description } : {}),
              ...(x.receivedAt === null ? { receivedAt: s.timestamp } : {}),
              ...(x.sentAt === null ? { sentAt: s.timestamp } : {}),
            }
          : // A notice overtaken by a later one still tells when it was received.
            x.receivedAt === null && status === 'received'
            ? { receivedAt: s.timestamp }
            : null,
      (x) => [this.event(ctx, `exchange.delivery.${status}`, 'outgoing-entry', sent.entryId!, { partnerId: x.partnerId, status: x.status }, { partnerId: x.partnerId, status, arrivalNumber: s.arrivalNumber, reason: s.description })],
    );
    return this.store(record(200, { status: updated?.status ?? status }), { audit: [] });
  }

  private async recalled(partner: Partner, content: string, record: (s: number, a: unknown) => ReceivedMessage, ctx: Ctx): Promise<Answer> {
    const s = parseStatus(content);
    if (s.from.id !== partner.id || s.status !== 'recall') throw new ValidationError('Yêu cầu thu hồi không hợp lệ (malformed recall)', [], 'MALFORMED_MESSAGE');
    const pkg = await this.d.store.received(partner.id, s.responseFor);
    const inboxId = (pkg?.answer as { inboxId?: string } | undefined)?.inboxId;
    // Not here yet (the package is still on its way): the sender tries again.
    if (!inboxId) throw new ConflictError(`Chưa nhận gói tin ${s.responseFor} (package not received yet)`, [], 'PACKAGE_NOT_RECEIVED');
    const item = (await this.d.store.inboxItem(inboxId))!;
    const now = this.d.clock.now().toISOString();
    const reason = s.description;
    await this.freeze(partner, item, s.responseFor, { reason, action: 'exchange.recalled', mark: `Văn bản đã bị ${partner.name} thu hồi ngày ${now.slice(0, 10)}${reason ? `: ${reason}` : ''}` }, ctx);
    return this.store(record(200, { status: 'recalled', inboxId }), { audit: [] });
  }

  /** Marks the registered entry of a recalled document (its note), through the registers module. */
  private async markEntry(entryId: string, mark: string): Promise<void> {
    for (let i = 0; i < 3; i++) {
      const e = await this.d.registers.getIncoming(entryId, EXCHANGE_CALLER);
      const note = e.note ? `${e.note}\n${mark}` : mark;
      try {
        await this.d.registers.updateIncoming(entryId, { note: note.slice(0, 2000) }, e.version, { actor: EXCHANGE_CALLER });
        return;
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
    }
  }

  // --- the clerk's electronic inbox ---------------------------------------------------------------

  private async visible(id: string, viewer: Caller): Promise<InboxItem> {
    const item = await this.d.store.inboxItem(id);
    if (!item || !canSee(viewer.clearance, item.secrecy)) throw new NotFoundError(`Không có văn bản ${id} trong hộp thư liên thông (not found)`);
    return item;
  }

  async list(q: { status?: InboxStatus; limit?: number; cursor?: string }, viewer: Caller) {
    const visible = (CLEARANCES.slice(1) as Secrecy[]).filter((s) => canSee(viewer.clearance, s));
    const page = await this.d.store.inbox({ ...q, limit: q.limit ?? 50, visible });
    return { items: page.items.map(inboxView), nextCursor: page.nextCursor };
  }

  async get(id: string, viewer: Caller) {
    return inboxView(await this.visible(id, viewer));
  }

  async document(id: string, viewer: Caller): Promise<{ bytes: Uint8Array; name: string }> {
    const item = await this.visible(id, viewer);
    const bytes = item.documentKey ? await this.d.blobs.get(item.documentKey) : undefined;
    if (!bytes) throw new NotFoundError('Gói tin không kèm tệp văn bản (no document attached)');
    return { bytes, name: item.numberSymbol.replace(/[^A-Za-z0-9-]/g, '_') };
  }

  /**
   * An incoming entry was written (the Data table's stream): when it is done and was registered
   * from the exchange, the 'handled' notice goes back to the sender, once (its id is the inbox
   * item's, so a repeated record writes nothing).
   */
  async entryWritten(entry: { id: string; register: string; status?: string; doneAt?: string | null }): Promise<boolean> {
    if (entry.register !== 'incoming' || entry.status !== 'done') return false;
    const inboxId = await this.d.store.inboxOfEntry(entry.id);
    const item = inboxId ? await this.d.store.inboxItem(inboxId) : undefined;
    if (!item || item.status !== 'registered' || item.handledAt) return false;
    const at = entry.doneAt ?? this.d.clock.now().toISOString();
    // Its Timestamp is when the entry was done; its id the inbox item's, so a repeated stream record writes nothing.
    const notice = { ...this.notice(item.from, item.messageId, 'handled', { at }), messageId: `${item.id}-handled` };
    const ctx = { actor: EXCHANGE_CALLER };
    const ok = await this.d.store.updateInbox(item.id, ['registered'], { handledAt: at }, {
      notices: [notice],
      audit: [this.event(ctx, 'exchange.handled', 'exchange-inbox', item.id, { handledAt: null }, { handledAt: at, entryId: entry.id, secrecy: item.secrecy })],
    });
    if (ok) await this.d.queue.enqueue([{ messageId: notice.messageId }]);
    return ok;
  }

  /** Vào sổ văn bản đến in one step: fields from the envelope, the next số đến; a repeat gives the same entry. */
  async register(id: string, opts: { force?: boolean }, ctx: Ctx): Promise<{ entry: IncomingEntryView; created: boolean }> {
    const item = await this.visible(id, ctx.actor);
    if (item.status === 'registered' && item.entryId) return { entry: await this.d.registers.getIncoming(item.entryId, ctx.actor), created: false };
    if (item.status !== 'new') throw this.notNew(item);
    const notice = { current: undefined as OutgoingMessage | undefined };
    const auditItem = (entry: { id: string; arrivalNumber: number }) =>
      this.event(ctx, 'exchange.registered', 'exchange-inbox', id, { status: 'new' }, { status: 'registered', entryId: entry.id, arrivalNumber: entry.arrivalNumber, secrecy: item.secrecy });
    const { entry, created } = await this.d.registers.registerIncoming(
      {
        numberSymbol: item.numberSymbol,
        documentDate: item.documentDate,
        issuer: item.issuer,
        typeCode: item.typeCode,
        subject: item.subject,
        secrecy: item.secrecy,
        urgency: item.urgency,
        ...(item.dueDate ? { dueDate: item.dueDate } : {}),
        note: `Nhận qua liên thông từ ${item.fromName}`,
        ...(opts.force ? { force: true } : {}),
      },
      { ...ctx, idempotencyKey: `exchange-inbox#${id}` },
      {
        keys: [`EXINBOX#${id}|ITEM`],
        size: 4,
        items: (e) => {
          notice.current = this.notice(item.from, item.messageId, 'registered', { arrivalNumber: e.arrivalNumber });
          const w = this.d.store.registerItems(id, { entryId: e.id, arrivalNumber: e.arrivalNumber }, notice.current);
          return [...w.items, auditItem(e)];
        },
        conflict: async () => this.notNew((await this.d.store.inboxItem(id)) ?? item),
      },
    );
    if (created && notice.current) await this.d.queue.enqueue([{ messageId: notice.current.messageId }]);
    return { entry, created };
  }

  /** Trả lại: 409 unless the item is new. */
  async return(id: string, reason: string, ctx: Ctx) {
    const item = await this.visible(id, ctx.actor);
    if (item.status !== 'new') throw this.notNew(item);
    const n = this.notice(item.from, item.messageId, 'returned', { reason });
    const ok = await this.d.store.updateInbox(id, ['new'], { status: 'returned', reason }, { notices: [n], audit: [this.event(ctx, 'exchange.returned', 'exchange-inbox', id, { status: 'new' }, { status: 'returned', reason, secrecy: item.secrecy })] });
    if (!ok) throw this.notNew((await this.d.store.inboxItem(id)) ?? item);
    await this.d.queue.enqueue([{ messageId: n.messageId }]);
    return inboxView({ ...item, status: 'returned', reason });
  }

  private notNew(item: InboxItem): ConflictError {
    const why: Record<InboxStatus, string> = {
      new: 'Văn bản đang được xử lý, thử lại (busy)',
      registered: 'Văn bản đã được vào sổ (already registered)',
      returned: 'Văn bản đã được trả lại cho nơi gửi (already returned)',
      recalled: 'Văn bản đã bị nơi gửi thu hồi: không vào sổ được (recalled by the sender)',
    };
    return new ConflictError(why[item.status], [], item.status === 'recalled' ? 'RECALLED' : 'INBOX_NOT_NEW');
  }
}
