/**
 * What the workflow's own tasks do to a draft (pure): record the precheck, start a human step,
 * escalate or expire it, mark it issued. The task Lambdas store the results.
 */
import type { DomainConfig, Urgency } from '../../office';
import type { Caller, Secrecy } from '../../platform/security';
import { precheckDraft, type PrecheckResult } from './precheck';
import { FINAL_STATUSES, SYSTEM_ACTOR, type Draft, type HistoryEntry, type PendingTask } from './model';
import { findingCounts } from './rules';
import { extendedTiming, stepTiming, type RouteSlot, type StepTiming } from './workflow';

/** The workflow's own identity in the audit log (issuance registers the number as the clerk would). */
export const WORKFLOW_CALLER: Caller = { sub: SYSTEM_ACTOR.sub, username: SYSTEM_ACTOR.username, roles: ['van-thu'], clearance: 'tuyet-mat' };

/** What the audit log keeps of a draft: its state, not its text. */
export function auditView(d: Draft | null): Record<string, unknown> | null {
  if (!d) return null;
  return {
    status: d.status,
    round: d.round,
    version: d.version,
    typeCode: d.typeCode,
    issuerCode: d.issuerCode,
    subject: d.subject,
    // The audit log shows a draft's events only to readers its secrecy allows.
    secrecy: d.secrecy,
    bodyLength: d.body.length,
    pendingTask: d.pendingTask,
    numberSymbol: d.numberSymbol,
  };
}

const touch = (d: Draft, now: Date, patch: Partial<Draft>, entry?: HistoryEntry): Draft => ({
  ...d,
  ...patch,
  history: entry ? [...d.history, entry] : d.history,
  version: d.version + 1,
  updatedAt: now.toISOString(),
});

/** Runs the precheck on the draft as it stands; errors send it to revision. */
export function applyPrecheck(config: DomainConfig, d: Draft, now: Date): { after: Draft; result: PrecheckResult; route: RouteSlot } {
  const result = precheckDraft(
    config,
    {
      typeCode: d.typeCode,
      issuerCode: d.issuerCode,
      subject: d.subject,
      body: d.body,
      recipients: d.recipients,
      dossier: d.dossier,
      ...(d.signingForm ? { signingForm: d.signingForm } : {}),
      ...(d.signerTitle ? { signerTitle: d.signerTitle } : {}),
      secrecy: d.secrecy,
      urgency: d.urgency,
    },
    now,
  );
  const at = now.toISOString();
  const after = touch(
    d,
    now,
    { status: 'precheck', precheck: { findings: result.findings, ok: result.ok, at, round: d.round, issuerBodyId: result.issuerBodyId ?? null } },
    { at, step: 'precheck', actor: SYSTEM_ACTOR, round: d.round, findings: findingCounts(result) },
  );
  return { after, result, route: { outcome: result.ok ? 'ok' : 'errors', timing: stepTiming(config, result.ok ? 'appraisal' : 'revision', now) } };
}

/** A human step starts (its token is stored): the draft shows the step, who must act and when it is due. */
export function applyTaskStarted(config: DomainConfig, d: Draft, timing: StepTiming, now: Date): Draft | undefined {
  if (FINAL_STATUSES.includes(d.status)) return undefined;
  const pendingTask: PendingTask = {
    step: timing.step,
    role: timing.role,
    ...(timing.step === 'revision' && d.dept ? { dept: d.dept } : {}),
    dueAt: timing.dueAt,
    since: now.toISOString(),
    escalated: timing.escalated,
    ...(timing.escalated ? { escalatedTo: config.workflow.escalationRole } : {}),
    round: d.round,
  };
  return touch(d, now, { status: timing.step, pendingTask });
}

/** A step timed out: the first time it is escalated and extended once; the second time the draft expires. */
export function applyTimeout(config: DomainConfig, d: Draft, timing: StepTiming, now: Date): { after?: Draft; route: RouteSlot } {
  const at = now.toISOString();
  const role = config.workflow.escalationRole;
  if (!timing.escalated) {
    const next = extendedTiming(config, timing, now);
    const after = FINAL_STATUSES.includes(d.status)
      ? undefined
      : touch(
          d,
          now,
          // The step starts again (with a new token) right after: until then nothing is pending.
          { pendingTask: null },
          { at, step: 'escalation', actor: SYSTEM_ACTOR, round: d.round, escalatedTo: role, dueAt: next.dueAt, comment: `Quá hạn bước ${timing.step} (${timing.dueAt}); báo ${role}, gia hạn một lần (overdue: escalated and extended once)` },
        );
    return { ...(after ? { after } : {}), route: { outcome: 'extended', timing: next } };
  }
  const after = FINAL_STATUSES.includes(d.status)
    ? undefined
    : touch(
        d,
        now,
        { status: 'expired', pendingTask: null },
        { at, step: 'expired', actor: SYSTEM_ACTOR, round: d.round, comment: `Bước ${timing.step} quá hạn lần hai (${timing.dueAt}) (the step expired after its extension)` },
      );
  return { ...(after ? { after } : {}), route: { outcome: 'expired', timing } };
}

/** The outgoing number was taken: the draft is issued. */
export function applyIssued(d: Draft, issued: { numberSymbol: string; outgoingEntryId: string }, now: Date): Draft | undefined {
  if (d.status === 'issued') return undefined;
  return touch(
    d,
    now,
    { status: 'issued', pendingTask: null, numberSymbol: issued.numberSymbol, outgoingEntryId: issued.outgoingEntryId },
    { at: now.toISOString(), step: 'issuance', actor: SYSTEM_ACTOR, round: d.round, numberSymbol: issued.numberSymbol },
  );
}

/** What issuance asks of the outgoing register for a draft (its number is taken once per draft). */
export type OutgoingRequest = {
  typeCode: string;
  issuerCode: string;
  issuerId: string | null;
  subject: string;
  /** Who approved the draft (the last approval), who signs it. */
  signer: string;
  recipients: string[];
  secrecy: Secrecy | null;
  urgency: Urgency | null;
  draftId: string;
};

/** The outgoing entry to register for an approved draft: signed by whoever approved it last. */
export function outgoingRequest(d: Draft): OutgoingRequest {
  const approval = [...d.history].reverse().find((h) => h.step === 'approval' && h.decision === 'approve');
  return {
    typeCode: d.typeCode,
    issuerCode: d.issuerCode,
    issuerId: d.precheck?.issuerBodyId ?? null,
    subject: d.subject,
    signer: approval?.actor.username ?? 'unknown',
    recipients: d.recipients,
    secrecy: d.secrecy,
    urgency: d.urgency,
    draftId: d.id,
  };
}

/** The number and entry of a draft already issued (a replayed issuance answers them again), or undefined. */
export function issuedResult(d: Draft): { numberSymbol: string; outgoingEntryId: string } | undefined {
  return d.status === 'issued' && d.numberSymbol && d.outgoingEntryId ? { numberSymbol: d.numberSymbol, outgoingEntryId: d.outgoingEntryId } : undefined;
}
