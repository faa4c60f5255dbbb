import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';
import { draftsApi, pending, startRunner, tokenFor, type DraftsApi } from '../support/drafts-api';
import { ctByFullCommittee, NQ_BODY, nqDraft, nqWithoutRecipientsBlock } from '../support/drafts';
import type { StartedRunner } from '../../local/workflow/start';

useEmbeddedEnv();
const { officeParts } = await import('../support/parts');
const { WORKFLOW_CALLER } = await import('../../shared/drafts/domain/transitions');

let api: DraftsApi;
let runner: StartedRunner;
const t: Record<string, string> = {};
const steps = (d: any) => d.history.map((h: any) => [h.step, h.decision ?? null, h.actor.username, h.round]);

beforeAll(async () => {
  runner = await startRunner();
  api = await draftsApi();
  for (const u of ['bantochuc', 'chuyenvien', 'chuyenvien2', 'bithu', 'chanhvp', 'vanthu']) t[u] = await tokenFor(u);
});
afterAll(async () => {
  await runner?.stop();
});

describe('drafts on the synthesized state machine', () => {
  it('happy path: submitted → precheck → appraisal → approval → issued with N-NQ/TU and an outgoing entry', async () => {
    const created = await api.create(t.bantochuc!, nqDraft());
    expect(created).toMatchObject({ status: 'precheck', round: 1, dept: 'BTCTU', pendingTask: null });
    const inAppraisal = await api.waitFor(created.id, t.bantochuc!, pending('appraisal'));
    expect(inAppraisal.status).toBe('appraisal');
    expect(inAppraisal.precheck.ok).toBe(true);
    expect(inAppraisal.pendingTask).toMatchObject({ step: 'appraisal', role: 'chuyen-vien', escalated: false, round: 1 });
    expect(Date.parse(inAppraisal.pendingTask.dueAt)).toBeGreaterThan(Date.now());

    expect((await api.decide(created.id, t.chuyenvien!, { step: 'appraisal', decision: 'approve', comment: 'Đúng thể thức' })).status).toBe(200);
    await api.waitFor(created.id, t.bithu!, pending('approval'));
    expect((await api.decide(created.id, t.bithu!, { step: 'approval', decision: 'approve' })).status).toBe(200);
    const issued = await api.waitFor(created.id, t.bithu!, (d) => d.status === 'issued');
    expect(issued.numberSymbol).toMatch(/^\d+-NQ\/TU$/);
    expect(issued.pendingTask).toBeNull();
    expect(steps(issued)).toEqual([
      ['submitted', null, 'bantochuc', 1],
      ['precheck', null, 'workflow', 1],
      ['appraisal', 'approve', 'chuyenvien', 1],
      ['approval', 'approve', 'bithu', 1],
      ['issuance', null, 'workflow', 1],
    ]);
    expect(issued.history[2].comment).toBe('Đúng thể thức');
    const entry = await officeParts().registers.getOutgoing(issued.outgoingEntryId, WORKFLOW_CALLER);
    expect(entry).toMatchObject({ numberSymbol: issued.numberSymbol, draftId: created.id, typeCode: 'NQ', issuerCode: 'TU', signer: 'bithu' });
    expect(await runner.runner.whenFinished(`draft-${created.id}`)).toMatchObject({ status: 'SUCCEEDED', output: expect.objectContaining({ issued: { numberSymbol: issued.numberSymbol, outgoingEntryId: issued.outgoingEntryId } }) });
    // The task token never reaches a client.
    expect(JSON.stringify(issued)).not.toMatch(/lsf1\.|token/i);
  });

  it('return-for-revision loop: appraisal returns, the department resubmits, approval returns, resubmits, then issued', async () => {
    const { id } = await api.create(t.bantochuc!, nqDraft());
    await api.waitFor(id, t.chuyenvien!, pending('appraisal'));
    expect((await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'return', comment: 'Bổ sung căn cứ' })).status).toBe(200);
    const inRevision = await api.waitFor(id, t.bantochuc!, pending('revision'));
    expect(inRevision).toMatchObject({ status: 'revision', pendingTask: { step: 'revision', role: 'ban-tham-muu', dept: 'BTCTU', round: 1 } });

    const revised = NQ_BODY.replace('Căn cứ Điều lệ Đảng;', 'Căn cứ Điều lệ Đảng;\nCăn cứ Quy chế làm việc của Tỉnh ủy;');
    const resubmit = await api.decide(id, t.bantochuc!, { step: 'revision', decision: 'approve', comment: 'Đã bổ sung', body: revised });
    expect(resubmit.status).toBe(200);
    expect(resubmit.body).toMatchObject({ status: 'precheck', round: 2 });
    const round2 = await api.waitFor(id, t.chuyenvien2!, pending('appraisal'));
    expect(round2.body).toBe(revised);
    expect(round2.pendingTask.round).toBe(2);
    expect((await api.decide(id, t.chuyenvien2!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
    await api.waitFor(id, t.bithu!, pending('approval'));
    expect((await api.decide(id, t.bithu!, { step: 'approval', decision: 'return', comment: 'Sửa mục 1' })).status).toBe(200);
    await api.waitFor(id, t.bantochuc!, pending('revision'));
    expect((await api.decide(id, t.bantochuc!, { step: 'revision', decision: 'approve' })).status).toBe(200);
    await api.waitFor(id, t.chuyenvien!, pending('appraisal'));
    expect((await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
    await api.waitFor(id, t.bithu!, pending('approval'));
    expect((await api.decide(id, t.bithu!, { step: 'approval', decision: 'approve' })).status).toBe(200);
    const issued = await api.waitFor(id, t.bithu!, (d) => d.status === 'issued');
    expect(issued.round).toBe(3);
    expect(steps(issued).filter(([s]: string[]) => s !== 'precheck')).toEqual([
      ['submitted', null, 'bantochuc', 1],
      ['appraisal', 'return', 'chuyenvien', 1],
      ['revision', 'approve', 'bantochuc', 1],
      ['appraisal', 'approve', 'chuyenvien2', 2],
      ['approval', 'return', 'bithu', 2],
      ['revision', 'approve', 'bantochuc', 2],
      ['appraisal', 'approve', 'chuyenvien', 3],
      ['approval', 'approve', 'bithu', 3],
      ['issuance', null, 'workflow', 3],
    ]);
    expect(issued.history.find((h: any) => h.step === 'revision').bodyChanged).toBe(true);
  });

  it('reject at approval ends the draft as rejected, with no number', async () => {
    const { id } = await api.create(t.bantochuc!, nqDraft());
    await api.waitFor(id, t.chuyenvien!, pending('appraisal'));
    await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' });
    await api.waitFor(id, t.bithu!, pending('approval'));
    const r = await api.decide(id, t.bithu!, { step: 'approval', decision: 'reject', comment: 'Chưa cần thiết ban hành' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'rejected', pendingTask: null });
    const exec = await runner.runner.whenFinished(`draft-${id}`);
    expect(exec).toMatchObject({ status: 'SUCCEEDED', output: expect.objectContaining({ error: { Error: 'Draft.Rejected', Cause: 'Chưa cần thiết ban hành' } }) });
    const d = await api.get(id, t.bithu!);
    expect(d.status).toBe('rejected');
    expect(d.numberSymbol).toBeUndefined();
  });

  it('the drafting department may withdraw a draft at revision', async () => {
    const { id } = await api.create(t.bantochuc!, nqWithoutRecipientsBlock());
    await api.waitFor(id, t.bantochuc!, pending('revision'));
    const r = await api.decide(id, t.bantochuc!, { step: 'revision', decision: 'reject', comment: 'Rút dự thảo' });
    expect(r.status).toBe(200);
    expect((await runner.runner.whenFinished(`draft-${id}`)).status).toBe('SUCCEEDED');
    expect((await api.get(id, t.bantochuc!)).status).toBe('rejected');
  });
});

describe('precheck in the workflow', () => {
  it('a Chỉ thị issued by the full committee goes to revision with the AUTHORITY finding; fixed, it goes on to appraisal', async () => {
    const { id } = await api.create(t.bantochuc!, ctByFullCommittee());
    const d = await api.waitFor(id, t.bantochuc!, pending('revision'));
    expect(d.precheck.ok).toBe(false);
    expect(d.precheck.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'AUTHORITY', severity: 'error' })]));
    expect(d.history.find((h: any) => h.step === 'precheck').findings.error).toBeGreaterThan(0);
    const fixed = ctByFullCommittee().body.replace('T/M TỈNH ỦY', 'T/M BAN THƯỜNG VỤ');
    expect((await api.decide(id, t.bantochuc!, { step: 'revision', decision: 'approve', body: fixed })).status).toBe(200);
    const again = await api.waitFor(id, t.chuyenvien!, pending('appraisal'));
    expect(again.precheck).toMatchObject({ ok: true, round: 2 });
  });

  it('a body without "Nơi nhận" goes to revision with RECIPIENTS_BLOCK_MISSING', async () => {
    const { id } = await api.create(t.bantochuc!, nqWithoutRecipientsBlock());
    const d = await api.waitFor(id, t.bantochuc!, pending('revision'));
    expect(d.precheck.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'RECIPIENTS_BLOCK_MISSING', severity: 'error' })]));
  });
});

describe('GET /v1/tasks', () => {
  it("lists the caller's pending steps with due times, and never the token", async () => {
    const { id } = await api.create(t.bantochuc!, nqDraft({ subject: 'về công tác cán bộ (task list)' }));
    const d = await api.waitFor(id, t.chuyenvien!, pending('appraisal'));
    const mine = await api.call('GET', '/v1/tasks', t.chuyenvien!);
    expect(mine.status).toBe(200);
    const item = mine.body.items.find((i: any) => i.draftId === id);
    expect(item).toMatchObject({ step: 'appraisal', role: 'chuyen-vien', dueAt: d.pendingTask.dueAt, overdue: false, kind: 'act', subject: 'về công tác cán bộ (task list)' });
    expect(JSON.stringify(mine.body)).not.toMatch(/lsf1\.|token/i);
    // Not the approver's, nor the drafter's.
    expect((await api.call('GET', '/v1/tasks', t.bithu!)).body.items.map((i: any) => i.draftId)).not.toContain(id);
    expect((await api.call('GET', '/v1/tasks', t.bantochuc!)).body.items.map((i: any) => i.draftId)).not.toContain(id);
    // Sorted by due time.
    const dues = mine.body.items.map((i: any) => i.dueAt);
    expect(dues).toEqual([...dues].sort());
  });
});
