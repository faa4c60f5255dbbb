/**
 * The drafts' words and pure rules as the console shows them: statuses, steps, decisions per
 * step, precheck severities, how close a due time is, the API's refusals of a decision in
 * Vietnamese, and the figures of a person's tasks.
 */
import type { ApiError, Schemas } from './api/client';
import { fieldOf, showError, vietnameseDetail } from './errors';

export type Draft = Schemas['Draft'];
export type DraftSummary = Schemas['DraftSummary'];
export type DraftCreate = Schemas['DraftCreate'];
export type Task = Schemas['Task'];
export type DraftStatus = Draft['status'];
export type Step = Task['step'];
export type Decision = Schemas['DecisionCreate']['decision'];
export type Severity = NonNullable<Draft['precheck']>['findings'][number]['severity'];

export const DRAFT_STATUS_LABELS: Record<DraftStatus, string> = {
  precheck: 'Đang kiểm tra thể thức',
  appraisal: 'Chờ thẩm định',
  revision: 'Trả lại, chờ chỉnh sửa',
  approval: 'Chờ phê duyệt',
  issued: 'Đã ban hành',
  rejected: 'Không được duyệt',
  expired: 'Quá hạn, đã dừng',
};

export const FINAL_STATUSES: readonly DraftStatus[] = ['issued', 'rejected', 'expired'];

export const STEP_LABELS: Record<string, string> = {
  submitted: 'Trình dự thảo',
  precheck: 'Kiểm tra thể thức tự động',
  appraisal: 'Thẩm định',
  revision: 'Chỉnh sửa, trình lại',
  approval: 'Phê duyệt',
  issuance: 'Cấp số, ban hành',
  escalation: 'Quá hạn, chuyển lãnh đạo văn phòng đôn đốc',
  expired: 'Quá hạn, dự thảo dừng lại',
};

export const stepLabel = (step: string): string => STEP_LABELS[step] ?? step;

/** The buttons of a step, in the order shown: what each decision is called at that step. */
export const STEP_DECISIONS: Record<Step, { decision: Decision; label: string; needsComment: boolean }[]> = {
  appraisal: [
    { decision: 'approve', label: 'Đồng ý, trình phê duyệt', needsComment: false },
    { decision: 'return', label: 'Trả lại để chỉnh sửa', needsComment: true },
    { decision: 'reject', label: 'Không đồng ý', needsComment: true },
  ],
  approval: [
    { decision: 'approve', label: 'Phê duyệt', needsComment: false },
    { decision: 'return', label: 'Trả lại để chỉnh sửa', needsComment: true },
    { decision: 'reject', label: 'Từ chối', needsComment: true },
  ],
  revision: [
    { decision: 'approve', label: 'Trình lại', needsComment: false },
    { decision: 'reject', label: 'Rút dự thảo', needsComment: true },
  ],
};

export const DECISION_WORDS: Record<Decision, string> = { approve: 'Đồng ý', return: 'Trả lại', reject: 'Không đồng ý' };

/** What a history line's decision meant at its step ("Trình lại" for an approved revision…). */
export function decisionLabel(step: string, decision: Decision | undefined): string {
  if (!decision) return '';
  const own = (STEP_DECISIONS as Record<string, { decision: Decision; label: string }[]>)[step]?.find((d) => d.decision === decision);
  return own?.label ?? DECISION_WORDS[decision];
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings with the most serious first (stable within a severity). */
export function sortFindings<F extends { severity: Severity }>(findings: readonly F[]): F[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i).map((x) => x.f);
}

/** The precheck's sentences end with an English gloss in brackets for the log; a person reads the Vietnamese. */
export function withoutEnglishGloss(message: string): string {
  const m = /^(.*\S)\s*\(([\x20-\x7e]*)\)\s*$/s.exec(message);
  return m && /[a-z]{2,} [a-z]{2,}/i.test(m[2]!) && /[^\x00-\x7f]/.test(m[1]!) ? m[1]! : message;
}

export type DueState = 'overdue' | 'soon' | 'ok';

/** Overdue once the due instant has passed; soon within the last 24 hours before it. */
export function dueState(dueAt: string, now: Date): DueState {
  const left = Date.parse(dueAt) - now.getTime();
  if (Number.isNaN(left)) return 'ok';
  if (left < 0) return 'overdue';
  return left <= 86_400_000 ? 'soon' : 'ok';
}

/** The kinds of hồ sơ trình the office's configuration names (the API also takes a free name). */
export const DOSSIER_KINDS: { id: string; name: string }[] = [
  { id: 'to-trinh', name: 'Tờ trình' },
  { id: 'du-thao', name: 'Dự thảo' },
  { id: 'bao-cao-tiep-thu', name: 'Báo cáo tiếp thu, giải trình' },
  { id: 'y-kien-gop-y', name: 'Ý kiến góp ý' },
  { id: 'bao-cao-tong-ket', name: 'Báo cáo tổng kết' },
  { id: 'bao-cao-tham-dinh', name: 'Báo cáo thẩm định' },
];
export const dossierKindName = (kind: string): string => DOSSIER_KINDS.find((k) => k.id === kind)?.name ?? kind;

/** One line, one recipient (blank lines and surrounding spaces dropped). */
export function linesToList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

const DRAFT_FIELDS: Record<string, string> = {
  typeCode: 'Loại văn bản',
  issuerCode: 'Cơ quan ban hành',
  subject: 'Trích yếu',
  body: 'Nội dung dự thảo',
  recipients: 'Nơi nhận',
  dossier: 'Hồ sơ trình',
  comment: 'Ý kiến',
  secrecy: 'Độ mật',
  urgency: 'Độ khẩn',
};

const DRAFT_CODES: Record<string, string> = {
  FOUR_EYES: 'Theo nguyên tắc hai người, người soạn hoặc chỉnh sửa dự thảo không được thẩm định, phê duyệt nó; người đã thẩm định không được phê duyệt chính dự thảo đó.',
  WRONG_ROLE: 'Bước này do người có vai trò khác quyết định.',
  WRONG_DEPARTMENT: 'Dự thảo này do ban khác chỉnh sửa.',
  STEP_NOT_PENDING: 'Bước này không còn chờ quyết định (có thể người khác vừa quyết định); trang đã được tải lại.',
  TOO_MANY_ROUNDS: 'Dự thảo đã trả lại quá nhiều lần; hãy rút và trình dự thảo mới.',
};

export interface DraftError {
  summary: string;
  /** Per field of the draft form or the decision (typeCode, body, comment…). */
  fields: Record<string, string>;
  other: string[];
}

/** The API's refusal of a draft or a decision, in Vietnamese, with each field's problem. */
export function draftError(status: number, body: ApiError | undefined): DraftError {
  const base = showError(status, body);
  const code = body?.error?.code ?? '';
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const d of body?.error?.details ?? []) {
    const field = fieldOf(d.path);
    const message = vietnameseDetail(String(d.message ?? ''));
    if (field && DRAFT_FIELDS[field] && field !== 'step') fields[field] = fields[field] ? `${fields[field]}; ${message}` : message;
    else if (!DRAFT_CODES[code]) other.push(field ? `${DRAFT_FIELDS[field] ?? field}: ${message}` : message);
  }
  return { summary: DRAFT_CODES[code] ?? base.summary, fields, other };
}

export interface TaskFigures {
  /** Steps this person decides now. */
  act: number;
  /** Of them, approvals. */
  approvals: number;
  /** Overdue steps escalated to this person to chase (follow-up). */
  escalations: number;
  /** Of all listed, past their due time. */
  overdue: number;
}

/** Figures of the person's own task list (GET /v1/tasks, read to its end). */
export function taskFigures(tasks: readonly Pick<Task, 'kind' | 'step' | 'overdue'>[]): TaskFigures {
  return {
    act: tasks.filter((t) => t.kind === 'act').length,
    approvals: tasks.filter((t) => t.kind === 'act' && t.step === 'approval').length,
    escalations: tasks.filter((t) => t.kind === 'follow-up').length,
    overdue: tasks.filter((t) => t.overdue).length,
  };
}
