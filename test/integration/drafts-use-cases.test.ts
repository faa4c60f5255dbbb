/**
 * The drafts use cases called directly (shared/drafts/app), on the real draft store (DynamoDB
 * Local) with a scripted workflow: the failure paths the HTTP tests cannot provoke through the
 * embedded state machine — the workflow not starting, a decision's delivery failing, a decision
 * reaching a step that had meanwhile timed out, and the workflow moving the draft's version under
 * a decision.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';
import { nqDraft } from '../support/drafts';
import type { Caller } from '../../shared/platform/security';

useEmbeddedEnv();
const { officeParts } = await import('../support/parts');
const { DraftService, DynamoDraftStore, RunPrecheck, StartHumanTask, TaskNotWaitingError } = await import('../../shared/drafts/index');
const { documentClient } = await import('../../shared/platform/aws/dynamodb-client');
const { tableName } = await import('../../shared/platform/aws/tables');
type Workflow = import('../../shared/drafts/index').Workflow;
type DraftStore = import('../../shared/drafts/index').DraftStore;
type DraftInput = import('../../shared/drafts/index').DraftInput;

/** A workflow that records what it is told and fails the next calls as scripted. */
class ScriptedWorkflow implements Workflow {
  started: string[] = [];
  answered: { token: string; output?: unknown; error?: string }[] = [];
  failStart: Error | undefined;
  failAnswers: Error[] = [];
  async start(name: string) {
    this.started.push(name);
    if (this.failStart) throw this.failStart;
    return { executionArn: `arn:local:execution:${name}`, started: true };
  }
  async sendTaskSuccess(token: string, output: unknown) {
    const e = this.failAnswers.shift();
    if (e) throw e;
    this.answered.push({ token, output });
  }
  async sendTaskFailure(token: string, error: string) {
    const e = this.failAnswers.shift();
    if (e) throw e;
    this.answered.push({ token, error });
  }
}

const drafter: Caller = { sub: 'uc-drafter', username: 'uc-drafter', roles: ['ban-tham-muu'], clearance: 'none', dept: 'BTCTU' };
const appraiser: Caller = { sub: 'uc-appraiser', username: 'uc-appraiser', roles: ['chuyen-vien'], clearance: 'none' };
const otherAppraiser: Caller = { sub: 'uc-appraiser-2', username: 'uc-appraiser-2', roles: ['chuyen-vien'], clearance: 'none' };

let store: DraftStore;
const clock = { now: () => new Date() };
const config = () => officeParts().domainConfig;

beforeAll(() => {
  store = new DynamoDraftStore(documentClient(), tableName('Data'), officeParts().audit);
});

const actions = async (id: string) => (await officeParts().audit.list({ entityId: id, limit: 50 })).items.map((e) => e.action);
const thrown = async (p: Promise<unknown>) => p.then(() => expect.unreachable('expected an error'), (e: Error & { code?: string; status?: number }) => e);

/** A submitted draft taken through the precheck to its appraisal, with the appraisal's token stored, as the workflow's tasks do. */
async function inAppraisal(app: InstanceType<typeof DraftService>, drafts: DraftStore = store): Promise<{ id: string; token: string }> {
  const { id } = await app.submit(drafter, nqDraft() as DraftInput, 'req-submit');
  const route = await new RunPrecheck({ drafts, clock, config }).run({ draftId: id });
  expect(route.outcome).toBe('ok');
  const token = `token-${id}-appraisal`;
  expect(await new StartHumanTask({ drafts, clock, config }).run({ token, draftId: id, timing: route.timing! })).toEqual({ stored: true });
  return { id, token };
}

describe('submission', () => {
  it('when the workflow cannot start, the draft is removed again and the audit log shows it created and discarded', async () => {
    const workflow = new ScriptedWorkflow();
    workflow.failStart = Object.assign(new Error('Step Functions unavailable'), { name: 'ServiceUnavailable' });
    const app = new DraftService({ drafts: store, workflow, clock, config });
    const err = await thrown(app.submit(drafter, nqDraft() as DraftInput, 'req-1'));
    expect(err.name).toBe('ServiceUnavailable');
    const id = workflow.started[0]!.replace(/^draft-/, '');
    expect(await store.get(id)).toBeUndefined();
    expect(await actions(id)).toEqual(['draft.create', 'draft.discard']);
  });
});

describe('a decision whose delivery failed', () => {
  it('stays recorded; only the same person repeating the same decision sends it again, once', async () => {
    const workflow = new ScriptedWorkflow();
    const app = new DraftService({ drafts: store, workflow, clock, config });
    const { id, token } = await inAppraisal(app);
    workflow.failAnswers = [Object.assign(new Error('socket hang up'), { name: 'TimeoutError' })];

    const err = await thrown(app.decide(appraiser, id, { step: 'appraisal', decision: 'approve' }, 'req-2'));
    expect(err.name).toBe('TimeoutError');
    expect(await store.getToken(id, 'appraisal')).toMatchObject({ status: 'decided', delivered: false, decidedBy: appraiser.sub, decision: 'approve' });
    expect((await store.get(id))!.status).toBe('approval');
    expect(workflow.answered).toEqual([]);

    // Someone else, or another decision: the step is no longer pending for them.
    expect(await thrown(app.decide(otherAppraiser, id, { step: 'appraisal', decision: 'approve' }))).toMatchObject({ status: 409, code: 'STEP_NOT_PENDING' });
    expect(await thrown(app.decide(appraiser, id, { step: 'appraisal', decision: 'return', comment: 'Sửa lại' }))).toMatchObject({ status: 409, code: 'STEP_NOT_PENDING' });
    expect(workflow.answered).toEqual([]);

    const again = await app.decide(appraiser, id, { step: 'appraisal', decision: 'approve' }, 'req-3');
    expect(again).toMatchObject({ id, status: 'approval' });
    expect(again).not.toHaveProperty('executionName');
    expect(workflow.answered).toEqual([{ token, output: expect.objectContaining({ outcome: 'approve' }) }]);
    expect(await store.getToken(id, 'appraisal')).toMatchObject({ delivered: true });

    // Delivered: a third time is a duplicate.
    expect(await thrown(app.decide(appraiser, id, { step: 'appraisal', decision: 'approve' }))).toMatchObject({ status: 409 });
    expect(workflow.answered).toHaveLength(1);
    expect(await actions(id)).toEqual(['draft.create', 'draft.appraisal.approve']);
  });
});

describe('a decision reaching a step that had timed out', () => {
  it('is undone: the draft waits as before (at a new version), the token is closed, the audit log says undelivered', async () => {
    const workflow = new ScriptedWorkflow();
    const app = new DraftService({ drafts: store, workflow, clock, config });
    const { id } = await inAppraisal(app);
    const before = (await store.get(id))!;
    workflow.failAnswers = [new TaskNotWaitingError('The task is no longer waiting (TaskTimedOut)')];

    expect(await thrown(app.decide(appraiser, id, { step: 'appraisal', decision: 'approve' }))).toMatchObject({ status: 409, code: 'STEP_NOT_PENDING' });
    const after = (await store.get(id))!;
    expect(after).toMatchObject({ status: 'appraisal', pendingTask: before.pendingTask, history: before.history, version: before.version + 2 });
    expect(await store.getToken(id, 'appraisal')).toMatchObject({ status: 'closed' });
    expect(await actions(id)).toEqual(['draft.create', 'draft.appraisal.approve', 'draft.appraisal.undelivered']);
    // The closed token answers nothing any more.
    expect(await thrown(app.decide(appraiser, id, { step: 'appraisal', decision: 'approve' }))).toMatchObject({ status: 409, code: 'STEP_NOT_PENDING' });
  });
});

describe('the workflow moving the draft under a decision', () => {
  /** The store, with the draft's version moved (as a workflow write would) right after the decision reads its token, `times` times. */
  function racing(times: number): DraftStore {
    let left = times;
    return Object.assign(Object.create(store) as DraftStore, {
      async getToken(draftId: string, step: 'appraisal' | 'revision' | 'approval') {
        const t = await store.getToken(draftId, step);
        if (left-- > 0) await store.mutate(draftId, (d) => ({ after: { ...d, version: d.version + 1, updatedAt: new Date().toISOString() }, value: undefined }));
        return t;
      },
    });
  }

  it('is retried from a fresh read (twice at most), and decides on the draft as it now stands', async () => {
    const workflow = new ScriptedWorkflow();
    const app = new DraftService({ drafts: store, workflow, clock, config });
    const { id } = await inAppraisal(app);
    const v = (await store.get(id))!.version;
    const decided = await new DraftService({ drafts: racing(2), workflow, clock, config }).decide(appraiser, id, { step: 'appraisal', decision: 'approve' });
    expect(decided).toMatchObject({ status: 'approval', version: v + 3 });
    expect(workflow.answered).toHaveLength(1);
  });

  it('gives up with 409 STALE_VERSION after the third attempt, having decided nothing', async () => {
    const workflow = new ScriptedWorkflow();
    const app = new DraftService({ drafts: store, workflow, clock, config });
    const { id } = await inAppraisal(app);
    expect(await thrown(new DraftService({ drafts: racing(3), workflow, clock, config }).decide(appraiser, id, { step: 'appraisal', decision: 'approve' }))).toMatchObject({ status: 409, code: 'STALE_VERSION' });
    expect(await store.getToken(id, 'appraisal')).toMatchObject({ status: 'pending' });
    expect(workflow.answered).toEqual([]);
    expect(await actions(id)).toEqual(['draft.create']);
  });
});
