/**
 * Numbering scopes (phạm vi đánh số) of outgoing documents — per type within a term (nhiệm kỳ),
 * a year, or one shared sequence per congress (đại hội) — and which incoming register
 * (sổ văn bản đến) and year a received document goes to.
 */
import { findDocumentType, resolveIssuer, typeSymbol } from './authority';
import type { DocumentType, DomainConfig, IssuingBody, NumberingScopeKind } from './domain-config-schema';
import { addDays, localDate, localDateTime } from './deadlines';
import { ValidationError } from '../../platform/errors';
import type { Secrecy } from '../../platform/security';

export interface NumberingScope {
  /** Key of the counter the number is taken from, e.g. 'TU/NQ/term-2025-2030', 'VPTU/CV/year-2026', 'ĐH/congress-2025'. */
  scopeKey: string;
  scope: NumberingScopeKind;
  /** Vietnamese label, e.g. "Nhiệm kỳ 2025–2030". */
  label: string;
  /** Term id, year or congress id. */
  periodId: string;
  /** First and last day of the scope ('YYYY-MM-DD'); `to` is null while the term is open. */
  from: string;
  to: string | null;
  bodyId: string;
  bodyCode: string;
  /** TYPE printed in the number symbol. */
  typeSymbol: string;
  /** True when the number comes from a separate secret series. */
  secretSeries: boolean;
}

export interface NumberingRequest {
  /** Issuer code ("TU") or body id ("tu-btv"). */
  issuer: string;
  typeCode: string;
  /** Document date or allocation instant; its date in the office time zone picks the term/year/congress. */
  date: Date;
  secrecy?: Secrecy | null;
}

export interface Term {
  id: string;
  label: string;
  start: string;
  /** Day before the next term starts; null for the current term. */
  end: string | null;
}

/** The committee term (nhiệm kỳ) containing a 'YYYY-MM-DD' date; undefined before the first configured term. */
export function termOn(config: DomainConfig, date: string): Term | undefined {
  const terms = config.numbering.terms;
  for (let i = terms.length - 1; i >= 0; i--) {
    const t = terms[i]!;
    if (t.start <= date) {
      const next = terms[i + 1];
      return { id: t.id, label: t.label, start: t.start, end: next ? addDays(next.start, -1) : null };
    }
  }
  return undefined;
}

/** The reset scope configured for a body and type: the first matching rule, else the default. */
export function scopeKindFor(config: DomainConfig, body: IssuingBody, type: DocumentType): NumberingScopeKind {
  const rule = config.numbering.rules.find((r) => r.bodies.includes(body.id) && (r.types === undefined || r.types.includes(type.code)));
  return rule?.scope ?? config.numbering.defaultScope;
}

/** Resolves the numbering scope for an outgoing document; throws ValidationError when issuer, type or period is unknown or ambiguous. */
export function numberingScope(config: DomainConfig, req: NumberingRequest): NumberingScope {
  const type = findDocumentType(config, req.typeCode);
  if (!type) throw invalid('UNKNOWN_TYPE', 'typeCode', `Loại văn bản "${req.typeCode}" không có trong cấu hình (unknown document type)`);
  const bodies = resolveIssuer(config, req.issuer);
  if (bodies.length === 0) throw invalid('UNKNOWN_ISSUER', 'issuerCode', `Cơ quan ban hành "${req.issuer}" không có trong cấu hình (unknown issuing body)`);
  const numbered = bodies.filter((b) => b.outgoingRegister);
  if (numbered.length === 0) {
    throw invalid('NOT_NUMBERED_HERE', 'issuerCode', `Văn phòng không giữ sổ văn bản đi của "${req.issuer}" (this office does not number documents of this issuer)`);
  }
  const scopes = numbered.map((b) => scopeFor(config, b, type, req));
  const keys = new Set(scopes.map((s) => s.scopeKey));
  if (keys.size > 1) {
    throw invalid(
      'AMBIGUOUS_ISSUER',
      'issuerCode',
      `Mã "${req.issuer}" ứng với nhiều cơ quan đánh số khác nhau: ${[...keys].join(', ')}; hãy chỉ rõ cơ quan (ambiguous issuer: give the body id)`,
    );
  }
  return scopes[0]!;
}

function scopeFor(config: DomainConfig, body: IssuingBody, type: DocumentType, req: NumberingRequest): NumberingScope {
  const tz = config.office.timeZone;
  const date = localDate(req.date, tz);
  const scope = scopeKindFor(config, body, type);
  const symbol = typeSymbol(type);
  let key: string;
  let label: string;
  let periodId: string;
  let from: string;
  let to: string | null;
  if (scope === 'term') {
    const term = termOn(config, date);
    if (!term) throw invalid('NO_TERM', 'documentDate', `Ngày ${date} trước nhiệm kỳ đầu tiên trong cấu hình (no configured term contains this date)`);
    ({ id: periodId, label, start: from, end: to } = term);
    key = `${body.code}/${symbol}/term-${term.id}`;
  } else if (scope === 'year') {
    const year = date.slice(0, 4);
    periodId = year;
    label = `Năm ${year}`;
    from = `${year}-01-01`;
    to = `${year}-12-31`;
    key = `${body.code}/${symbol}/year-${year}`;
  } else {
    // Congress documents share one sequence for all types, from the preparatory session to closing (36-HD).
    const congress = config.numbering.congresses.find((g) => g.start <= date && date <= g.end);
    if (!congress) throw invalid('NO_CONGRESS', 'documentDate', `Ngày ${date} không thuộc kỳ đại hội nào trong cấu hình (no congress in session on this date)`);
    periodId = congress.id;
    label = congress.label;
    from = congress.start;
    to = congress.end;
    key = `${body.code}/congress-${congress.id}`;
  }
  const secretSeries = config.numbering.secretOutgoing === 'separate' && req.secrecy != null;
  if (secretSeries) {
    key += '/mat';
    label += ' (sổ mật)';
  }
  return { scopeKey: key, scope, label, periodId, from, to, bodyId: body.id, bodyCode: body.code, typeSymbol: symbol, secretSeries };
}

function invalid(code: string, path: string, message: string): ValidationError {
  return new ValidationError(message, [{ path, message }], code);
}

/** The register year (năm của sổ) of an instant in the office time zone: số đến restarts every 1 January there. */
export function arrivalYear(now: Date, timeZone: string): number {
  return localDateTime(now, timeZone).year;
}

/** 'normal' = sổ văn bản đến; 'secret' = sổ văn bản đến mật. */
export type IncomingRegisterKind = 'normal' | 'secret';

const SECRECY_RANK: Record<Secrecy, number> = { mat: 1, 'toi-mat': 2, 'tuyet-mat': 3 };

/** Which incoming register a document of this secrecy goes to, per the configuration. */
export function incomingRegisterFor(config: DomainConfig, secrecy: Secrecy | null | undefined): IncomingRegisterKind {
  const { secretSeparate, secretFrom } = config.registers.incoming;
  return secretSeparate && secrecy != null && SECRECY_RANK[secrecy] >= SECRECY_RANK[secretFrom] ? 'secret' : 'normal';
}

/** Counter key of an incoming register for a year, e.g. 'incoming/2026' or 'incoming-secret/2026'. */
export function incomingRegisterKey(config: DomainConfig, secrecy: Secrecy | null | undefined, year: number): string {
  return `${incomingRegisterFor(config, secrecy) === 'secret' ? 'incoming-secret' : 'incoming'}/${year}`;
}
