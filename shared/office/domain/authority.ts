/**
 * Thẩm quyền ban hành (authority to issue): which issuing body may issue which document type,
 * from the configured matrix of issuer kind × type (domain.md (a)), and lookups of types and
 * bodies by code.
 */
import type { DocumentType, DomainConfig, IssuingBody } from './domain-config-schema';

/** Upper-cases, NFC-normalises and drops spaces; OCR's Icelandic Ð (U+00D0) is read as Đ. */
export function normaliseCode(code: string): string {
  return code.normalize('NFC').replace(/\s+/g, '').replace(/\u00D0/g, 'Đ').toUpperCase();
}

/** The document type with this code (exact, then case-insensitive, then an alias); undefined when unknown. */
export function findDocumentType(config: DomainConfig, code: string): DocumentType | undefined {
  const exact = config.documentTypes.find((t) => t.code === code.normalize('NFC').trim());
  if (exact) return exact;
  const key = normaliseCode(code);
  return (
    config.documentTypes.find((t) => normaliseCode(t.code) === key) ??
    config.documentTypes.find((t) => t.aliases?.some((a) => normaliseCode(a) === key))
  );
}

/** The TYPE printed in a number symbol for this type ("QĐ" for Quy định). */
export function typeSymbol(type: DocumentType): string {
  return type.symbol ?? type.code;
}

/** Types whose printed TYPE, code or alias is this symbol: "QĐ" → Quyết định and Quy định. */
export function typesWithSymbol(config: DomainConfig, symbol: string): DocumentType[] {
  const key = normaliseCode(symbol);
  return config.documentTypes.filter(
    (t) => normaliseCode(typeSymbol(t)) === key || normaliseCode(t.code) === key || t.aliases?.some((a) => normaliseCode(a) === key),
  );
}

/** The issuing body with this id; undefined when unknown. */
export function findIssuingBody(config: DomainConfig, id: string): IssuingBody | undefined {
  return config.issuingBodies.find((b) => b.id === id);
}

/**
 * The bodies an issuer code or body id stands for: a body id gives that body; a code may name
 * several (TU = Ban Chấp hành, Ban Thường vụ and Thường trực); empty when unknown.
 */
export function resolveIssuer(config: DomainConfig, codeOrId: string): IssuingBody[] {
  const byId = findIssuingBody(config, codeOrId.trim());
  if (byId) return [byId];
  const key = normaliseCode(codeOrId);
  if (key === '') return [];
  const byCode = config.issuingBodies.filter((b) => normaliseCode(b.code) === key);
  return byCode.length > 0 ? byCode : config.issuingBodies.filter((b) => b.aliases?.some((a) => normaliseCode(a) === key));
}

/** Type codes a body may issue, from the matrix row of its kind. */
export function typesIssuableBy(config: DomainConfig, body: IssuingBody): string[] {
  return config.authority[body.kind]?.types ?? [];
}

/** True when the body's kind is a collective (tập thể) that signs T/M. */
export function isCollective(config: DomainConfig, body: IssuingBody): boolean {
  return config.issuerKinds.find((k) => k.id === body.kind)?.collective === true;
}

export type AuthorityCode = 'ALLOWED' | 'UNKNOWN_TYPE' | 'UNKNOWN_ISSUER' | 'NOT_AUTHORISED';

export interface AuthorityDecision {
  allowed: boolean;
  code: AuthorityCode;
  /** Vietnamese, with English in parentheses. */
  reason: string;
  type?: DocumentType;
  /** Every body the issuer stands for. */
  issuers: IssuingBody[];
  /** Those of them allowed to issue the type. */
  allowedIssuers: IssuingBody[];
}

/** Whether an issuer (code like "TU" or body id like "tu-btv") may issue a document type, with the reason. */
export function mayIssue(config: DomainConfig, issuer: string, typeCode: string): AuthorityDecision {
  const issuers = resolveIssuer(config, issuer);
  const type = findDocumentType(config, typeCode);
  if (!type) {
    return {
      allowed: false,
      code: 'UNKNOWN_TYPE',
      reason: `Loại văn bản "${typeCode}" không có trong cấu hình (unknown document type)`,
      issuers,
      allowedIssuers: [],
    };
  }
  if (issuers.length === 0) {
    return {
      allowed: false,
      code: 'UNKNOWN_ISSUER',
      reason: `Cơ quan ban hành "${issuer}" không có trong cấu hình (unknown issuing body)`,
      type,
      issuers,
      allowedIssuers: [],
    };
  }
  const allowedIssuers = issuers.filter((b) => typesIssuableBy(config, b).includes(type.code));
  const typeName = `${type.name} (${type.code})`;
  if (allowedIssuers.length > 0) {
    const names = allowedIssuers.map((b) => b.name).join(', ');
    return {
      allowed: true,
      code: 'ALLOWED',
      reason: `${names} có thẩm quyền ban hành ${typeName} (may issue a ${type.nameEn})`,
      type,
      issuers,
      allowedIssuers,
    };
  }
  const kindsAllowed = config.issuerKinds.filter((k) => config.authority[k.id]?.types.includes(type.code)).map((k) => k.name);
  const only = kindsAllowed.length > 0 ? `; chỉ: ${kindsAllowed.join(', ')}` : '; không chủ thể nào được cấu hình';
  const names = issuers.map((b) => b.name).join(', ');
  return {
    allowed: false,
    code: 'NOT_AUTHORISED',
    reason: `${names} không có thẩm quyền ban hành ${typeName}${only} (${names} may not issue a ${type.nameEn})`,
    type,
    issuers,
    allowedIssuers: [],
  };
}
