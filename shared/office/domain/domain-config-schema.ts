/**
 * The shape of the office's domain rules as data (config/domain.json): document types, issuing
 * bodies, the authority matrix, numbering scopes, registers, calendar, deadlines, workflow and
 * reporting defaults, as a zod schema, and the types the rest of the code reads them through.
 * Validating a file (with the line of every fault) is ./domain-config.ts; the cross-checks
 * between its parts are ./domain-config-checks.ts.
 */
import * as z from 'zod';
import { ROLES } from '../../platform/security';
import type { HandlingLevel } from './urgency';

const note = z.string().optional();
const isoDate = z.iso.date();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time "HH:MM"');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const SIGNING_FORMS = ['direct', 'T/M', 'K/T', 'T/L', 'T/UQ'] as const;
/** Thể thức đề ký: 'direct' = the head signs without a prefix; T/M thay mặt, K/T ký thay, T/L thừa lệnh, T/UQ thừa ủy quyền. */
export type SigningForm = (typeof SIGNING_FORMS)[number];

export const NUMBERING_SCOPES = ['term', 'year', 'congress'] as const;
export type NumberingScopeKind = (typeof NUMBERING_SCOPES)[number];

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
    /** Handling time per độ khẩn, and for a document without one ('normal'): see ./urgency. */
    handling: z.strictObject({
      'hoa-toc': deadlineSpec,
      'thuong-khan': deadlineSpec,
      khan: deadlineSpec,
      normal: deadlineSpec,
    } satisfies Record<HandlingLevel, typeof deadlineSpec>),
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
  /**
   * Giao việc: reminders (nhắc việc) the given working days before and after an assignment's due
   * date, at the reminder time; co-operating units are due the given working days before the lead.
   * Optional: without it the assignments module uses its defaults.
   */
  assignments: z
    .strictObject({
      remindWorkingDaysBefore: z.array(z.number().int().min(0).max(60)),
      remindWorkingDaysAfter: z.array(z.number().int().min(1).max(60)),
      reminderTime: hhmm,
      cooperatingWorkingDaysBefore: z.number().int().min(0).max(30),
      note,
    })
    .optional(),
});

export type DomainConfig = z.infer<typeof domainConfigSchema>;
export type DocumentType = DomainConfig['documentTypes'][number];
export type IssuingBody = DomainConfig['issuingBodies'][number];
export type IssuerKind = DomainConfig['issuerKinds'][number];
export type SigningOption = IssuingBody['signing'][number];
export type DeadlineSpec = z.infer<typeof deadlineSpec>;
