/** Exchange routes (liên thông): this office's identity, the partners directory, sending and recall, the partner-to-partner endpoint, the electronic inbox. */
import * as z from 'zod';
import { OFFICE_ROLES, type Role } from '../platform/security';
import { defineRoute } from '../platform/http/route';
import { FILE_HEADERS, Id, ListQuery, listOf } from '../platform/http/schemas';
import { ScanSignature } from '../scans/routes';
import { DELIVERY_STATUSES, INBOX_STATUSES } from './domain/model';

const CLERK: readonly Role[] = ['van-thu'];
const ADMIN: readonly Role[] = ['admin'];
const RECALLERS: readonly Role[] = ['van-thu', 'lanh-dao-vp'];
const Reason = z.string().trim().min(1, { error: 'must not be empty' }).max(1000, { error: 'must be at most 1000 characters' });
const IdParams = z.object({ id: Id });
const Secrecy = z.enum(['mat', 'toi-mat', 'tuyet-mat']).nullable();

export const ExchangeIdentity = z
  .object({ id: z.string(), name: z.string(), endpoint: z.string().meta({ description: 'Where partners post messages (POST /v1/exchange/messages)' }), certificate: z.string().meta({ description: 'The office signing certificate (PEM)' }) })
  .meta({ id: 'ExchangeIdentity' });

export const PartnerBody = z
  .strictObject({
    id: Id.meta({ description: 'The partner office’s id (its identity endpoint gives it)' }),
    name: z.string().trim().min(1).max(300),
    endpoint: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(500),
    certificate: z.string().min(100).max(20_000).meta({ description: 'Its signing certificate (PEM)' }),
    encryptedChannel: z.boolean().default(false).meta({ description: 'The link is a cơ yếu encrypted channel (Mật documents go only over these)' }),
  })
  .meta({ id: 'Partner' });

export const Recipient = z
  .object({ id: z.string(), name: z.string(), encryptedChannel: z.boolean().meta({ description: 'A Mật document may go to it (cơ yếu encrypted channel)' }) })
  .meta({ id: 'ExchangeRecipient' });

const SendBody = z.strictObject({ to: z.array(Id).min(1, { error: 'choose at least one partner' }).max(100) }).meta({ id: 'ExchangeSend' });
const RecallBody = z.strictObject({ reason: Reason }).meta({ id: 'ExchangeRecall' });
const ReplaceBody = z
  .strictObject({ by: Id.meta({ description: 'The new version: another issued outgoing entry' }), reason: Reason })
  .meta({ id: 'ExchangeReplace' });
const ReturnBody = z.strictObject({ reason: Reason }).meta({ id: 'ExchangeReturn' });
const RegisterBody = z.strictObject({ force: z.boolean().optional().meta({ description: 'Register although the same letter is already in the register' }) }).meta({ id: 'ExchangeRegister' });

const Queued = z.object({ deliveries: z.array(z.object({ partnerId: z.string(), status: z.enum(DELIVERY_STATUSES), messageId: z.string().optional() })) }).meta({ id: 'ExchangeQueued' });

export const DeliveryView = z
  .object({
    partnerId: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    arrivalNumber: z.number().int().optional().meta({ description: 'Số đến the partner gave it' }),
    reason: z.string().optional().meta({ description: 'Why it was returned, or why it failed' }),
    at: z.string(),
    sentAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
    acknowledgedSameDay: z.boolean().nullable().meta({ description: 'Receipt acknowledged the day it was sent (Nghị định 30 Điều 21); null until both are known' }),
    attempts: z.number().int(),
    handledAt: z.string().nullable().meta({ description: 'When the partner’s entry made from it was handled (done): its “handled” notice; the status stays registered. Null before' }),
    replaces: z.string().nullable().meta({ description: 'The outgoing entry this one is a new version of at this partner' }),
    replacedBy: z.string().nullable().meta({ description: 'The outgoing entry that replaced this one; its status becomes recalled when the partner froze its copy' }),
  })
  .meta({ id: 'ExchangeDelivery' });


export const InboxItemView = z
  .object({
    id: z.string(),
    from: z.string(),
    fromName: z.string(),
    numberSymbol: z.string(),
    subject: z.string(),
    documentDate: z.string(),
    typeCode: z.string(),
    issuer: z.string(),
    signer: z.string().nullable(),
    secrecy: Secrecy,
    urgency: z.enum(['khan', 'thuong-khan', 'hoa-toc']).nullable(),
    dueDate: z.string().nullable(),
    status: z.enum(INBOX_STATUSES),
    // The attached PDF's signatures, checked as a received scan's are (with where revocation could be checked).
    signatures: z.array(ScanSignature),
    receivedAt: z.string(),
    entryId: z.string().nullable(),
    arrivalNumber: z.number().int().nullable(),
    reason: z.string().nullable(),
    recalledAt: z.string().nullable(),
    replaces: z.string().nullable().meta({ description: 'The inbox item this one is a new version of' }),
    replacedBy: z.string().nullable().meta({ description: 'The inbox item that replaced this one (status recalled)' }),
    hasDocument: z.boolean(),
  })
  .meta({ id: 'ExchangeInboxItem' });

const Accepted = z.object({ messageId: z.string().optional(), status: z.string(), inboxId: z.string().optional(), receivedAt: z.string().optional() }).meta({ id: 'ExchangeAccepted' });
const AnyEntry = z.object({ id: z.string(), arrivalNumber: z.number().int() }).loose();

export const exchangeRoutes = [
  defineRoute({
    operationId: 'getExchangeIdentity',
    method: 'GET',
    path: '/v1/exchange/identity',
    fn: 'exchange',
    auth: 'none',
    summary: 'This office in the exchange: id, name, endpoint and signing certificate (what a partner enters in its directory)',
    tags: ['exchange'],
    responses: { 200: { description: 'The identity', schema: ExchangeIdentity } },
  }),
  defineRoute({
    operationId: 'listExchangePartners',
    method: 'GET',
    path: '/v1/exchange/partners',
    fn: 'exchange',
    auth: 'user',
    roles: ADMIN,
    summary: 'The partners directory (đơn vị liên thông)',
    tags: ['exchange'],
    responses: { 200: { description: 'Every partner', schema: z.object({ items: z.array(PartnerBody) }) } },
  }),
  defineRoute({
    operationId: 'listExchangeRecipients',
    method: 'GET',
    path: '/v1/exchange/recipients',
    fn: 'exchange',
    auth: 'user',
    roles: CLERK,
    summary: 'The partners a clerk may send to (the send dialog): id, name and whether the link is an encrypted channel only; endpoints and certificates stay with admins (GET /v1/exchange/partners)',
    tags: ['exchange'],
    responses: { 200: { description: 'Every partner, by id', schema: z.object({ items: z.array(Recipient) }) } },
  }),
  defineRoute({
    operationId: 'addExchangePartner',
    method: 'POST',
    path: '/v1/exchange/partners',
    fn: 'exchange',
    auth: 'user',
    roles: ADMIN,
    summary: 'Add a partner office; 409 when its id is taken',
    tags: ['exchange'],
    request: { body: PartnerBody },
    responses: { 201: { description: 'Added', schema: PartnerBody } },
  }),
  defineRoute({
    operationId: 'sendOutgoingEntry',
    method: 'POST',
    path: '/v1/registers/outgoing/entries/{id}/send',
    fn: 'exchange',
    auth: 'user',
    roles: CLERK,
    summary: 'Send the issued document to partners (gửi liên thông): one queued delivery each. 409 for Tối mật / Tuyệt mật, for Mật unless every link is an encrypted channel, for a void number, or when already under way',
    tags: ['exchange'],
    request: { params: IdParams, body: SendBody },
    responses: { 202: { description: 'Queued', schema: Queued } },
  }),
  defineRoute({
    operationId: 'listOutgoingDeliveries',
    method: 'GET',
    path: '/v1/registers/outgoing/entries/{id}/deliveries',
    fn: 'exchange',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'Where the document went: per partner status, số đến, reason, times and same-day acknowledgement',
    tags: ['exchange'],
    request: { params: IdParams },
    responses: { 200: { description: 'One per partner', schema: z.object({ items: z.array(DeliveryView) }) } },
  }),
  defineRoute({
    operationId: 'recallOutgoingEntry',
    method: 'POST',
    path: '/v1/registers/outgoing/entries/{id}/recall',
    fn: 'exchange',
    auth: 'user',
    roles: RECALLERS,
    summary: 'Recall (thu hồi) the document from every partner it went to; 409 when it went nowhere',
    tags: ['exchange'],
    request: { params: IdParams, body: RecallBody },
    responses: { 202: { description: 'Recall queued', schema: Queued } },
  }),
  defineRoute({
    operationId: 'replaceOutgoingEntry',
    method: 'POST',
    path: '/v1/registers/outgoing/entries/{id}/replace',
    fn: 'exchange',
    auth: 'user',
    roles: RECALLERS,
    summary:
      'Replace the document with a new version (`by`, another issued entry) at every partner it is still live at: the new one is sent naming the one it replaces; the partner freezes its old copy (recalled, pointing to the new item). 409 when it went nowhere, or the new one is void, itself, or already sent there',
    tags: ['exchange'],
    request: { params: IdParams, body: ReplaceBody },
    responses: { 202: { description: 'The new version queued', schema: Queued } },
  }),
  defineRoute({
    operationId: 'receiveExchangeMessage',
    method: 'POST',
    path: '/v1/exchange/messages',
    fn: 'exchange',
    auth: 'none',
    rawBody: true,
    summary:
      'The partner-to-partner endpoint: JSON {messageId, from, to, kind: package|notice|recall, sentAt, content (edXML)} signed by the sender (header Daumoi-Signature: detached JWS over the body). 403 unknown sender, 401 bad signature or stale time, 409 the id reused for another content, 413 too large, 400 malformed; the same message again is answered the same',
    tags: ['exchange'],
    responses: {
      202: { description: 'A package received', schema: Accepted },
      200: { description: 'A notice or recall applied', schema: Accepted },
      401: { description: 'No signature, a signature that does not verify with the sender’s certificate, or a time outside the window (a replay)' },
      403: { description: 'The sender is not in the partners directory' },
      404: { description: 'A notice about a package this office never sent to that partner' },
      409: { description: 'The message id was used for another content (replay), a document that may not come over this link (secrecy), or a recall of a package not received yet' },
    },
  }),
  defineRoute({
    operationId: 'listExchangeInbox',
    method: 'GET',
    path: '/v1/exchange/inbox',
    fn: 'exchange',
    auth: 'user',
    roles: CLERK,
    summary: 'The electronic inbox (văn bản điện tử đến), newest first; what your clearance covers',
    tags: ['exchange'],
    request: { query: ListQuery.extend({ status: z.enum(INBOX_STATUSES, { error: `must be one of ${INBOX_STATUSES.join(', ')}` }).optional() }) },
    responses: { 200: { description: 'A page', schema: listOf(InboxItemView) } },
  }),
  defineRoute({
    operationId: 'getExchangeInboxItem',
    method: 'GET',
    path: '/v1/exchange/inbox/{id}',
    fn: 'exchange',
    auth: 'user',
    roles: CLERK,
    summary: 'One received document (404 above your clearance)',
    tags: ['exchange'],
    request: { params: IdParams },
    responses: { 200: { description: 'The item', schema: InboxItemView } },
  }),
  defineRoute({
    operationId: 'getExchangeInboxDocument',
    method: 'GET',
    path: '/v1/exchange/inbox/{id}/document',
    fn: 'exchange',
    auth: 'user',
    roles: CLERK,
    summary: 'The received PDF as it came (its signatures are on the item)',
    tags: ['exchange'],
    request: { params: IdParams },
    responses: { 200: { description: 'The PDF', contentType: 'application/pdf', schema: z.string().meta({ format: 'binary' }), headers: FILE_HEADERS } },
  }),
  defineRoute({
    operationId: 'registerExchangeInboxItem',
    method: 'POST',
    path: '/v1/exchange/inbox/{id}/register',
    fn: 'exchange',
    auth: 'user',
    roles: CLERK,
    summary: 'Vào sổ văn bản đến in one step: fields from the envelope, the next số đến; again: the same entry (200). 409 when recalled or returned',
    tags: ['exchange'],
    request: { params: IdParams, body: RegisterBody.optional() },
    responses: { 201: { description: 'The incoming entry', schema: AnyEntry }, 200: { description: 'Already registered: the entry', schema: AnyEntry } },
  }),
  defineRoute({
    operationId: 'returnExchangeInboxItem',
    method: 'POST',
    path: '/v1/exchange/inbox/{id}/return',
    fn: 'exchange',
    auth: 'user',
    roles: CLERK,
    summary: 'Trả lại: return the document to its sender with a reason; 409 unless it is new',
    tags: ['exchange'],
    request: { params: IdParams, body: ReturnBody },
    responses: { 200: { description: 'The item, returned', schema: InboxItemView } },
  }),
];
