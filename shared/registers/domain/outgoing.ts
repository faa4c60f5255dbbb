/**
 * The outgoing register (sổ văn bản đi): checks that the issuing body may issue the type
 * (thẩm quyền), finds the numbering scope (term, year or congress) and formats the number
 * symbol once the number is known; voiding keeps the number used.
 */
import { findDocumentType, findIssuingBody, mayIssue, normaliseCode } from '../../office';
import type { DomainConfig } from '../../office';
import { instantAt, localDate, type Urgency } from '../../office';
import { ConflictError, ValidationError, type ErrorDetail } from '../../platform/errors';
import { numberingScope, type NumberingScope } from '../../office';
import type { OutgoingEntry, OutgoingInput } from './model';
import { actorRef, type PlanContext } from './incoming';
import { formatOutgoingNumberSymbol } from './number-symbols';
import { assertClearanceCovers, dateProblems, metadataOnlyProblems, throwIfProblems } from './rules';

/** An outgoing entry waiting for its number, and the counter (numbering scope) it takes it from. */
export interface OutgoingPlan {
  scope: NumberingScope;
  entry: Omit<OutgoingEntry, 'id' | 'number' | 'numberSymbol' | 'version'>;
}

/** Validates an allocation request (type, issuer, authority, dates, secrecy) and resolves its numbering scope. */
export function planOutgoing(input: OutgoingInput, ctx: PlanContext): OutgoingPlan {
  const { config, now, actor } = ctx;
  const tz = config.office.timeZone;
  const today = localDate(now, tz);
  const secrecy = input.secrecy ?? null;
  assertClearanceCovers(actor, secrecy);

  const problems: ErrorDetail[] = [...metadataOnlyProblems(secrecy, input)];
  const documentDate = input.documentDate ?? today;
  problems.push(...dateProblems(documentDate, today, 'documentDate', 'documentDate'));
  const type = findDocumentType(config, input.typeCode);
  if (!type) problems.push({ path: 'typeCode', message: `unknown document type "${input.typeCode}"; known: ${config.documentTypes.map((t) => t.code).join(', ')}` });

  const body = input.issuerId ? findIssuingBody(config, input.issuerId) : undefined;
  if (input.issuerId && !body) problems.push({ path: 'issuerId', message: `unknown issuing body "${input.issuerId}"` });
  if (body && ![body.code, ...(body.aliases ?? [])].some((c) => normaliseCode(c) === normaliseCode(input.issuerCode))) {
    problems.push({ path: 'issuerCode', message: `issuerId ${body.id} prints the code ${body.code}, not ${input.issuerCode}` });
  }
  throwIfProblems(problems);

  const decision = mayIssue(config, body ? body.id : input.issuerCode, type!.code);
  if (!decision.allowed) {
    const path = decision.code === 'UNKNOWN_ISSUER' ? 'issuerCode' : 'typeCode';
    throw new ValidationError(decision.reason, [{ path, message: decision.reason }], decision.code === 'NOT_AUTHORISED' ? 'NOT_AUTHORISED_TO_ISSUE' : decision.code);
  }
  const exact = body ?? (decision.allowedIssuers.length === 1 ? decision.allowedIssuers[0]! : undefined);
  const scope = numberingScope(config, {
    issuer: exact ? exact.id : input.issuerCode,
    typeCode: type!.code,
    date: instantAt(documentDate, '12:00', tz),
    secrecy,
  });
  const at = now.toISOString();
  const entry: OutgoingPlan['entry'] = {
    register: 'outgoing',
    year: Number(documentDate.slice(0, 4)),
    scope: { kind: scope.scope, key: scope.scopeKey, label: scope.label, periodId: scope.periodId, secretSeries: scope.secretSeries },
    typeCode: type!.code,
    typeName: type!.name,
    issuerCode: scope.bodyCode,
    issuerId: exact?.id ?? null,
    issuerName: exact ? exact.name : decision.allowedIssuers[0]!.header.name,
    subject: input.subject.trim(),
    documentDate,
    signer: input.signer.trim(),
    recipients: input.recipients ?? [],
    filing: input.filing ?? null,
    copies: input.copies ?? null,
    secrecy,
    urgency: (input.urgency ?? null) as Urgency | null,
    note: input.note ?? null,
    draftId: input.draftId ?? null,
    status: 'issued',
    voidedAt: null,
    voidedBy: null,
    voidReason: null,
    createdAt: at,
    createdBy: actorRef(actor),
    updatedAt: at,
    updatedBy: actorRef(actor),
  };
  return { scope, entry };
}

/** The printed number symbol of an allocated number in a scope, e.g. 12 in TU/NQ → "12-NQ/TU". */
export function numberSymbolFor(scope: Pick<NumberingScope, 'typeSymbol' | 'bodyCode'>, number: number): string {
  return formatOutgoingNumberSymbol(number, scope.typeSymbol, scope.bodyCode);
}

/** Hủy số: the entry is marked void and keeps its number, which is never given again. */
export function applyVoid(entry: OutgoingEntry, reason: string, ctx: PlanContext): OutgoingEntry {
  if (entry.status === 'void') {
    throw new ConflictError(`Number ${entry.numberSymbol} is already void`, [{ path: 'status', message: 'already void' }], 'ALREADY_VOID');
  }
  const at = ctx.now.toISOString();
  return {
    ...entry,
    status: 'void',
    voidedAt: at,
    voidedBy: actorRef(ctx.actor),
    voidReason: reason.trim(),
    version: entry.version + 1,
    updatedAt: at,
    updatedBy: actorRef(ctx.actor),
  };
}
