/**
 * Automated precheck (kiểm tra tự động) of a draft before appraisal (thẩm định): authority to
 * issue, signing form, dossier completeness and the format checklist of 36-HD (domain.md (d))
 * read from the draft's plain text. Tolerant of spacing, two-column layouts and tone placement.
 *
 * This file orders the checks; the text is read in precheck-text.ts, the header zone (header,
 * số/ký hiệu with the office's number-symbol reader, date with the office's date reader, tên
 * loại, trích yếu) checked in precheck-header.ts, the signing block in precheck-signing.ts,
 * dossier, nơi nhận and marks in precheck-marks.ts.
 */
import { findDocumentType, mayIssue, resolveIssuer } from '../../office';
import type { DomainConfig } from '../../office';
import type { Urgency } from '../../office';
import type { Secrecy } from '../../platform/security';
import { readDraft } from './precheck-text';
import { checkDate, checkHeader, checkNumberSymbol, checkTitleAndSubject } from './precheck-header';
import { checkSigning, declaredSignature } from './precheck-signing';
import { checkDossier, checkMarks, checkRecipients } from './precheck-marks';

export { normaliseSigningForm } from './precheck-signing';

export interface DraftForPrecheck {
  typeCode: string;
  /** Issuer code ("TU") or body id ("tu-btv"). */
  issuerCode: string;
  /** Trích yếu. */
  subject: string;
  /** The draft's full text. */
  body: string;
  recipients?: readonly string[] | string;
  dossier?: readonly { kind: string; name?: string }[];
  /** Declared signing form ("T/M", "K/T", "T/L", "T/UQ", "direct"); read from the text when absent. */
  signingForm?: string;
  /** Declared chức vụ of the signer; read from the text when absent. */
  signerTitle?: string;
  /** Declared độ mật / độ khẩn; when given, the marks on the text must agree. */
  secrecy?: Secrecy | null;
  urgency?: Urgency | null;
}

export type Severity = 'error' | 'warning' | 'info';

export type PrecheckCode =
  | 'TYPE_UNKNOWN'
  | 'ISSUER_UNKNOWN'
  | 'ISSUER_NOT_NUMBERED_HERE'
  | 'AUTHORITY'
  | 'DOSSIER_MISSING'
  | 'BODY_EMPTY'
  | 'HEADER_PARTY_MISSING'
  | 'HEADER_STATE'
  | 'HEADER_ISSUER_MISSING'
  | 'HEADER_SUPERIOR_MISSING'
  | 'NUMBER_SYMBOL_MISSING'
  | 'NUMBER_SYMBOL_STATE_FORMAT'
  | 'NUMBER_SYMBOL_COLON'
  | 'NUMBER_SYMBOL_TYPE'
  | 'NUMBER_SYMBOL_BODY'
  | 'NUMBER_PREFILLED'
  | 'DATE_MISSING'
  | 'DATE_BLANK'
  | 'DATE_INVALID'
  | 'DATE_FUTURE'
  | 'DATE_FORMAT'
  | 'PLACE_MISSING'
  | 'PLACE_MISMATCH'
  | 'TITLE_MISSING'
  | 'TITLE_MISMATCH'
  | 'TITLE_UNEXPECTED'
  | 'SUBJECT_MISSING'
  | 'SUBJECT_MISMATCH'
  | 'LEGAL_BASIS_MISSING'
  | 'ADDRESSEE_MISSING'
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_STATE_STYLE'
  | 'SIGNATURE_MISMATCH'
  | 'SIGNING_FORM'
  | 'SIGNER_TITLE'
  | 'RECIPIENTS_BLOCK_MISSING'
  | 'RECIPIENTS_BLOCK_EMPTY'
  | 'RECIPIENTS_NO_ARCHIVE'
  | 'RECIPIENTS_EMPTY'
  | 'SECRECY_MARK_CONFLICT'
  | 'SECRECY_MARK_MISMATCH'
  | 'SECRECY_MARK_MISSING'
  | 'SECRECY_MARKED'
  | 'URGENCY_MARK_CONFLICT'
  | 'URGENCY_MARK_MISMATCH'
  | 'URGENCY_MARK_MISSING'
  | 'URGENCY_MARKED'
  | 'DRAFT_MARKER';

export interface PrecheckFinding {
  code: PrecheckCode;
  severity: Severity;
  /** Vietnamese, with English in parentheses. */
  message: string;
  field?: string;
}

export interface PrecheckResult {
  findings: PrecheckFinding[];
  /** No finding of severity 'error'. */
  ok: boolean;
  /** The issuing body the draft resolves to, when it could be told (TU → tu-btv by "T/M BAN THƯỜNG VỤ"). */
  issuerBodyId?: string;
}

/** Runs the automated precheck of a draft; `now` bounds the document date (no future dates). */
export function precheckDraft(config: DomainConfig, draft: DraftForPrecheck, now: Date): PrecheckResult {
  const findings: PrecheckFinding[] = [];
  const add = (severity: Severity, code: PrecheckCode, message: string, field?: string) =>
    findings.push({ code, severity, message, ...(field ? { field } : {}) });

  const type = findDocumentType(config, draft.typeCode);
  if (!type) add('error', 'TYPE_UNKNOWN', `Loại văn bản "${draft.typeCode}" không có trong cấu hình (unknown document type)`, 'typeCode');
  const candidates = resolveIssuer(config, draft.issuerCode);
  if (candidates.length === 0) {
    add('error', 'ISSUER_UNKNOWN', `Cơ quan ban hành "${draft.issuerCode}" không có trong cấu hình (unknown issuing body)`, 'issuerCode');
  } else if (!candidates.some((b) => b.outgoingRegister)) {
    add('error', 'ISSUER_NOT_NUMBERED_HERE', `Văn phòng không ban hành văn bản thay "${draft.issuerCode}" (this office does not issue for this body)`, 'issuerCode');
  }

  const text = readDraft(draft.body ?? '', config);
  const signing = candidates.length > 0 ? checkSigning(config, candidates, text, declaredSignature(draft), add) : undefined;
  const issuerBodies = signing?.resolved.length ? signing.resolved : candidates;

  if (type && candidates.length > 0) {
    const decision = mayIssue(config, issuerBodies.length === 1 ? issuerBodies[0]!.id : draft.issuerCode, type.code);
    if (!decision.allowed) findings.unshift({ code: 'AUTHORITY', severity: 'error', message: decision.reason, field: 'issuerCode' });
  }
  if (type) checkDossier(config, type, draft.dossier ?? [], add);

  if (text.lines.length === 0) {
    add('error', 'BODY_EMPTY', 'Dự thảo không có nội dung (the draft body is empty)', 'body');
  } else {
    checkHeader(text, issuerBodies, add);
    checkNumberSymbol(config, text, type, candidates, add);
    checkDate(config, text, issuerBodies, now, add);
    if (type) checkTitleAndSubject(text, type, draft.subject ?? '', add);
    checkRecipients(text, draft.recipients, add);
    checkMarks(text, draft, add);
  }
  const single = issuerBodies.length === 1 ? issuerBodies[0] : undefined;
  return { findings, ok: !findings.some((f) => f.severity === 'error'), ...(single ? { issuerBodyId: single.id } : {}) };
}

export type Add = (severity: Severity, code: PrecheckCode, message: string, field?: string) => void;
