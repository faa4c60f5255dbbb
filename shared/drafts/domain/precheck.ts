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
import { readDraft } from './precheck-text';
import { checkDate, checkHeader, checkNumberSymbol, checkTitleAndSubject } from './precheck-header';
import { checkSigning, declaredSignature } from './precheck-signing';
import { checkDossier, checkMarks, checkRecipients } from './precheck-marks';

export { normaliseSigningForm } from './precheck-signing';

export type { Add, DraftForPrecheck, PrecheckCode, PrecheckFinding, PrecheckResult, Severity } from './precheck-types';
import type { Add, DraftForPrecheck, PrecheckCode, PrecheckFinding, PrecheckResult, Severity } from './precheck-types';

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

