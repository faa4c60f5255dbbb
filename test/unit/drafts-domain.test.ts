/**
 * The drafts' pure rules that the use cases (shared/drafts/app) order: who may submit, the draft
 * as submitted, what a client sees, the caller's task list, a decision sent again, the draft
 * restored after an undelivered decision, and what issuance asks of the outgoing register.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDomainConfig } from '../../shared/office';
import type { Caller, Role, Secrecy } from '../../shared/platform/security';
import type { Draft, DraftInput, HistoryEntry, PendingTask } from '../../shared/drafts/domain/model';
import { isRedelivery, restoredAfterUndelivered, type TaskResponse } from '../../shared/drafts/domain/rules';
import { assertMaySubmit, newDraft } from '../../shared/drafts/domain/submission';
import { callerTasks, followUpRole, waitingLists } from '../../shared/drafts/domain/tasks';
import { issuedResult, outgoingRequest } from '../../shared/drafts/domain/transitions';
import { clientView } from '../../shared/drafts/domain/view';
import { executionNameFor } from '../../shared/drafts/domain/workflow';
import { ForbiddenError } from '../../shared/platform/errors';

const config = loadDomainConfig(readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8'), 'config/domain.json');
const NOW = new Date('2026-04-24T03:00:00Z');

const person = (username: string, roles: Role[], extra: Partial<Caller> = {}): Caller => ({ sub: `user-${username}`, username, roles, clearance: 'none', ...extra });
const drafter = person('bantochuc', ['ban-tham-muu'], { dept: 'BTCTU' });
const input: DraftInput = { typeCode: 'NQ', issuerCode: 'TU', subject: 'về công tác cán bộ', body: 'Nội dung', recipients: ['Như trên'], dossier: [{ kind: 'to-trinh' }] };

function draft(over: Partial<Draft> = {}): Draft {
  return { ...newDraft('01DRAFT', input, { ...drafter, dept: 'BTCTU' }, NOW), ...over };
}
const task = (over: Partial<PendingTask> = {}): PendingTask => ({ step: 'appraisal', role: 'chuyen-vien', dueAt: '2026-05-01T10:00:00.000Z', since: NOW.toISOString(), escalated: false, round: 1, ...over });

describe('who may submit a draft', () => {
  const cases: { who: string; caller: Caller; secrecy: Secrecy | null; code?: string }[] = [
    { who: 'a member of a drafting department, no secrecy', caller: drafter, secrecy: null },
    { who: 'a department member whose clearance covers the secrecy', caller: { ...drafter, clearance: 'toi-mat' }, secrecy: 'mat' },
    { who: 'a department member with exactly the clearance', caller: { ...drafter, clearance: 'mat' }, secrecy: 'mat' },
    { who: 'someone without a department', caller: person('chuyenvien', ['ban-tham-muu']), secrecy: null, code: 'NO_DEPARTMENT' },
    { who: 'a department member below the secrecy', caller: drafter, secrecy: 'mat', code: 'FORBIDDEN' },
    { who: 'a department member one level below', caller: { ...drafter, clearance: 'mat' }, secrecy: 'toi-mat', code: 'FORBIDDEN' },
  ];
  it.each(cases)('$who', ({ caller, secrecy, code }) => {
    if (!code) return expect(() => assertMaySubmit(caller, { secrecy })).not.toThrow();
    try {
      assertMaySubmit(caller, { secrecy });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ForbiddenError);
      expect((e as ForbiddenError).code).toBe(code);
    }
  });
});

describe('the draft as submitted', () => {
  it('starts at the precheck, round 1, version 1, with one history line by the drafter and its own execution', () => {
    const d = newDraft('01ABC', { ...input, secrecy: 'mat', urgency: 'khan', signingForm: 'T/M' }, { ...drafter, dept: 'BTCTU' }, NOW);
    expect(d).toMatchObject({
      id: '01ABC',
      status: 'precheck',
      round: 1,
      version: 1,
      dept: 'BTCTU',
      secrecy: 'mat',
      urgency: 'khan',
      signingForm: 'T/M',
      signerTitle: null,
      precheck: null,
      pendingTask: null,
      numberSymbol: null,
      outgoingEntryId: null,
      executionName: executionNameFor('01ABC'),
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      createdBy: { sub: drafter.sub, username: drafter.username },
    });
    expect(d.history).toEqual([{ at: NOW.toISOString(), step: 'submitted', actor: { sub: drafter.sub, username: drafter.username }, round: 1 }]);
  });
  it('leaves what was not given as null', () => {
    expect(newDraft('01ABC', input, { ...drafter, dept: 'BTCTU' }, NOW)).toMatchObject({ secrecy: null, urgency: null, signingForm: null, signerTitle: null });
  });
});

describe("a client's view of a draft", () => {
  const precheck = { findings: [{ code: 'AUTHORITY' as const, severity: 'warning' as const, message: 'm' }], ok: true, at: NOW.toISOString(), round: 2, issuerBodyId: 'tu-btv' };
  const cases: { name: string; over: Partial<Draft>; has: Record<string, unknown>; hasNot: string[] }[] = [
    { name: 'submitted: no precheck, no number', over: {}, has: { precheck: null }, hasNot: ['executionName', 'numberSymbol', 'outgoingEntryId'] },
    { name: 'prechecked: the findings without the issuer body resolved', over: { precheck }, has: { precheck: { findings: precheck.findings, ok: true, at: precheck.at, round: 2 } }, hasNot: ['executionName', 'numberSymbol'] },
    { name: 'issued: the number and the outgoing entry', over: { status: 'issued', numberSymbol: '12-NQ/TU', outgoingEntryId: '01OUT' }, has: { numberSymbol: '12-NQ/TU', outgoingEntryId: '01OUT' }, hasNot: ['executionName'] },
  ];
  it.each(cases)('$name', ({ over, has, hasNot }) => {
    const v = clientView(draft(over)) as Record<string, unknown>;
    expect(v).toMatchObject(has);
    for (const k of hasNot) expect(v).not.toHaveProperty(k);
    expect(v).toMatchObject({ id: '01DRAFT', version: 1, history: draft().history });
  });
});

describe('which waiting lists a caller reads', () => {
  const cases: { roles: Role[]; dept?: string; lists: { role: Role; dept?: string }[]; followUp?: Role }[] = [
    { roles: ['chuyen-vien'], lists: [{ role: 'chuyen-vien' }] },
    { roles: ['thuong-truc'], lists: [{ role: 'thuong-truc' }] },
    // A revision waits for the drafting department: the role within the caller's department, none without one.
    { roles: ['ban-tham-muu'], dept: 'BTCTU', lists: [{ role: 'ban-tham-muu', dept: 'BTCTU' }] },
    { roles: ['ban-tham-muu'], lists: [] },
    { roles: ['lanh-dao-vp'], lists: [{ role: 'lanh-dao-vp' }], followUp: 'lanh-dao-vp' },
    { roles: ['chuyen-vien', 'lanh-dao-vp'], lists: [{ role: 'chuyen-vien' }, { role: 'lanh-dao-vp' }], followUp: 'lanh-dao-vp' },
    { roles: [], lists: [] },
  ];
  it.each(cases)('roles $roles, dept $dept', ({ roles, dept, lists, followUp }) => {
    const caller = person('x', roles, dept ? { dept } : {});
    expect(waitingLists(config, caller)).toEqual(lists);
    expect(followUpRole(config, caller)).toBe(followUp);
  });
});

describe("the caller's tasks", () => {
  const appraiser = person('chuyenvien', ['chuyen-vien', 'lanh-dao-vp']);
  const waiting = (id: string, over: Partial<Draft> = {}, t: Partial<PendingTask> = {}) => draft({ id, status: 'appraisal', pendingTask: task(t), ...over });

  it('lists each draft once, acting before following up, earliest due first, then by draft id', () => {
    const a = waiting('01B', {}, { dueAt: '2026-05-02T10:00:00.000Z' });
    const b = waiting('01A', {}, { dueAt: '2026-05-02T10:00:00.000Z' });
    const c = waiting('01C', {}, { dueAt: '2026-04-20T10:00:00.000Z', escalated: true, escalatedTo: 'lanh-dao-vp' });
    const tasks = callerTasks(appraiser, [a, b, c], [c, waiting('01D', {}, { dueAt: '2026-04-21T10:00:00.000Z', escalated: true })], NOW);
    expect(tasks.map((t) => [t.draftId, t.kind, t.overdue])).toEqual([
      ['01C', 'act', true],
      ['01D', 'follow-up', true],
      ['01A', 'act', false],
      ['01B', 'act', false],
    ]);
    expect(tasks[0]).toEqual({ draftId: '01C', step: 'appraisal', role: 'chuyen-vien', dueAt: '2026-04-20T10:00:00.000Z', overdue: true, escalated: true, kind: 'act', subject: input.subject, typeCode: 'NQ', issuerCode: 'TU', round: 1 });
  });

  const dropped: { name: string; caller: Caller; d: Draft; as: 'act' | 'follow-up' }[] = [
    { name: 'no pending step any more', caller: appraiser, d: draft({ id: '01X', pendingTask: null }), as: 'act' },
    { name: 'no pending step (follow-up)', caller: appraiser, d: draft({ id: '01X', pendingTask: null }), as: 'follow-up' },
    { name: 'above the caller’s clearance', caller: appraiser, d: waiting('01X', { secrecy: 'mat' }), as: 'act' },
    { name: 'above the caller’s clearance (follow-up)', caller: appraiser, d: waiting('01X', { secrecy: 'mat' }), as: 'follow-up' },
    // Four eyes: the drafter does not appraise their own draft, so it is not their task.
    { name: 'four eyes: the caller drafted it', caller: { ...appraiser, sub: drafter.sub }, d: waiting('01X'), as: 'act' },
  ];
  it.each(dropped)('drops a draft with $name', ({ caller, d, as }) => {
    expect(callerTasks(caller, as === 'act' ? [d] : [], as === 'follow-up' ? [d] : [], NOW)).toEqual([]);
  });

  it('shows the department of a revision, and overdue only after the due instant', () => {
    const rev = waiting('01R', { status: 'revision' }, { step: 'revision', role: 'ban-tham-muu', dept: 'BTCTU', dueAt: NOW.toISOString() });
    const [t] = callerTasks({ ...drafter, sub: 'user-other' }, [rev], [], NOW);
    expect(t).toMatchObject({ step: 'revision', dept: 'BTCTU', overdue: false });
    expect(callerTasks({ ...drafter, sub: 'user-other' }, [rev], [], new Date(NOW.getTime() + 1))[0]!.overdue).toBe(true);
  });
});

describe('a decision sent again', () => {
  const response: TaskResponse = { kind: 'success', output: { outcome: 'approve' } };
  const claimed = { status: 'decided', delivered: false, decidedBy: 'user-a', decision: 'approve' as const, response };
  const cases: { name: string; token: Parameters<typeof isRedelivery>[0]; by: string; decision: 'approve' | 'return' | 'reject'; again: boolean }[] = [
    { name: 'same person, same decision, not delivered', token: claimed, by: 'user-a', decision: 'approve', again: true },
    { name: 'delivered already', token: { ...claimed, delivered: true }, by: 'user-a', decision: 'approve', again: false },
    { name: 'delivery state unknown', token: { ...claimed, delivered: undefined }, by: 'user-a', decision: 'approve', again: false },
    { name: 'another person', token: claimed, by: 'user-b', decision: 'approve', again: false },
    { name: 'another decision', token: claimed, by: 'user-a', decision: 'return', again: false },
    { name: 'no stored response', token: { ...claimed, response: undefined }, by: 'user-a', decision: 'approve', again: false },
    { name: 'still pending', token: { ...claimed, status: 'pending' }, by: 'user-a', decision: 'approve', again: false },
    { name: 'closed by a timeout', token: { ...claimed, status: 'closed' }, by: 'user-a', decision: 'approve', again: false },
    { name: 'no token', token: undefined, by: 'user-a', decision: 'approve', again: false },
  ];
  it.each(cases)('$name → $again', ({ token, by, decision, again }) => {
    expect(isRedelivery(token, { sub: by }, decision)).toBe(again);
  });
});

describe('the draft restored after a decision that could not be delivered', () => {
  it('is the draft before the decision, at the version after it', () => {
    const before = draft({ status: 'appraisal', pendingTask: task(), version: 4 });
    const decided = { ...before, status: 'approval' as const, pendingTask: null, version: 5 };
    const later = new Date(NOW.getTime() + 60_000);
    expect(restoredAfterUndelivered(before, decided, later)).toEqual({ ...before, version: 6, updatedAt: later.toISOString() });
  });
});

describe('what issuance asks of the outgoing register', () => {
  const approved = (username: string, round: number): HistoryEntry => ({ at: NOW.toISOString(), step: 'approval', actor: { sub: `user-${username}`, username }, round, decision: 'approve' });
  const returned: HistoryEntry = { at: NOW.toISOString(), step: 'approval', actor: { sub: 'user-phobithu', username: 'phobithu' }, round: 2, decision: 'return' };
  const cases: { name: string; history: HistoryEntry[]; signer: string }[] = [
    { name: 'the approver signs', history: [approved('bithu', 1)], signer: 'bithu' },
    { name: 'the last approval signs', history: [approved('phobithu', 1), approved('bithu', 2)], signer: 'bithu' },
    { name: 'a return is not an approval', history: [approved('bithu', 1), returned], signer: 'bithu' },
    { name: 'no approval recorded', history: [], signer: 'unknown' },
  ];
  it.each(cases)('$name', ({ history, signer }) => {
    const d = draft({ history: [...draft().history, ...history], secrecy: 'mat', urgency: 'khan', precheck: { findings: [], ok: true, at: NOW.toISOString(), round: 1, issuerBodyId: 'tu-btv' } });
    expect(outgoingRequest(d)).toEqual({ typeCode: 'NQ', issuerCode: 'TU', issuerId: 'tu-btv', subject: input.subject, signer, recipients: ['Như trên'], secrecy: 'mat', urgency: 'khan', draftId: '01DRAFT' });
  });
  it('names no issuer body before a precheck resolved one', () => {
    expect(outgoingRequest(draft()).issuerId).toBeNull();
  });

  const issued: { name: string; over: Partial<Draft>; result: { numberSymbol: string; outgoingEntryId: string } | undefined }[] = [
    { name: 'issued with its number and entry', over: { status: 'issued', numberSymbol: '3-NQ/TU', outgoingEntryId: '01OUT' }, result: { numberSymbol: '3-NQ/TU', outgoingEntryId: '01OUT' } },
    { name: 'approved, not yet issued', over: { status: 'approval' }, result: undefined },
    { name: 'issued without its entry (not possible, not trusted)', over: { status: 'issued', numberSymbol: '3-NQ/TU' }, result: undefined },
    { name: 'a number but not issued', over: { status: 'approval', numberSymbol: '3-NQ/TU', outgoingEntryId: '01OUT' }, result: undefined },
  ];
  it.each(issued)('already issued? $name', ({ over, result }) => {
    expect(issuedResult(draft(over))).toEqual(result);
  });
});
