/**
 * The precheck's signing block (thể thức đề ký): T/M, K/T, T/L, T/UQ or a direct signature read
 * from the text or declared, checked against the issuing bodies' signing options.
 */
import { isCollective } from '../../office';
import type { DomainConfig, IssuingBody, SigningForm } from '../../office';
import type { Add, DraftForPrecheck } from './precheck-types';
import { keyOf, type DraftText } from './precheck-text';

// --- signature block (thể thức đề ký) -------------------------------------------------------------

interface Signature {
  form: SigningForm;
  /** What follows the form ("BAN THƯỜNG VỤ"); empty for a direct signature. */
  on: string;
  title: string;
  /** Written State style (TM., KT.). */
  stateStyle: boolean;
  source: 'text' | 'declared';
}

const FORM_CELL = /^(T\s*\/\s*M|K\s*\/\s*T|T\s*\/\s*L|T\s*\/\s*UQ|TM\.|KT\.|TL\.|TUQ\.)\s*(.*)$/u;

/** Canonical signing form from what a person or the text wrote; undefined when unrecognised. */
export function normaliseSigningForm(s: string): SigningForm | undefined {
  const k = s.replace(/\s+/g, '').toUpperCase();
  if (k === '' || k === 'DIRECT') return 'direct';
  if (['T/M', 'TM.', 'TM'].includes(k)) return 'T/M';
  if (['K/T', 'KT.', 'KT'].includes(k)) return 'K/T';
  if (['T/L', 'TL.', 'TL'].includes(k)) return 'T/L';
  if (['T/UQ', 'TUQ.', 'TUQ'].includes(k)) return 'T/UQ';
  return undefined;
}

function signatureInText(text: DraftText, directTitles: string[]): Signature | undefined {
  const { lines } = text;
  const from = Math.max(text.titleIndex + 1, text.headerEnd);
  const lastCell = (i: number) => {
    const l = lines[i];
    return l ? l.cells[l.cells.length - 1]!.trim() : '';
  };
  for (let i = from; i < lines.length; i++) {
    for (const cell of lines[i]!.cells) {
      const m = FORM_CELL.exec(cell.trim());
      if (!m) continue;
      const written = m[1]!;
      let on = m[2]!.trim();
      let next = i + 1;
      if (on === '') on = lastCell(next++);
      return { form: normaliseSigningForm(written)!, on, title: lastCell(next), stateStyle: written.endsWith('.'), source: 'text' };
    }
  }
  const wanted = new Set(directTitles.map(keyOf));
  for (let i = lines.length - 1; i >= from; i--) {
    const t = lastCell(i);
    if (wanted.has(keyOf(t))) return { form: 'direct', on: '', title: t, stateStyle: false, source: 'text' };
  }
  return undefined;
}

export function declaredSignature(draft: DraftForPrecheck): Signature | undefined {
  if (draft.signingForm === undefined && draft.signerTitle === undefined) return undefined;
  const form = draft.signingForm !== undefined ? normaliseSigningForm(draft.signingForm) : undefined;
  return { form: form ?? 'direct', on: '', title: draft.signerTitle ?? '', stateStyle: false, source: 'declared' };
}

export function checkSigning(
  config: DomainConfig,
  candidates: IssuingBody[],
  text: DraftText,
  declared: Signature | undefined,
  add: Add,
): { resolved: IssuingBody[] } {
  const directTitles = candidates.flatMap((b) => b.signing.filter((o) => o.form === 'direct').flatMap((o) => o.titles));
  const parsed = signatureInText(text, directTitles);
  let s = parsed;
  if (declared) {
    // Declared values win; the "on" part is only ever read from the text.
    s = { ...declared, on: parsed && parsed.form === declared.form ? parsed.on : '' };
    if (!declared.title && parsed) s.title = parsed.title;
    if (parsed && (parsed.form !== declared.form || (declared.title && keyOf(parsed.title) !== keyOf(declared.title)))) {
      add('warning', 'SIGNATURE_MISMATCH', `Thể thức đề ký trong văn bản (${describe(parsed)}) khác với đã khai (${describe(s)}) (signature block differs from the declared one)`, 'signingForm');
    }
  }
  if (!s) {
    add('error', 'SIGNATURE_MISSING', 'Không tìm thấy thể thức đề ký (T/M, K/T, T/L… rồi chức vụ người ký) (signature block missing)', 'body');
    return { resolved: [] };
  }
  if (s.stateStyle) add('warning', 'SIGNATURE_STATE_STYLE', `Văn bản Đảng ghi "${s.form}", không ghi kiểu Nhà nước (Party documents write ${s.form}, not TM./KT.)`, 'body');

  const onKey = keyOf(s.on);
  const titleKey = keyOf(s.title);
  const onMatches = (on: string | undefined) => s.on === '' || (on !== undefined && (onKey === keyOf(on) || onKey.startsWith(`${keyOf(on)} `)));
  const options = candidates.flatMap((body) => body.signing.map((option) => ({ body, option })));
  const sameForm = options.filter(({ option }) => option.form === s.form);
  const formAndOn = sameForm.filter(({ option }) => option.form === 'direct' || onMatches(option.on));
  const full = formAndOn.filter(({ option }) => option.titles.length === 0 || titleKey === '' || option.titles.some((t) => keyOf(t) === titleKey));
  if (full.length > 0) return { resolved: unique(full.map((o) => o.body)) };

  const allowed = unique(options.map(({ option }) => describeOption(option))).join('; ');
  if (formAndOn.length > 0) {
    const titles = unique(formAndOn.flatMap(({ option }) => option.titles)).join(', ');
    add('error', 'SIGNER_TITLE', `Chức vụ "${s.title}" không phù hợp với "${describe(s)}"; chức vụ được ký: ${titles} (signer title not allowed)`, 'signerTitle');
    return { resolved: unique(formAndOn.map((o) => o.body)) };
  }
  const collective = candidates.every((b) => isCollective(config, b));
  const why =
    collective && (s.form === 'direct' || s.form === 'K/T')
      ? 'cơ quan tập thể ký T/M (a collective body signs T/M)'
      : !collective && s.form === 'T/M'
        ? 'T/M chỉ dùng cho cơ quan tập thể (T/M is for collective bodies)'
        : 'thể thức đề ký không phù hợp (signing form not allowed for this issuer)';
  add('error', 'SIGNING_FORM', `"${describe(s)}": ${why}; được dùng: ${allowed}`, 'signingForm');
  return { resolved: [] };
}

const describe = (s: Signature) => (s.form === 'direct' ? s.title || 'ký trực tiếp' : `${s.form} ${s.on}`.trim());
const describeOption = (o: IssuingBody['signing'][number]) => (o.form === 'direct' ? `${o.titles.join('/')} ký trực tiếp` : `${o.form} ${o.on ?? ''}`.trim());
const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
