/**
 * The office's domain rules as data (config/domain.json): document types, issuing bodies,
 * the authority matrix, numbering scopes, registers, calendar, deadlines, workflow and
 * reporting defaults. Validates the file and names the line of every fault.
 */
import * as z from 'zod';
import { ValidationError, type ErrorDetail } from '../../platform/errors';
import { ROLES } from '../../identity/domain/identity';

/** Where the repository keeps the office's configuration. */
export const DEFAULT_CONFIG_PATH = 'config/domain.json';

const note = z.string().optional();
const isoDate = z.iso.date();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time "HH:MM"');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const SIGNING_FORMS = ['direct', 'T/M', 'K/T', 'T/L', 'T/UQ'] as const;
/** Thể thức đề ký: 'direct' = the head signs without a prefix; T/M thay mặt, K/T ký thay, T/L thừa lệnh, T/UQ thừa ủy quyền. */
export type SigningForm = (typeof SIGNING_FORMS)[number];

export const NUMBERING_SCOPES = ['term', 'year', 'congress'] as const;
export type NumberingScopeKind = (typeof NUMBERING_SCOPES)[number];

export const URGENCY_LEVELS = ['hoa-toc', 'thuong-khan', 'khan', 'normal'] as const;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];

export const WORKFLOW_STEPS = ['appraisal', 'revision', 'approval'] as const;
export type WorkflowStep = (typeof WORKFLOW_STEPS)[number];

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const documentType = z.strictObject({
  code: nonEmpty,
  /** Printed TYPE in the number symbol when it differs from the code (Quy định prints QĐ). */
  symbol: nonEmpty.optional(),
  name: nonEmpty,
  nameEn: nonEmpty,
  /** Whether the document carries a tên loại heading (Công văn does not). */
  hasTitle: z.boolean(),
  /** Expects "Căn cứ …" lines (NQ, QĐ, QC). */
  legalBasis: z.boolean().optional(),
  /** Expects "Kính gửi:" / "Kính trình:" (CV, TTr). */
  addressed: z.boolean().optional(),
  aliases: z.array(nonEmpty).optional(),
  requiredDossier: z.array(nonEmpty).optional(),
  note,
});

const signingOption = z.strictObject({
  form: z.enum(SIGNING_FORMS),
  /** What follows the form, e.g. "BAN THƯỜNG VỤ" in "T/M BAN THƯỜNG VỤ". */
  on: nonEmpty.optional(),
  /** Allowed chức vụ lines under it; empty = not checked. */
  titles: z.array(nonEmpty),
  note,
});

const issuingBody = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id like "tu-btv"'),
  code: nonEmpty,
  aliases: z.array(nonEmpty).optional(),
  name: nonEmpty,
  kind: nonEmpty,
  parent: z.string().nullable(),
  /** This office numbers and registers outgoing documents for the body. */
  outgoingRegister: z.boolean(),
  header: z.strictObject({ superior: nonEmpty.optional(), name: nonEmpty }),
  place: nonEmpty.optional(),
  signing: z.array(signingOption).min(1, 'at least one signing form'),
  note,
});

const deadlineSpec = z.union([
  z.strictObject({ workingDays: z.number().int().min(0).max(365) }),
  z.strictObject({ workingHours: z.number().positive().max(24 * 365) }),
]);

const dayRange = z.strictObject({ from: isoDate, to: isoDate.optional(), name: nonEmpty, note });

export const domainConfigSchema = z.strictObject({
  version: z.literal(1),
  note,
  office: z.strictObject({
    name: nonEmpty,
    committee: nonEmpty,
    bodyId: nonEmpty,
    place: nonEmpty,
    timeZone: nonEmpty,
  }),
  dossierKinds: z.array(z.strictObject({ id: nonEmpty, name: nonEmpty, note })),
  documentTypes: z.array(documentType).min(1),
  issuerKinds: z.array(z.strictObject({ id: nonEmpty, name: nonEmpty, collective: z.boolean(), note })).min(1),
  issuingBodies: z.array(issuingBody).min(1),
  authority: z.record(z.string(), z.strictObject({ types: z.array(nonEmpty), note })),
  numbering: z.strictObject({
    defaultScope: z.enum(NUMBERING_SCOPES),
    terms: z.array(z.strictObject({ id: nonEmpty, label: nonEmpty, start: isoDate, note })).min(1),
    congresses: z.array(z.strictObject({ id: nonEmpty, label: nonEmpty, start: isoDate, end: isoDate, note })),
    rules: z.array(
      z.strictObject({
        bodies: z.array(nonEmpty).min(1),
        types: z.array(nonEmpty).optional(),
        scope: z.enum(NUMBERING_SCOPES),
        note,
      }),
    ),
    /** 'shared': secret documents continue the non-secret sequence (Party); 'separate': own series (State). */
    secretOutgoing: z.enum(['shared', 'separate']),
    note,
  }),
  registers: z.strictObject({
    incoming: z.strictObject({
      /** Incoming secret documents go to their own register (sổ văn bản đến mật). */
      secretSeparate: z.boolean(),
      /** Lowest secrecy level that goes to the secret register. */
      secretFrom: z.enum(['mat', 'toi-mat', 'tuyet-mat']),
    }),
  }),
  calendar: z.strictObject({
    workingDays: z.array(z.enum(WEEKDAYS)).min(1),
    officeHours: z.array(z.strictObject({ start: hhmm, end: hhmm })).min(1),
    holidays: z.array(dayRange),
    extraWorkingDays: z.array(dayRange),
  }),
  deadlines: z.strictObject({
    registerWithinWorkingDays: z.number().int().min(0).max(30),
    handling: z.strictObject({
      'hoa-toc': deadlineSpec,
      'thuong-khan': deadlineSpec,
      khan: deadlineSpec,
      normal: deadlineSpec,
    }),
    note,
  }),
  workflow: z.strictObject({
    steps: z.strictObject({
      appraisal: z.strictObject({ role: z.enum(ROLES), workingDays: z.number().int().min(1).max(365) }),
      revision: z.strictObject({ role: z.enum(ROLES), workingDays: z.number().int().min(1).max(365) }),
      approval: z.strictObject({ role: z.enum(ROLES), workingDays: z.number().int().min(1).max(365) }),
    }),
    escalationRole: z.enum(ROLES),
  }),
  reporting: z.strictObject({
    defaultDueDay: z.number().int().min(1).max(31),
    remindDaysBefore: z.array(z.number().int().min(0).max(366)),
    remindDaysAfter: z.array(z.number().int().min(1).max(366)),
    reminderTime: hhmm,
  }),
});

export type DomainConfig = z.infer<typeof domainConfigSchema>;
export type DocumentType = DomainConfig['documentTypes'][number];
export type IssuingBody = DomainConfig['issuingBodies'][number];
export type IssuerKind = DomainConfig['issuerKinds'][number];
export type SigningOption = IssuingBody['signing'][number];
export type DeadlineSpec = z.infer<typeof deadlineSpec>;

type PathKey = string | number;
type Path = readonly PathKey[];
interface Fault {
  path: Path;
  message: string;
  /** Point at the key itself (unknown or duplicate keys) rather than its value. */
  atKey?: boolean;
}

/**
 * Validates an already parsed configuration (the copy inlined into a Lambda bundle, checked with
 * its line numbers when the app was synthesised) and cross-checks its references; throws
 * ValidationError 'CONFIG_INVALID' listing the paths at fault. Cheaper than loadDomainConfig:
 * no text to locate lines in.
 */
export function parseDomainConfig(value: unknown, sourceName: string): DomainConfig {
  const parsed = domainConfigSchema.safeParse(value);
  const faults = parsed.success ? crossCheck(parsed.data) : parsed.error.issues.flatMap(faultsFromIssue);
  if (faults.length > 0) {
    const message = `${sourceName}: ${faults.map((f) => `${f.path.join('.') || '(root)'}: ${f.message}`).join('; ')}`;
    throw new ValidationError(message, faults.map((f) => ({ path: f.path.join('.'), message: f.message })), 'CONFIG_INVALID');
  }
  return (parsed as { data: DomainConfig }).data;
}

/** Validates config/domain.json text and cross-checks its references; throws ValidationError 'CONFIG_INVALID' naming the line. */
export function loadDomainConfig(jsonText: string, sourceName: string): DomainConfig {
  const text = jsonText.charCodeAt(0) === 0xfeff ? jsonText.slice(1) : jsonText;
  let located: Located;
  try {
    located = locateJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const { line, column } = lineColumn(text, e.offset);
      const message = `${sourceName} line ${line}, column ${column}: ${e.message}`;
      throw new ValidationError(message, [{ path: '', message: e.message, line, column }], 'CONFIG_INVALID');
    }
    throw e;
  }
  const faults: Fault[] = located.duplicateKeys.map((path) => ({ path, message: 'duplicate key', atKey: true }));
  const parsed = domainConfigSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) faults.push(...faultsFromIssue(issue));
  } else {
    faults.push(...crossCheck(parsed.data));
  }
  if (faults.length > 0) throw configError(text, sourceName, located, faults);
  return (parsed as { data: DomainConfig }).data;
}

function faultsFromIssue(issue: z.core.$ZodIssue): Fault[] {
  const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({ path: [...path, k], message: `unknown field "${k}"`, atKey: true }));
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return [{ path, message: 'required field is missing' }];
  }
  if (issue.code === 'invalid_union') return [{ path, message: 'does not match any allowed form' }];
  return [{ path, message: issue.message }];
}

function crossCheck(c: DomainConfig): Fault[] {
  const faults: Fault[] = [];
  const fault = (path: Path, message: string) => faults.push({ path, message });
  const upper = (s: string) => s.normalize('NFC').toUpperCase();

  const zoneOk = (() => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: c.office.timeZone });
      return true;
    } catch {
      return false;
    }
  })();
  if (!zoneOk) fault(['office', 'timeZone'], `unknown time zone "${c.office.timeZone}"`);

  const dossierIds = uniqueIds(c.dossierKinds.map((d) => d.id), ['dossierKinds'], 'id', fault);

  // Type codes and aliases must each name one type; symbols may be shared (QĐ for Quyết định and Quy định).
  const typeNames = new Map<string, string>();
  c.documentTypes.forEach((t, i) => {
    const check = (value: string, path: Path, what: string) => {
      const key = upper(value);
      const owner = typeNames.get(key);
      if (owner !== undefined) fault(path, `duplicate ${what} "${value}" (already used by ${owner})`);
      else typeNames.set(key, `documentTypes[${i}]`);
    };
    check(t.code, ['documentTypes', i, 'code'], 'code');
    t.aliases?.forEach((a, j) => check(a, ['documentTypes', i, 'aliases', j], 'alias'));
    t.requiredDossier?.forEach((d, j) => {
      if (!dossierIds.has(d)) fault(['documentTypes', i, 'requiredDossier', j], `unknown dossier kind "${d}"`);
    });
  });
  const typeCodes = new Set(c.documentTypes.map((t) => t.code));

  const kinds = new Map(c.issuerKinds.map((k) => [k.id, k]));
  uniqueIds(c.issuerKinds.map((k) => k.id), ['issuerKinds'], 'id', fault);

  const bodyIds = uniqueIds(c.issuingBodies.map((b) => b.id), ['issuingBodies'], 'id', fault);
  c.issuingBodies.forEach((b, i) => {
    const kind = kinds.get(b.kind);
    if (!kind) fault(['issuingBodies', i, 'kind'], `unknown issuer kind "${b.kind}"`);
    if (b.parent !== null && !bodyIds.has(b.parent)) fault(['issuingBodies', i, 'parent'], `unknown parent body "${b.parent}"`);
    if (b.parent === b.id) fault(['issuingBodies', i, 'parent'], 'a body cannot be its own parent');
    b.signing.forEach((s, j) => {
      const at: Path = ['issuingBodies', i, 'signing', j];
      if (s.form !== 'direct' && !s.on) fault([...at, 'on'], `form ${s.form} needs "on" (the body or head it signs for)`);
      if (s.form === 'direct' && s.on) fault([...at, 'on'], 'a direct signature has no "on"');
      if (kind?.collective && (s.form === 'direct' || s.form === 'K/T')) {
        fault([...at, 'form'], `collective body (kind "${kind.id}") signs T/M, not ${s.form}`);
      }
      if (kind && !kind.collective && s.form === 'T/M') fault([...at, 'form'], `T/M is for collective bodies; kind "${kind.id}" is not collective`);
    });
    if (kind?.collective && !b.signing.some((s) => s.form === 'T/M')) fault(['issuingBodies', i, 'signing'], 'a collective body needs a T/M signing form');
    if (kind && !kind.collective && !b.signing.some((s) => s.form === 'direct')) fault(['issuingBodies', i, 'signing'], 'the head of a non-collective body signs directly: add a "direct" form');
  });
  // Parent chains must end (no cycles).
  const byId = new Map(c.issuingBodies.map((b) => [b.id, b]));
  c.issuingBodies.forEach((b, i) => {
    const seen = new Set<string>([b.id]);
    let p = b.parent;
    while (p !== null && byId.has(p)) {
      if (seen.has(p)) {
        fault(['issuingBodies', i, 'parent'], `parent chain loops back to "${p}"`);
        break;
      }
      seen.add(p);
      p = byId.get(p)!.parent;
    }
  });
  if (!bodyIds.has(c.office.bodyId)) fault(['office', 'bodyId'], `unknown body "${c.office.bodyId}"`);

  for (const [kindId, entry] of Object.entries(c.authority)) {
    if (!kinds.has(kindId)) fault(['authority', kindId], `unknown issuer kind "${kindId}"`);
    const seen = new Set<string>();
    entry.types.forEach((t, j) => {
      if (!typeCodes.has(t)) fault(['authority', kindId, 'types', j], `unknown document type "${t}"`);
      else if (seen.has(t)) fault(['authority', kindId, 'types', j], `"${t}" is listed twice`);
      seen.add(t);
    });
  }

  const n = c.numbering;
  uniqueIds(n.terms.map((t) => t.id), ['numbering', 'terms'], 'id', fault);
  n.terms.forEach((t, i) => {
    const prev = n.terms[i - 1];
    if (prev && t.start <= prev.start) fault(['numbering', 'terms', i, 'start'], `term must start after the previous term (${prev.start})`);
  });
  uniqueIds(n.congresses.map((t) => t.id), ['numbering', 'congresses'], 'id', fault);
  n.congresses.forEach((g, i) => {
    if (g.end < g.start) fault(['numbering', 'congresses', i, 'end'], `congress ends (${g.end}) before it starts (${g.start})`);
    const prev = n.congresses[i - 1];
    if (prev && g.start <= prev.end) fault(['numbering', 'congresses', i, 'start'], `congress must start after the previous one ends (${prev.end})`);
  });
  const congressUsed = n.defaultScope === 'congress' || n.rules.some((r) => r.scope === 'congress');
  if (congressUsed && n.congresses.length === 0) fault(['numbering', 'congresses'], 'a congress numbering scope is used but no congress is listed');
  n.rules.forEach((r, i) => {
    r.bodies.forEach((b, j) => {
      if (!bodyIds.has(b)) fault(['numbering', 'rules', i, 'bodies', j], `unknown body "${b}"`);
    });
    r.types?.forEach((t, j) => {
      if (!typeCodes.has(t)) fault(['numbering', 'rules', i, 'types', j], `unknown document type "${t}"`);
    });
  });

  const cal = c.calendar;
  const ranges = (list: typeof cal.holidays, key: 'holidays' | 'extraWorkingDays') =>
    list.forEach((h, i) => {
      if (h.to !== undefined && h.to < h.from) fault(['calendar', key, i, 'to'], `ends (${h.to}) before it starts (${h.from})`);
    });
  ranges(cal.holidays, 'holidays');
  ranges(cal.extraWorkingDays, 'extraWorkingDays');
  cal.officeHours.forEach((h, i) => {
    if (h.end <= h.start) fault(['calendar', 'officeHours', i, 'end'], `ends (${h.end}) before it starts (${h.start})`);
    const prev = cal.officeHours[i - 1];
    if (prev && h.start < prev.end) fault(['calendar', 'officeHours', i, 'start'], `overlaps the previous interval (ends ${prev.end})`);
  });
  return faults;
}

function uniqueIds(ids: string[], at: Path, field: string, fault: (p: Path, m: string) => void): Set<string> {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) fault([...at, i, field], `duplicate ${field} "${id}"`);
    seen.add(id);
  });
  return seen;
}

function configError(text: string, sourceName: string, located: Located, faults: Fault[]): ValidationError {
  const details: ErrorDetail[] = faults
    .map((f) => {
      const offset = offsetOf(located, f.path, f.atKey === true);
      const { line, column } = lineColumn(text, offset);
      return { path: formatPath(f.path), message: f.message, line, column };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
  const first = details[0]!;
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  const where = first.path ? `${first.path}: ` : '';
  return new ValidationError(`${sourceName} line ${first.line}, column ${first.column}: ${where}${first.message}${more}`, details, 'CONFIG_INVALID');
}

/** documentTypes[3].code; keys that are not plain identifiers are quoted: authority["a.b"]. */
function formatPath(path: Path): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (/^[\p{L}_$][\p{L}\p{N}_$-]*$/u.test(k)) out += out === '' ? k : `.${k}`;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}

// --- JSON position tokenizer ---------------------------------------------------------------
// JSON.parse loses positions; this small scanner records where each value (and key) starts.

interface Located {
  /** path key (JSON of the path array) → offsets of the value and, for object members, of the key. */
  positions: Map<string, { value: number; key?: number }>;
  duplicateKeys: PathKey[][];
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function locateJson(text: string): Located {
  const positions = new Map<string, { value: number; key?: number }>();
  const duplicateKeys: PathKey[][] = [];
  let i = 0;

  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (msg: string): never => {
    throw new JsonSyntaxError(i >= text.length ? `unexpected end of JSON (${msg})` : `JSON syntax error: ${msg}, found ${JSON.stringify(text[i])}`, i);
  };
  const string = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('control character in string');
      i++;
    }
    if (i >= text.length) {
      i = start;
      fail('unterminated string');
    }
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail('bad escape in string');
    }
  };
  const value = (path: PathKey[], keyOffset?: number) => {
    ws();
    const at = { value: i, ...(keyOffset !== undefined ? { key: keyOffset } : {}) };
    positions.set(JSON.stringify(path), at);
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      const keys = new Set<string>();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a quoted key');
        const keyAt = i;
        const key = string();
        if (keys.has(key)) duplicateKeys.push([...path, key]);
        keys.add(key);
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        const child = [...path, key];
        // A duplicate key keeps the last position, as JSON.parse keeps the last value.
        value(child, keyAt);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void i++;
        fail('expected "," or "}"');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value([...path, n]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return void i++;
        fail('expected "," or "]"');
      }
    }
    if (ch === '"') return void string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) fail('expected a value');
    i += m![0].length;
  };

  value([]);
  ws();
  if (i < text.length) fail('unexpected text after the JSON value');
  return { positions, duplicateKeys };
}

/** Offset of the deepest part of the path present in the text (a missing field points at its object). */
function offsetOf(located: Located, path: Path, atKey: boolean): number {
  for (let n = path.length; n >= 0; n--) {
    const at = located.positions.get(JSON.stringify(path.slice(0, n)));
    if (at) return atKey && n === path.length && at.key !== undefined ? at.key : at.value;
  }
  return 0;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
