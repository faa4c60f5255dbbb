/** Register routes: the incoming register (sổ văn bản đến), the outgoing register (sổ văn bản đi), and their printable export. */
import * as z from 'zod';
import { OFFICE_ROLES, type Role } from '../platform/security';
import { INCOMING_STATUSES, LIMITS, OUTGOING_STATUSES, REGISTER_NAMES, SECRECY_LEVELS } from './domain/model';
import { URGENCY_LEVELS } from '../office';
import { defineRoute } from '../platform/http/route';
import { InstructionView } from '../assignments/schemas';
import { ETAG_HEADERS, FILE_HEADERS, Id, ListQuery, listOf } from '../platform/http/schemas';

const CLERK: readonly Role[] = ['van-thu'];
const UPDATERS: readonly Role[] = ['van-thu', 'lanh-dao-vp', 'chuyen-vien'];
const VOIDERS: readonly Role[] = ['van-thu', 'lanh-dao-vp'];

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });
const Day = z.iso.date({ error: 'must be a real calendar date YYYY-MM-DD' });
const Secrecy = z.enum(SECRECY_LEVELS, { error: `must be null or one of ${SECRECY_LEVELS.join(', ')}` }).nullable();
const Urgency = z.enum(URGENCY_LEVELS, { error: `must be null or one of ${URGENCY_LEVELS.join(', ')}` }).nullable();
const TypeCode = z.string().trim().min(1, { error: 'must not be empty' }).max(10, { error: 'must be at most 10 characters' });
const Recipients = z.array(text(LIMITS.recipient)).max(LIMITS.recipients, { error: `at most ${LIMITS.recipients} recipients` });
const Note = z.string().trim().max(LIMITS.note, { error: `must be at most ${LIMITS.note} characters` }).nullable();
const Version = z.number().int().min(1);
const Year = z.coerce.number().int().min(1930).max(2200);
const Actor = z.object({ sub: z.string(), username: z.string() });

export const IncomingEntryCreate = z
  .strictObject({
    numberSymbol: text(LIMITS.numberSymbol).meta({ description: 'Số, ký hiệu as printed, e.g. "10-NQ/TU" or "45/2024/NĐ-CP"' }),
    documentDate: Day.meta({ description: 'Ngày văn bản; not in the future' }),
    issuer: text(LIMITS.name).meta({ description: 'Tác giả: the issuing body as the document names it' }),
    typeCode: TypeCode.meta({ description: 'Document type code from the configuration (NQ, QĐ, CT, CV…)' }),
    subject: text(LIMITS.subject).meta({ description: 'Trích yếu' }),
    secrecy: Secrecy.meta({ description: 'Độ mật; required (null when not secret). Tối mật and Tuyệt mật: metadata only' }),
    urgency: Urgency.default(null).meta({ description: 'Độ khẩn; sets the default due date' }),
    scanId: Id.nullable().optional().meta({ description: 'The scan this entry was read from (refused for tối mật / tuyệt mật)' }),
    handler: text(LIMITS.name).nullable().optional().meta({ description: 'Người/đơn vị chủ trì; giving one assigns the entry' }),
    dueDate: Day.nullable().optional().meta({ description: 'Thời hạn giải quyết set by hand; default from urgency' }),
    recipients: Recipients.optional(),
    note: Note.optional(),
    force: z.boolean().optional().meta({ description: 'Register it although the same letter (number-symbol and date) is already in the register' }),
    secrecyLoweredReason: text(LIMITS.reason)
      .optional()
      .meta({ description: 'With scanId: why the entry is registered below the secrecy OCR read on the scan. Only an office leader (lanh-dao-vp) may; audited on the scan' }),
  })
  .meta({ id: 'IncomingEntryCreate' });

export const IncomingEntryPatch = z
  .strictObject({
    version: Version.optional().meta({ description: 'The version this change is made from (or send If-Match)' }),
    handler: text(LIMITS.name).nullable().optional(),
    status: z.enum(INCOMING_STATUSES, { error: `must be one of ${INCOMING_STATUSES.join(', ')}` }).optional(),
    dueDate: Day.nullable().optional().meta({ description: 'null = back to the due date from urgency' }),
    recipients: Recipients.optional(),
    note: Note.optional(),
  })
  .meta({ id: 'IncomingEntryPatch' });

export const OutgoingEntryCreate = z
  .strictObject({
    typeCode: TypeCode,
    issuerCode: z.string().trim().min(1, { error: 'must not be empty' }).max(20, { error: 'must be at most 20 characters' }).meta({ description: 'Code printed after "/" (TU, VPTU, BTCTU…)' }),
    issuerId: z.string().trim().min(1).max(64).optional().meta({ description: 'The exact issuing body when the code stands for several (tu-bch, tu-btv, tu-tt)' }),
    subject: text(LIMITS.subject),
    documentDate: Day.optional().meta({ description: 'Defaults to today (office time zone); not in the future' }),
    signer: text(LIMITS.name),
    recipients: Recipients.default([]),
    secrecy: Secrecy,
    urgency: Urgency.default(null),
    copies: z.number().int().min(1).max(LIMITS.copies).nullable().optional().meta({ description: 'Số lượng bản' }),
    filing: text(LIMITS.name).nullable().optional().meta({ description: 'Nơi lưu' }),
    note: Note.optional(),
  })
  .meta({ id: 'OutgoingEntryCreate' });

export const OutgoingVoid = z
  .strictObject({
    reason: text(LIMITS.reason).meta({ description: 'Why the number is void (lý do hủy số)' }),
    version: Version.optional(),
  })
  .meta({ id: 'OutgoingVoid' });

export const IncomingEntry = z
  .object({
    id: z.string(),
    register: z.literal('incoming'),
    book: z.enum(['normal', 'secret']),
    arrivalNumber: z.number().int(),
    arrivalYear: z.number().int(),
    arrivalDate: z.string(),
    arrivedAt: z.string(),
    numberSymbol: z.string(),
    documentDate: z.string(),
    issuer: z.string(),
    issuerCode: z.string().nullable(),
    typeCode: z.string(),
    typeName: z.string(),
    subject: z.string(),
    secrecy: Secrecy,
    urgency: Urgency,
    scanId: z.string().nullable(),
    handler: z.string().nullable(),
    recipients: z.array(z.string()),
    note: z.string().nullable(),
    dueDate: z.string().nullable(),
    dueAt: z.string().nullable(),
    dueSource: z.enum(['urgency', 'manual']).nullable(),
    status: z.enum(INCOMING_STATUSES),
    overdue: z.boolean(),
    assignedAt: z.string().nullable(),
    doneAt: z.string().nullable(),
    duplicateOf: z.string().nullable(),
    duplicateOfSecrecy: z.enum(SECRECY_LEVELS).nullable().optional().meta({ description: 'Secrecy of the entry this one repeats; the repeat is shown only to readers whose clearance covers it' }),
    instruction: InstructionView.nullable().optional().meta({ description: "The leader's instruction (ý kiến chỉ đạo) with the lead and co-operating units given the work; on the entry's own view (GET one entry)" }),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: Actor,
    updatedAt: z.string(),
    updatedBy: Actor,
  })
  .meta({ id: 'IncomingEntry' });

export const OutgoingEntry = z
  .object({
    id: z.string(),
    register: z.literal('outgoing'),
    year: z.number().int(),
    number: z.number().int(),
    numberSymbol: z.string(),
    scope: z.object({ kind: z.enum(['term', 'year', 'congress']), key: z.string(), label: z.string(), periodId: z.string(), secretSeries: z.boolean() }),
    typeCode: z.string(),
    typeName: z.string(),
    issuerCode: z.string(),
    issuerId: z.string().nullable(),
    issuerName: z.string(),
    subject: z.string(),
    documentDate: z.string(),
    signer: z.string(),
    recipients: z.array(z.string()),
    filing: z.string().nullable(),
    copies: z.number().int().nullable(),
    secrecy: Secrecy,
    urgency: Urgency,
    note: z.string().nullable(),
    draftId: z.string().nullable(),
    status: z.enum(OUTGOING_STATUSES),
    voidedAt: z.string().nullable(),
    voidedBy: Actor.nullable(),
    voidReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: Actor,
    updatedAt: z.string(),
    updatedBy: Actor,
  })
  .meta({ id: 'OutgoingEntry' });

export const RegisterCounts = z
  .object({
    register: z.enum(REGISTER_NAMES),
    year: z.number().int(),
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    overdue: z.number().int(),
    byGroup: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'RegisterCounts' });

const IdParams = z.object({ id: Id });
const RegisterParams = z.object({ register: z.enum(REGISTER_NAMES, { error: 'must be incoming or outgoing' }) });
const DateRange = { from: Day.optional(), to: Day.optional() };

export const registerRoutes = [
  defineRoute({
    operationId: 'createIncomingEntry',
    method: 'POST',
    path: '/v1/registers/incoming/entries',
    fn: 'registers',
    auth: 'user',
    roles: CLERK,
    idempotent: true,
    summary: 'Register a received document (vào sổ văn bản đến); takes the next số đến of the year',
    tags: ['registers'],
    request: { body: IncomingEntryCreate },
    responses: {
      201: { description: 'Registered', schema: IncomingEntry, headers: ETAG_HEADERS },
      200: { description: 'Already registered from this scan: the existing entry', schema: IncomingEntry, headers: ETAG_HEADERS },
    },
  }),
  defineRoute({
    operationId: 'listIncomingEntries',
    method: 'GET',
    path: '/v1/registers/incoming/entries',
    fn: 'registers',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'The incoming register of a year, in số đến order (secret book after the normal one)',
    tags: ['registers'],
    request: {
      query: ListQuery.extend({
        year: Year.optional(),
        book: z.enum(['normal', 'secret']).optional(),
        status: z.enum(INCOMING_STATUSES).optional(),
        typeCode: TypeCode.optional(),
        overdue: z.enum(['true', 'false']).optional(),
        handler: text(LIMITS.name).optional().meta({ description: 'Only the entries assigned to this handler (người chủ trì), e.g. the caller’s user name' }),
        ...DateRange,
      }),
    },
    responses: { 200: { description: 'A page of entries', schema: listOf(IncomingEntry) } },
  }),
  defineRoute({
    operationId: 'getIncomingEntry',
    method: 'GET',
    path: '/v1/registers/incoming/entries/{id}',
    fn: 'registers',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'One incoming entry (404 when above your clearance)',
    tags: ['registers'],
    request: { params: IdParams },
    responses: { 200: { description: 'The entry; ETag carries its version', schema: IncomingEntry, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    operationId: 'updateIncomingEntry',
    method: 'PATCH',
    path: '/v1/registers/incoming/entries/{id}',
    fn: 'registers',
    auth: 'user',
    roles: UPDATERS,
    summary: 'Assign, move the status (registered → assigned → in-progress → done), set the due date; needs the version',
    ifMatch: true,
    tags: ['registers'],
    request: { params: IdParams, body: IncomingEntryPatch },
    responses: { 200: { description: 'The entry after the change', schema: IncomingEntry, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    operationId: 'createOutgoingEntry',
    method: 'POST',
    path: '/v1/registers/outgoing/entries',
    fn: 'registers',
    auth: 'user',
    roles: CLERK,
    idempotent: true,
    summary: 'Take the next outgoing number (cấp số văn bản đi) of the issuing body, type and numbering scope',
    tags: ['registers'],
    request: { body: OutgoingEntryCreate },
    responses: { 201: { description: 'Numbered', schema: OutgoingEntry, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    operationId: 'listOutgoingEntries',
    method: 'GET',
    path: '/v1/registers/outgoing/entries',
    fn: 'registers',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'The outgoing register of a year, by document date',
    tags: ['registers'],
    request: {
      query: ListQuery.extend({
        year: Year.optional(),
        status: z.enum(OUTGOING_STATUSES).optional(),
        typeCode: TypeCode.optional(),
        issuerCode: z.string().trim().min(1).max(20).optional(),
        ...DateRange,
      }),
    },
    responses: { 200: { description: 'A page of entries', schema: listOf(OutgoingEntry) } },
  }),
  defineRoute({
    operationId: 'getOutgoingEntry',
    method: 'GET',
    path: '/v1/registers/outgoing/entries/{id}',
    fn: 'registers',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'One outgoing entry (404 when above your clearance)',
    tags: ['registers'],
    request: { params: IdParams },
    responses: { 200: { description: 'The entry; ETag carries its version', schema: OutgoingEntry, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    operationId: 'getOutgoingDocument',
    method: 'GET',
    path: '/v1/registers/outgoing/entries/{id}/document',
    fn: 'registers',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'The issued document in Party format, signed with the office key (PAdES); 409 for a secret or void entry, 404 when above your clearance',
    tags: ['registers'],
    request: { params: IdParams },
    responses: { 200: { description: 'The signed PDF (the same bytes every time)', contentType: 'application/pdf', schema: z.string().meta({ format: 'binary' }), headers: FILE_HEADERS } },
  }),
  defineRoute({
    operationId: 'voidOutgoingEntry',
    method: 'POST',
    path: '/v1/registers/outgoing/entries/{id}/void',
    fn: 'registers',
    auth: 'user',
    roles: VOIDERS,
    summary: 'Void an outgoing number (hủy số): it stays used and shows void',
    ifMatch: true,
    tags: ['registers'],
    request: { params: IdParams, body: OutgoingVoid },
    responses: { 200: { description: 'The entry, now void', schema: OutgoingEntry, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    operationId: 'exportRegister',
    method: 'GET',
    path: '/v1/registers/{register}/export',
    fn: 'exports',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'The printable register of a year (legal columns, Vietnamese headers; XLSX for A4 landscape, or CSV)',
    tags: ['registers'],
    request: {
      params: RegisterParams,
      query: z.object({ year: Year.optional(), format: z.enum(['xlsx', 'csv'], { error: 'must be xlsx or csv' }).default('xlsx') }),
    },
    responses: {
      200: {
        description: 'The register file: the workbook (format=xlsx) or the CSV file (format=csv)',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        schema: z.string().meta({ format: 'binary' }),
        alsoContent: { 'text/csv': z.string().meta({ description: 'UTF-8, the legal columns with Vietnamese headers' }) },
        headers: FILE_HEADERS,
      },
    },
  }),
  defineRoute({
    operationId: 'getRegisterCounts',
    method: 'GET',
    path: '/v1/registers/{register}/counts',
    fn: 'registers',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'How many entries a register holds in a year (or on some days of it: arrival dates, document dates for outgoing), by status and book/type, and how many are overdue (what you may see)',
    tags: ['registers'],
    request: { params: RegisterParams, query: z.object({ year: Year.optional(), ...DateRange }) },
    responses: { 200: { description: 'Counts', schema: RegisterCounts } },
  }),
];
