/** The precheck's findings and the draft it reads: the types its checks share (precheck.ts orders the checks). */
import type { Urgency } from '../../office';
import type { Secrecy } from '../../platform/security';

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
/** Records one finding. */
export type Add = (severity: Severity, code: PrecheckCode, message: string, field?: string) => void;
