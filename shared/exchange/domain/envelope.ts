/**
 * The package's envelope, modelled on edXML (QCVN 102:2016, gói tin văn bản điện tử): From/To
 * organisation ids, Code (CodeNumber + CodeNotation), PromulgationInfo (Place + PromulgationDate),
 * DocumentType, Subject, SignerInfo, DueDate, OtherInfo/Priority (độ khẩn), SteeringType,
 * TraceHeaderList, and the signed PDF as a base64 attachment in the body; and the status
 * message (edXML Status) that carries notices and recalls. Element names are edXML's; the
 * secrecy level (OtherInfo/SecurityLevel) is this project's addition. Built and read with
 * fast-xml-parser; what is read is checked with zod, so a malformed package is a 400.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import * as z from 'zod';
import { ValidationError } from '../../platform/errors';
import type { Secrecy } from '../../platform/security';
import { NOTICE_STATUSES, type NoticeStatus } from './model';

export interface Organ {
  id: string;
  name: string;
}

export interface PackageFacts {
  from: Organ;
  to: Organ;
  /** The document's id at the sender (its outgoing entry). */
  documentId: string;
  codeNumber: string;
  codeNotation: string;
  place: string;
  promulgationDate: string;
  typeCode: string;
  typeName: string;
  subject: string;
  signer: { position: string | null; fullName: string };
  dueDate: string | null;
  urgency: 'khan' | 'thuong-khan' | 'hoa-toc' | null;
  secrecy: Secrecy | null;
  steeringType: string;
  toPlaces: string[];
  trace: { organId: string; timestamp: string }[];
  attachment: { name: string; contentType: 'application/pdf'; base64: string } | null;
  /** The package (its message id) this one replaces, a new version of it (edXML ReplacementInfoList); null: none. */
  replaces?: string | null;
}

export interface StatusFacts {
  from: Organ;
  /** The package (its message id at the sender) this status is about. */
  responseFor: string;
  status: NoticeStatus | 'recall';
  arrivalNumber: number | null;
  description: string | null;
  timestamp: string;
}

/** edXML's Priority: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc. */
const PRIORITY = { null: '0', khan: '1', 'thuong-khan': '2', 'hoa-toc': '3' } as const;
const SECURITY = { null: '0', mat: '1', 'toi-mat': '2', 'tuyet-mat': '3' } as const;
/** edXML status codes: 01 đã đến, 02 từ chối (trả lại), 03 đã tiếp nhận (vào sổ), 06 hoàn thành (xử lý xong), 13 lấy lại (thu hồi), 15 đã thu hồi. */
const STATUS_CODE: Record<StatusFacts['status'], string> = { received: '01', returned: '02', registered: '03', handled: '06', recall: '13', recalled: '15' };
const invert = <K extends string, V extends string>(o: Record<K, V>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k])) as Record<V, K>;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: false, suppressEmptyNode: false });
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false, trimValues: true, isArray: (name, jpath) => ['TraceHeader', 'Attachment'].includes(name) || String(jpath).endsWith('ToPlaces.Place'), processEntities: true, htmlEntities: false });

/** Prefixes every element with `edXML:` (attributes keep their names). */
function ns(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(ns);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.startsWith('@') || k === '#text' ? k : `edXML:${k}`, ns(x)]));
  return v;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

export function buildPackage(f: PackageFacts): string {
  const header = {
    MessageHeader: {
      From: { OrganId: f.from.id, OrganName: f.from.name },
      To: { OrganId: f.to.id, OrganName: f.to.name },
      DocumentId: f.documentId,
      Code: { CodeNumber: f.codeNumber, CodeNotation: f.codeNotation },
      PromulgationInfo: { Place: f.place, PromulgationDate: f.promulgationDate },
      DocumentType: { Type: f.typeCode, TypeName: f.typeName },
      Subject: f.subject,
      SignerInfo: { Position: f.signer.position ?? '', FullName: f.signer.fullName },
      DueDate: f.dueDate ?? '',
      ToPlaces: { Place: f.toPlaces },
      OtherInfo: { Priority: PRIORITY[`${f.urgency}`], SecurityLevel: SECURITY[`${f.secrecy}`] },
      SteeringType: f.steeringType,
      ...(f.replaces ? { ReplacementInfoList: { ReplacementInfo: { DocumentId: f.replaces } } } : {}),
    },
    TraceHeaderList: { TraceHeader: f.trace.map((t) => ({ OrganId: t.organId, Timestamp: t.timestamp })) },
  };
  const body = f.attachment
    ? { AttachmentEncoded: { Attachment: [{ '@ContentType': f.attachment.contentType, '@AttachmentName': f.attachment.name, '@ContentTransferEncoded': 'base64', '#text': f.attachment.base64 }] } }
    : { AttachmentEncoded: '' };
  const xml = builder.build(ns({ edXMLEnvelope: { '@xmlns:edXML': NS, edXMLHeader: header, edXMLBody: body } })) as string;
  return XML_DECL + xml;
}

export function buildStatus(s: StatusFacts): string {
  const status = {
    '@xmlns:edXML': NS,
    ResponseFor: { DocumentId: s.responseFor },
    From: { OrganId: s.from.id, OrganName: s.from.name },
    StatusCode: STATUS_CODE[s.status],
    ArrivalNumber: s.arrivalNumber === null ? '' : String(s.arrivalNumber),
    Description: s.description ?? '',
    Timestamp: s.timestamp,
  };
  return XML_DECL + (builder.build(ns({ Status: status })) as string);
}

const str = (max: number) => z.string().max(max);
const opt = (max: number) => z.union([z.string().max(max), z.literal('')]).optional().transform((v) => (v ? v : null));
const Day = z.iso.date();
const OrganX = z.object({ OrganId: z.string().min(1).max(64), OrganName: str(300).min(1) });
const PackageX = z.object({
  edXMLEnvelope: z.object({
    edXMLHeader: z.object({
      MessageHeader: z.object({
        From: OrganX,
        To: OrganX,
        DocumentId: z.string().min(1).max(64),
        Code: z.object({ CodeNumber: z.string().regex(/^\d{1,6}$/), CodeNotation: str(60).min(1) }),
        PromulgationInfo: z.object({ Place: str(200).min(1), PromulgationDate: Day }),
        DocumentType: z.object({ Type: str(10).min(1), TypeName: str(100) }),
        Subject: str(2000).min(1),
        SignerInfo: z.object({ Position: opt(200), FullName: str(200).min(1) }),
        DueDate: z.union([Day, z.literal('')]).optional(),
        ToPlaces: z.union([z.object({ Place: z.array(str(300)).max(200).optional() }), z.literal('')]).optional(),
        OtherInfo: z.object({ Priority: z.enum(['0', '1', '2', '3']), SecurityLevel: z.enum(['0', '1', '2', '3']) }),
        SteeringType: z.string().max(10).optional(),
        ReplacementInfoList: z.union([z.object({ ReplacementInfo: z.object({ DocumentId: z.string().min(1).max(64) }) }), z.literal('')]).optional(),
      }),
      TraceHeaderList: z.union([z.object({ TraceHeader: z.array(z.object({ OrganId: str(64), Timestamp: str(40) })).max(50) }), z.literal('')]).optional(),
    }),
    edXMLBody: z.object({
      AttachmentEncoded: z
        .union([
          z.object({ Attachment: z.array(z.object({ '@ContentType': z.literal('application/pdf'), '@AttachmentName': str(200), '@ContentTransferEncoded': z.literal('base64'), '#text': z.string().regex(/^[A-Za-z0-9+/=\s]*$/) })).max(1) }),
          z.literal(''),
        ])
        .optional(),
    }),
  }),
});
const StatusX = z.object({
  Status: z.object({
    ResponseFor: z.object({ DocumentId: z.string().min(1).max(64) }),
    From: OrganX,
    StatusCode: z.enum(['01', '02', '03', '06', '13', '15']),
    ArrivalNumber: z.union([z.string().regex(/^\d{1,7}$/), z.literal('')]).optional(),
    Description: opt(2000),
    Timestamp: z.iso.datetime({ offset: true }),
  }),
});

function read<T>(xml: string, schema: z.ZodType<T>, what: string): T {
  let tree: unknown;
  try {
    tree = parser.parse(xml, true);
  } catch (err) {
    throw new ValidationError(`${what} không phải XML hợp lệ (not well-formed XML)`, [{ message: (err as Error).message }], 'MALFORMED_MESSAGE');
  }
  const r = schema.safeParse(tree);
  if (!r.success) throw new ValidationError(`${what} thiếu hoặc sai trường (malformed ${what})`, r.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('/'), message: i.message })), 'MALFORMED_MESSAGE');
  return r.data;
}

const PRIORITY_OF = invert(PRIORITY);
const SECURITY_OF = invert(SECURITY);
const orNull = <T extends string>(v: T | 'null'): T | null => (v === 'null' ? null : v);

export function parsePackage(xml: string): PackageFacts {
  const e = read(xml, PackageX, 'gói tin edXML').edXMLEnvelope;
  const h = e.edXMLHeader.MessageHeader;
  const att = e.edXMLBody.AttachmentEncoded;
  const a = att && typeof att === 'object' ? att.Attachment[0] : undefined;
  const trace = e.edXMLHeader.TraceHeaderList;
  const places = h.ToPlaces && typeof h.ToPlaces === 'object' ? (h.ToPlaces.Place ?? []) : [];
  return {
    from: { id: h.From.OrganId, name: h.From.OrganName },
    to: { id: h.To.OrganId, name: h.To.OrganName },
    documentId: h.DocumentId,
    codeNumber: h.Code.CodeNumber,
    codeNotation: h.Code.CodeNotation,
    place: h.PromulgationInfo.Place,
    promulgationDate: h.PromulgationInfo.PromulgationDate,
    typeCode: h.DocumentType.Type,
    typeName: h.DocumentType.TypeName,
    subject: h.Subject,
    signer: { position: h.SignerInfo.Position, fullName: h.SignerInfo.FullName },
    dueDate: h.DueDate ? h.DueDate : null,
    urgency: orNull(PRIORITY_OF[h.OtherInfo.Priority]) as PackageFacts['urgency'],
    secrecy: orNull(SECURITY_OF[h.OtherInfo.SecurityLevel]) as Secrecy | null,
    steeringType: h.SteeringType ?? '0',
    toPlaces: places,
    trace: trace && typeof trace === 'object' ? trace.TraceHeader.map((t) => ({ organId: t.OrganId, timestamp: t.Timestamp })) : [],
    attachment: a ? { name: a['@AttachmentName'], contentType: 'application/pdf', base64: a['#text'].replace(/\s+/g, '') } : null,
    replaces: h.ReplacementInfoList && typeof h.ReplacementInfoList === 'object' ? h.ReplacementInfoList.ReplacementInfo.DocumentId : null,
  };
}

const STATUS_OF = invert(STATUS_CODE);

export function parseStatus(xml: string): StatusFacts {
  const s = read(xml, StatusX, 'thông báo trạng thái edXML').Status;
  const status = STATUS_OF[s.StatusCode]!;
  if (status !== 'recall' && !(NOTICE_STATUSES as readonly string[]).includes(status)) throw new ValidationError('mã trạng thái không hợp lệ (unknown status code)', [], 'MALFORMED_MESSAGE');
  return {
    from: { id: s.From.OrganId, name: s.From.OrganName },
    responseFor: s.ResponseFor.DocumentId,
    status,
    arrivalNumber: s.ArrivalNumber ? Number(s.ArrivalNumber) : null,
    description: s.Description,
    timestamp: s.Timestamp,
  };
}

/** The number and symbol as printed: CodeNumber-CodeNotation ("12" + "NQ/TU" → "12-NQ/TU"). */
export const numberSymbolOf = (f: Pick<PackageFacts, 'codeNumber' | 'codeNotation'>) => `${f.codeNumber}-${f.codeNotation}`;

/** Splits "12-NQ/TU" into CodeNumber and CodeNotation. */
export function codeOf(numberSymbol: string): { codeNumber: string; codeNotation: string } {
  const m = /^(\d+)-(.+)$/.exec(numberSymbol);
  if (!m) throw new ValidationError(`số, ký hiệu không đúng dạng: ${numberSymbol}`, [], 'BAD_NUMBER_SYMBOL');
  return { codeNumber: m[1]!, codeNotation: m[2]! };
}
