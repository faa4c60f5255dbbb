import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';
import { draftsApi, pending, startRunner, tokenFor, type DraftsApi } from '../support/drafts-api';
import { nqDraft } from '../support/drafts';
import type { StartedRunner } from '../../local/workflow/start';

useEmbeddedEnv();
const { officeParts, useParts, useWorkflow } = await import('../support/parts');
const { WORKFLOW_CALLER } = await import('../../shared/drafts/domain/transitions');
const { TaskNotWaitingError } = await import('../../shared/drafts/ports/workflow');
const { LocalStepFunctions } = await import('../../local/workflow/runner');
const { invokeLocal, loadGeneratedWorkflow } = await import('../../local/workflow/start');
const { documentClient } = await import('../../shared/platform/aws/dynamodb-client');
const { tableName } = await import('../../shared/platform/aws/tables');

let api: DraftsApi;
let runner: StartedRunner;
const t: Record<string, string> = {};

beforeAll(async () => {
  runner = await startRunner();
  api = await draftsApi();
  for (const u of ['bantochuc', 'chuyenvien', 'bithu', 'chanhvp']) t[u] = await tokenFor(u);
});
afterEach(() => useParts({}));
afterAll(async () => {
  await runner?.stop();
});

async function inApproval(): Promise<string> {
  const { id } = await api.create(t.bantochuc!, nqDraft());
  await api.waitFor(id, t.chuyenvien!, pending('appraisal'));
  expect((await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
  await api.waitFor(id, t.bithu!, pending('approval'));
  return id;
}
const moveClockTo = (at: number) => useParts({ clock: { now: () => new Date(at) } });

describe('a waiting approval survives the runner going away', () => {
  it('after a restart the execution is replayed from its records and the approval completes it', async () => {
    const id = await inApproval();
    await runner.stop();
    runner = await startRunner();
    expect(runner.resumed).toBeGreaterThanOrEqual(1);
    const decided = await api.decide(id, t.bithu!, { step: 'approval', decision: 'approve' });
    expect(decided.body).toMatchObject({ status: 'approval' });
    expect(decided.status).toBe(200);
    const issued = await api.waitFor(id, t.bithu!, (d) => d.status === 'issued');
    expect(issued.numberSymbol).toMatch(/^\d+-NQ\/TU$/);
    expect(await runner.runner.whenFinished(`draft-${id}`)).toMatchObject({ status: 'SUCCEEDED' });
    // Replayed tasks returned their records: precheck ran once, the appraisal was decided once.
    expect(issued.history.map((h: any) => h.step)).toEqual(['submitted', 'precheck', 'appraisal', 'approval', 'issuance']);
  });

  it('a decision recorded while no run waits (between restart and replay) is picked up by the replay', async () => {
    const id = await inApproval();
    await runner.stop();
    // Answer the token straight into the store, as a decision arriving during the restart would.
    const token = (await officeParts().drafts.getToken(id, 'approval'))!;
    const offline = new LocalStepFunctions({ db: documentClient(), table: tableName('Data'), workflow: await loadGeneratedWorkflow(), invoke: invokeLocal, now: () => new Date() });
    await offline.sendTaskSuccess(token.token, { outcome: 'approve' });
    await offline.stop();
    runner = await startRunner();
    const d = await api.waitFor(id, t.bithu!, (x) => x.status === 'issued');
    expect(d.numberSymbol).toMatch(/^\d+-NQ\/TU$/);
  });
});

describe('issuance takes one number per draft', () => {
  it('a retried issuance gets back the number already taken for the draft', async () => {
    const id = await inApproval();
    // A first issuance attempt took the number and died before marking the draft issued.
    const first = await officeParts().registers.allocateOutgoing(
      { typeCode: 'NQ', issuerCode: 'TU', issuerId: 'tu-btv', subject: 'x', signer: 'bithu', recipients: [], secrecy: null, urgency: null, draftId: id },
      { actor: WORKFLOW_CALLER, idempotencyKey: `draft#${id}` },
    );
    expect(first.created).toBe(true);
    await api.decide(id, t.bithu!, { step: 'approval', decision: 'approve' });
    const issued = await api.waitFor(id, t.bithu!, (d) => d.status === 'issued');
    expect(issued.numberSymbol).toBe(first.entry.numberSymbol);
    expect(issued.outgoingEntryId).toBe(first.entry.id);
    // Running the task again changes nothing.
    const again = (await invokeLocal('functions/workflow-issuance.ts', { draftId: id })) as { numberSymbol: string };
    expect(again.numberSymbol).toBe(first.entry.numberSymbol);
    const year = Number(new Date().toISOString().slice(0, 4));
    const entries = await officeParts().registers.allEntries('outgoing', year, WORKFLOW_CALLER);
    expect(entries.filter((e) => e.draftId === id)).toHaveLength(1);
  });
});

describe('deadlines: escalation, one extension, expiry', () => {
  it('an overdue step is escalated to the office head and extended once; overdue again, the draft expires', async () => {
    const { id } = await api.create(t.bantochuc!, nqDraft());
    const d = await api.waitFor(id, t.chuyenvien!, pending('appraisal'));
    const firstDue = Date.parse(d.pendingTask.dueAt);
    const oldToken = (await officeParts().drafts.getToken(id, 'appraisal'))!.token;

    moveClockTo(firstDue + 60_000);
    const escalated = await api.waitFor(id, t.chanhvp!, (x) => x.pendingTask?.escalated === true && x.pendingTask.since > d.pendingTask.since);
    expect(escalated).toMatchObject({ status: 'appraisal', pendingTask: { step: 'appraisal', escalatedTo: 'lanh-dao-vp', round: 1 } });
    const secondDue = Date.parse(escalated.pendingTask.dueAt);
    expect(secondDue).toBeGreaterThan(firstDue + 60_000);
    expect(escalated.history.at(-1)).toMatchObject({ step: 'escalation', escalatedTo: 'lanh-dao-vp', dueAt: escalated.pendingTask.dueAt });
    const follow = await api.call('GET', '/v1/tasks', t.chanhvp!);
    expect(follow.body.items.find((i: any) => i.draftId === id)).toMatchObject({ kind: 'follow-up', escalated: true, step: 'appraisal' });
    // The timed-out task's token answers nothing any more.
    await expect(runner.runner.sendTaskSuccess(oldToken, { outcome: 'approve' })).rejects.toBeInstanceOf(TaskNotWaitingError);

    moveClockTo(secondDue + 60_000);
    const expired = await api.waitFor(id, t.chanhvp!, (x) => x.status === 'expired');
    expect(expired.pendingTask).toBeNull();
    expect(expired.history.map((h: any) => h.step).slice(-2)).toEqual(['escalation', 'expired']);
    expect(await runner.runner.whenFinished(`draft-${id}`)).toMatchObject({ status: 'FAILED', error: 'Draft.Expired' });
    expect((await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' })).status).toBe(409);
  });

  it('a decision within the extension goes on as usual', async () => {
    const { id } = await api.create(t.bantochuc!, nqDraft());
    const d = await api.waitFor(id, t.chuyenvien!, pending('appraisal'));
    moveClockTo(Date.parse(d.pendingTask.dueAt) + 1000);
    await api.waitFor(id, t.chuyenvien!, (x) => x.pendingTask?.escalated === true);
    expect((await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
    const next = await api.waitFor(id, t.bithu!, pending('approval'));
    expect(next.pendingTask.escalated).toBe(false);
  });
});

describe('Retry in the definition matches the original error names', () => {
  it('a ThrottlingException from a task is retried; a domain error is not', async () => {
    await runner.stop();
    const calls: string[] = [];
    let throttleOnce = true;
    const flaky = new LocalStepFunctions({
      db: documentClient(),
      table: tableName('Data'),
      workflow: await loadGeneratedWorkflow(),
      now: () => new Date(),
      tickMs: 25,
      invoke: async (entry, event) => {
        calls.push(entry);
        if (entry.endsWith('workflow-precheck.ts') && throttleOnce) {
          throttleOnce = false;
          const e = new Error('Rate exceeded');
          e.name = 'ThrottlingException';
          throw e;
        }
        if (entry.endsWith('workflow-precheck.ts') && (event as { draftId: string }).draftId === 'no-such-draft') {
          const { NotFoundError } = await import('../../shared/platform/errors');
          throw new NotFoundError('Draft no-such-draft not found');
        }
        return invokeLocal(entry, event);
      },
    });
    useWorkflow(flaky);
    try {
      const { id } = await api.create(t.bantochuc!, nqDraft());
      await api.waitFor(id, t.chuyenvien!, pending('appraisal'), 20_000);
      expect(calls.filter((c) => c.endsWith('workflow-precheck.ts'))).toHaveLength(2);

      calls.length = 0;
      await flaky.start('draft-no-such-draft', { draftId: 'no-such-draft' });
      expect(await flaky.whenFinished('draft-no-such-draft')).toMatchObject({ status: 'FAILED', error: 'NotFoundError' });
      expect(calls).toEqual(['functions/workflow-precheck.ts']);
    } finally {
      await flaky.stop();
      runner = await startRunner();
    }
  });
});
