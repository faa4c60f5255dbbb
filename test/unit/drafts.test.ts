import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDomainConfig } from '../../shared/office';
import type { Caller } from '../../shared/platform/security';
import type { Draft } from '../../shared/drafts/domain/model';
import { assertMayDecide, assertStepPending, canViewDraft, planDecision } from '../../shared/drafts/domain/rules';
import { applyIssued, applyPrecheck, applyTaskStarted, applyTimeout } from '../../shared/drafts/domain/transitions';
import { executionNameFor, stepTiming, WORKFLOW_ERRORS } from '../../shared/drafts/domain/workflow';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/platform/errors';
import { ctByFullCommittee, NQ_BODY, nqDraft } from '../support/drafts';

const config = loadDomainConfig(readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8'), 'config/domain.json');
// Friday 24/4/2026, 10:00 in Hà Nội: Monday 27/4 (Giỗ Tổ, nghỉ bù), 30/4 and 1/5 are holidays.
const NOW = new Date('2026-04-24T03:00:00Z');

const person = (username: string, roles: Caller['roles'], extra: Partial<Caller> = {}): Caller => ({ sub: `user-${username}`, username, roles, clearance: 'none', ...extra });
const drafter = person('bantochuc', ['ban-tham-muu'], { dept: 'BTCTU' });
const appraiser = person('chuyenvien', ['chuyen-vien']);
const approver = person('bithu', ['thuong-truc'], { clearance: 'tuyet-mat' });

function draft(over: Partial<Draft> = {}): Draft {
  const d = nqDraft() as unknown as Draft;
  return {
    ...d,
    id: '01DRAFT',
    signingForm: null,
    signerTitle: null,
    secrecy: null,
    urgency: null,
    dept: 'BTCTU',
    status: 'appraisal',
    round: 1,
    precheck: null,
    pendingTask: { step: 'appraisal', role: 'chuyen-vien', dueAt: '2026-05-01T10:00:00.000Z', since: NOW.toISOString(), escalated: false, round: 1 },
    history: [{ at: NOW.toISOString(), step: 'submitted', actor: { sub: drafter.sub, username: drafter.username }, round: 1 }],
    numberSymbol: null,
    outgoingEntryId: null,
    executionName: executionNameFor('01DRAFT'),
    version: 3,
    createdAt: NOW.toISOString(),
    createdBy: { sub: drafter.sub, username: drafter.username },
    updatedAt: NOW.toISOString(),
    ...over,
  };
}
const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as Error & { code?: string; status?: number };
  }
  throw new Error('expected an error');
};

describe('due times of human steps', () => {
  it('counts working days past weekends and holidays, to the close of business', () => {
    const approval = stepTiming(config, 'approval', NOW);
    // 3 working days from Fri 24/4: Tue 28, Wed 29, then Mon 4/5 (27/4, 30/4, 1/5 off; 2–3/5 weekend); 17:00 +07:00.
    expect(approval).toMatchObject({ step: 'approval', role: 'thuong-truc', dueAt: '2026-05-04T10:00:00.000Z', escalated: false });
    expect(approval.timeoutSeconds).toBe((Date.parse('2026-05-04T10:00:00Z') - NOW.getTime()) / 1000);
    expect(stepTiming(config, 'appraisal', NOW).dueAt).toBe('2026-05-06T10:00:00.000Z');
  });

  it('never gives Step Functions a timeout below one second', () => {
    expect(stepTiming(config, 'revision', new Date('2030-01-01T00:00:00Z')).timeoutSeconds).toBeGreaterThanOrEqual(1);
  });
});

describe('who sees and who decides', () => {
  it('office roles and the drafting department see a draft; another department and too low a clearance do not', () => {
    const d = draft();
    expect(canViewDraft(appraiser, d)).toBe(true);
    expect(canViewDraft(drafter, d)).toBe(true);
    expect(canViewDraft(person('tg', ['ban-tham-muu'], { dept: 'BTGDVTU' }), d)).toBe(false);
    expect(canViewDraft(appraiser, draft({ secrecy: 'toi-mat' }))).toBe(false);
    expect(canViewDraft(approver, draft({ secrecy: 'toi-mat' }))).toBe(true);
  });

  it('403 for the wrong role, another department, and four eyes', () => {
    expect(thrown(() => assertMayDecide(config, draft(), approver, 'appraisal'))).toMatchObject({ status: 403, code: 'WRONG_ROLE' });
    expect(thrown(() => assertMayDecide(config, draft(), person('tg', ['ban-tham-muu'], { dept: 'BTGDVTU' }), 'revision'))).toMatchObject({ code: 'WRONG_DEPARTMENT' });
    const drafterSpecialist = person('bantochuc', ['ban-tham-muu', 'chuyen-vien'], { dept: 'BTCTU' });
    expect(thrown(() => assertMayDecide(config, draft(), drafterSpecialist, 'appraisal'))).toMatchObject({ code: 'FOUR_EYES' });
    const both = person('cvtt', ['chuyen-vien', 'thuong-truc']);
    const appraised = draft({ history: [...draft().history, { at: NOW.toISOString(), step: 'appraisal', actor: { sub: both.sub, username: both.username }, round: 1, decision: 'approve' }] });
    expect(thrown(() => assertMayDecide(config, appraised, both, 'approval'))).toBeInstanceOf(ForbiddenError);
    // An appraisal of an earlier round does not bind this round's approval.
    expect(() => assertMayDecide(config, { ...appraised, round: 2 }, both, 'approval')).not.toThrow();
    expect(() => assertMayDecide(config, appraised, approver, 'approval')).not.toThrow();
  });

  it('four eyes bind whoever revised (resubmitted) the draft: they neither appraise nor approve it, in any later round', () => {
    // A member of the drafting department who also holds the office roles, and resubmitted round 1's revision.
    const reviser = person('cvbtc', ['ban-tham-muu', 'chuyen-vien', 'thuong-truc'], { dept: 'BTCTU' });
    const revised = (round: number) =>
      draft({
        round,
        history: [
          ...draft().history,
          { at: NOW.toISOString(), step: 'appraisal', actor: { sub: appraiser.sub, username: appraiser.username }, round: 1, decision: 'return' },
          { at: NOW.toISOString(), step: 'revision', actor: { sub: reviser.sub, username: reviser.username }, round: 1, decision: 'approve', bodyChanged: true },
        ],
      });
    for (const round of [2, 3]) {
      expect(thrown(() => assertMayDecide(config, revised(round), reviser, 'appraisal'))).toMatchObject({ status: 403, code: 'FOUR_EYES' });
      expect(thrown(() => assertMayDecide(config, revised(round), reviser, 'approval'))).toMatchObject({ status: 403, code: 'FOUR_EYES' });
    }
    // Others still may; a department member who withdrew nothing and resubmitted nothing is not bound.
    expect(() => assertMayDecide(config, revised(2), appraiser, 'appraisal')).not.toThrow();
    expect(() => assertMayDecide(config, revised(2), approver, 'approval')).not.toThrow();
    const other = person('cvbtc2', ['ban-tham-muu', 'chuyen-vien'], { dept: 'BTCTU' });
    expect(() => assertMayDecide(config, revised(2), other, 'appraisal')).not.toThrow();
  });

  it('409 when the step is not the pending one or the draft is final', () => {
    expect(thrown(() => assertStepPending(draft(), 'approval'))).toBeInstanceOf(ConflictError);
    expect(thrown(() => assertStepPending(draft({ status: 'issued', pendingTask: null }), 'approval'))).toMatchObject({ code: 'STEP_NOT_PENDING' });
    expect(() => assertStepPending(draft(), 'appraisal')).not.toThrow();
  });
});

describe('decisions', () => {
  it('approving the appraisal sends the approval’s timing to the state machine', () => {
    const p = planDecision(config, draft(), { step: 'appraisal', decision: 'approve', comment: 'Đạt' }, appraiser, NOW);
    expect(p.after).toMatchObject({ status: 'approval', pendingTask: null, version: 4, round: 1 });
    expect(p.entry).toMatchObject({ step: 'appraisal', decision: 'approve', comment: 'Đạt', actor: { username: 'chuyenvien' } });
    expect(p.response).toEqual({ kind: 'success', output: { outcome: 'approve', timing: stepTiming(config, 'approval', NOW) } });
  });

  it('a return goes to revision; a resubmission starts a new round with the new body', () => {
    const ret = planDecision(config, draft(), { step: 'appraisal', decision: 'return', comment: 'Sửa' }, appraiser, NOW);
    expect(ret.response).toMatchObject({ kind: 'success', output: { outcome: 'return', timing: { step: 'revision', role: 'ban-tham-muu' } } });
    const inRevision = draft({ status: 'revision', pendingTask: { ...draft().pendingTask!, step: 'revision', role: 'ban-tham-muu', dept: 'BTCTU' } });
    const body = `${NQ_BODY}\n2. Mục mới.`;
    const re = planDecision(config, inRevision, { step: 'revision', decision: 'approve', body }, drafter, NOW);
    expect(re.after).toMatchObject({ status: 'precheck', round: 2, body });
    expect(re.entry.bodyChanged).toBe(true);
    expect(re.response).toEqual({ kind: 'success', output: { outcome: 'approve' } });
  });

  it('a reject answers the token with the Draft.Rejected failure', () => {
    const p = planDecision(config, draft(), { step: 'appraisal', decision: 'reject', comment: 'Không cần thiết' }, appraiser, NOW);
    expect(p.after.status).toBe('rejected');
    expect(p.response).toEqual({ kind: 'failure', error: WORKFLOW_ERRORS.rejected, cause: 'Không cần thiết' });
  });

  it('400 for decisions that do not fit the step', () => {
    const d = draft();
    expect(thrown(() => planDecision(config, d, { step: 'appraisal', decision: 'return' }, appraiser, NOW))).toBeInstanceOf(ValidationError);
    expect(thrown(() => planDecision(config, d, { step: 'revision', decision: 'return', comment: 'x' }, drafter, NOW))).toBeInstanceOf(ValidationError);
    expect(thrown(() => planDecision(config, d, { step: 'approval', decision: 'approve', body: 'x' }, approver, NOW))).toBeInstanceOf(ValidationError);
    expect(thrown(() => planDecision(config, { ...d, round: 20 }, { step: 'revision', decision: 'approve' }, drafter, NOW))).toMatchObject({ code: 'TOO_MANY_ROUNDS' });
  });
});

describe('the workflow’s own steps', () => {
  it('precheck routes a good draft to appraisal and a Chỉ thị of the full committee to revision', () => {
    const ok = applyPrecheck(config, draft({ status: 'precheck', pendingTask: null }), NOW);
    expect(ok.route).toMatchObject({ outcome: 'ok', timing: { step: 'appraisal' } });
    expect(ok.after.precheck).toMatchObject({ ok: true, issuerBodyId: 'tu-btv', round: 1 });
    const bad = applyPrecheck(config, draft({ ...(ctByFullCommittee() as unknown as Partial<Draft>), status: 'precheck', pendingTask: null }), NOW);
    expect(bad.route).toMatchObject({ outcome: 'errors', timing: { step: 'revision', role: 'ban-tham-muu' } });
    expect(bad.after.history.at(-1)).toMatchObject({ step: 'precheck', findings: { error: 1 } });
  });

  it('a started step shows who must act and when; a revision names the department; a final draft is left alone', () => {
    const t = stepTiming(config, 'revision', NOW);
    expect(applyTaskStarted(config, draft({ status: 'precheck', pendingTask: null }), t, NOW)).toMatchObject({ status: 'revision', pendingTask: { step: 'revision', dept: 'BTCTU', dueAt: t.dueAt, escalated: false } });
    expect(applyTaskStarted(config, draft({ status: 'rejected', pendingTask: null }), t, NOW)).toBeUndefined();
  });

  it('the first timeout escalates and extends once; the second expires', () => {
    const t = stepTiming(config, 'appraisal', NOW);
    const later = new Date(Date.parse(t.dueAt) + 1000);
    const first = applyTimeout(config, draft(), t, later);
    expect(first.route).toMatchObject({ outcome: 'extended', timing: { step: 'appraisal', escalated: true } });
    expect(Date.parse(first.route.timing!.dueAt)).toBeGreaterThan(later.getTime());
    expect(first.after!.history.at(-1)).toMatchObject({ step: 'escalation', escalatedTo: 'lanh-dao-vp' });
    const second = applyTimeout(config, first.after!, first.route.timing!, new Date(Date.parse(first.route.timing!.dueAt) + 1000));
    expect(second.route.outcome).toBe('expired');
    expect(second.after).toMatchObject({ status: 'expired', pendingTask: null });
  });

  it('issuing twice changes nothing the second time', () => {
    const issued = applyIssued(draft({ status: 'approval', pendingTask: null }), { numberSymbol: '7-NQ/TU', outgoingEntryId: 'E1' }, NOW)!;
    expect(issued).toMatchObject({ status: 'issued', numberSymbol: '7-NQ/TU' });
    expect(applyIssued(issued, { numberSymbol: '8-NQ/TU', outgoingEntryId: 'E2' }, NOW)).toBeUndefined();
  });
});
