import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';
import { craftedToken, draftsApi, pending, startRunner, tokenFor, type DraftsApi } from '../support/drafts-api';
import { nqDraft } from '../support/drafts';
import type { StartedRunner } from '../../local/workflow/start';

useEmbeddedEnv();

let api: DraftsApi;
let runner: StartedRunner;
const t: Record<string, string> = {};

beforeAll(async () => {
  runner = await startRunner();
  api = await draftsApi();
  for (const u of ['bantochuc', 'chuyenvien', 'chuyenvien2', 'bithu', 'chanhvp', 'vanthu', 'admin']) t[u] = await tokenFor(u);
  // People the demo directory does not have: a drafter who is also a specialist, a specialist who also approves…
  t.drafterSpecialist = await craftedToken('tcv', ['ban-tham-muu', 'chuyen-vien'], { 'custom:dept': 'BTCTU' });
  t.drafterApprover = await craftedToken('tpb', ['ban-tham-muu', 'thuong-truc'], { 'custom:dept': 'BTCTU' });
  t.specialistApprover = await craftedToken('cvtt', ['chuyen-vien', 'thuong-truc']);
  t.otherDept = await craftedToken('tuyengiao', ['ban-tham-muu'], { 'custom:dept': 'BTGDVTU' });
  t.noDept = await craftedToken('nodept', ['ban-tham-muu']);
  t.secretDrafter = await craftedToken('mat', ['ban-tham-muu'], { 'custom:dept': 'BTCTU', 'custom:clearance': 'mat' });
});
afterAll(async () => {
  await runner?.stop();
});

async function inAppraisal(token = t.bantochuc!, draft = nqDraft()) {
  const { id } = await api.create(token, draft);
  await api.waitFor(id, t.chuyenvien!, pending('appraisal'));
  return id as string;
}
async function inApproval(appraiser = t.chuyenvien!, token = t.bantochuc!) {
  const id = await inAppraisal(token);
  expect((await api.decide(id, appraiser, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
  await api.waitFor(id, t.bithu!, pending('approval'));
  return id;
}

describe('roles (403)', () => {
  it('only a drafting department submits, and only with its department', async () => {
    for (const who of ['chuyenvien', 'vanthu', 'bithu', 'admin']) {
      const r = await api.call('POST', '/v1/drafts', t[who]!, nqDraft());
      expect(r.status, who).toBe(403);
    }
    const r = await api.call('POST', '/v1/drafts', t.noDept!, nqDraft());
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('NO_DEPARTMENT');
  });

  it('each step is decided by its role only', async () => {
    const id = await inAppraisal();
    for (const who of ['bantochuc', 'bithu', 'chanhvp', 'vanthu']) {
      const r = await api.decide(id, t[who]!, { step: 'appraisal', decision: 'approve' });
      expect(r.status, who).toBe(403);
      expect(r.body.error.code, who).toBe('WRONG_ROLE');
    }
    expect((await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
    await api.waitFor(id, t.bithu!, pending('approval'));
    for (const who of ['chuyenvien', 'chanhvp', 'bantochuc']) {
      expect((await api.decide(id, t[who]!, { step: 'approval', decision: 'approve' })).status, who).toBe(403);
    }
    expect((await api.decide(id, t.bithu!, { step: 'approval', decision: 'return', comment: 'Sửa' })).status).toBe(200);
    await api.waitFor(id, t.bantochuc!, pending('revision'));
    expect((await api.decide(id, t.chuyenvien!, { step: 'revision', decision: 'approve' })).body.error.code).toBe('WRONG_ROLE');
    // Another department cannot even see the draft.
    expect((await api.decide(id, t.otherDept!, { step: 'revision', decision: 'approve' })).status).toBe(404);
    expect((await api.call('GET', `/v1/drafts/${id}`, t.otherDept!)).status).toBe(404);
  });
});

describe('four eyes (403)', () => {
  it('the drafter may not appraise their own draft', async () => {
    const id = await inAppraisal(t.drafterSpecialist!);
    const r = await api.decide(id, t.drafterSpecialist!, { step: 'appraisal', decision: 'approve' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FOUR_EYES');
    // Their task list does not offer it either.
    expect((await api.call('GET', '/v1/tasks', t.drafterSpecialist!)).body.items.map((i: any) => i.draftId)).not.toContain(id);
    expect((await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
  });

  it('the appraiser may not approve what they appraised', async () => {
    const id = await inApproval(t.specialistApprover!);
    const r = await api.decide(id, t.specialistApprover!, { step: 'approval', decision: 'approve' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FOUR_EYES');
    expect((await api.decide(id, t.bithu!, { step: 'approval', decision: 'approve' })).status).toBe(200);
    await api.waitFor(id, t.bithu!, (d) => d.status === 'issued');
  });

  it('the drafter may not approve their own draft', async () => {
    const id = await inApproval(t.chuyenvien!, t.drafterApprover!);
    const r = await api.decide(id, t.drafterApprover!, { step: 'approval', decision: 'approve' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FOUR_EYES');
  });
});

describe('four eyes bind the reviser (403)', () => {
  it('whoever resubmitted a revision neither appraises nor approves the draft, and is not offered it', async () => {
    // Members of the drafting department who also hold an office role, and did not draft it.
    const reviserSpecialist = await craftedToken('btc-cv', ['ban-tham-muu', 'chuyen-vien'], { 'custom:dept': 'BTCTU' });
    const reviserApprover = await craftedToken('btc-tt', ['ban-tham-muu', 'thuong-truc'], { 'custom:dept': 'BTCTU' });
    const id = await inAppraisal();
    expect((await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'return', comment: 'Bổ sung căn cứ' })).status).toBe(200);
    await api.waitFor(id, t.bantochuc!, pending('revision'));
    expect((await api.decide(id, reviserSpecialist, { step: 'revision', decision: 'approve', comment: 'Đã bổ sung' })).status).toBe(200);
    await api.waitFor(id, t.chuyenvien!, pending('appraisal'));
    const appraise = await api.decide(id, reviserSpecialist, { step: 'appraisal', decision: 'approve' });
    expect(appraise.status).toBe(403);
    expect(appraise.body.error.code).toBe('FOUR_EYES');
    expect((await api.call('GET', '/v1/tasks', reviserSpecialist)).body.items.map((i: any) => i.draftId)).not.toContain(id);
    // A second round: the approver's side of the department revises, then may not approve.
    expect((await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
    await api.waitFor(id, t.bithu!, pending('approval'));
    expect((await api.decide(id, t.bithu!, { step: 'approval', decision: 'return', comment: 'Sửa trích yếu' })).status).toBe(200);
    await api.waitFor(id, t.bantochuc!, pending('revision'));
    expect((await api.decide(id, reviserApprover, { step: 'revision', decision: 'approve' })).status).toBe(200);
    await api.waitFor(id, t.chuyenvien!, pending('appraisal'));
    expect((await api.decide(id, t.chuyenvien2!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
    await api.waitFor(id, t.bithu!, pending('approval'));
    const approve = await api.decide(id, reviserApprover, { step: 'approval', decision: 'approve' });
    expect(approve.status).toBe(403);
    expect(approve.body.error.code).toBe('FOUR_EYES');
    expect((await api.decide(id, t.bithu!, { step: 'approval', decision: 'approve' })).status).toBe(200);
  });
});

describe('state (409)', () => {
  it('a duplicate decision gets 409 and changes nothing', async () => {
    const id = await inAppraisal();
    expect((await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
    const again = await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STEP_NOT_PENDING');
    const d = await api.waitFor(id, t.bithu!, pending('approval'));
    expect(d.history.filter((h: any) => h.step === 'appraisal')).toHaveLength(1);
  });

  it('two appraisers deciding at once: exactly one wins', async () => {
    const id = await inAppraisal();
    const [a, b] = await Promise.all([
      api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' }),
      api.decide(id, t.chuyenvien2!, { step: 'appraisal', decision: 'return', comment: 'Sửa' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'approval' : 'revision';
    const d = await api.waitFor(id, t.bithu!, pending(winner));
    expect(d.history.filter((h: any) => h.step === 'appraisal')).toHaveLength(1);
  });

  it('a step that is not pending gets 409 (approval while in appraisal; anything once issued)', async () => {
    const id = await inAppraisal();
    expect((await api.decide(id, t.bithu!, { step: 'approval', decision: 'approve' })).status).toBe(409);
    expect((await api.decide(id, t.bantochuc!, { step: 'revision', decision: 'approve' })).status).toBe(409);
    await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' });
    await api.waitFor(id, t.bithu!, pending('approval'));
    await api.decide(id, t.bithu!, { step: 'approval', decision: 'approve' });
    await api.waitFor(id, t.bithu!, (d) => d.status === 'issued');
    const late = await api.decide(id, t.bithu!, { step: 'approval', decision: 'reject', comment: 'muộn' });
    expect(late.status).toBe(409);
    expect((await api.get(id, t.bithu!)).status).toBe('issued');
  });
});

describe('input (400) and visibility (404)', () => {
  it('rejects decisions that do not fit the step', async () => {
    const id = await inAppraisal();
    const bad = [
      { step: 'appraisal', decision: 'return' },
      { step: 'appraisal', decision: 'reject', comment: '   ' },
      { step: 'appraisal', decision: 'maybe' },
      { step: 'signing', decision: 'approve' },
    ];
    for (const b of bad) expect((await api.decide(id, t.chuyenvien!, b)).status, JSON.stringify(b)).toBe(400);
    await api.decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'return', comment: 'Sửa' });
    await api.waitFor(id, t.bantochuc!, pending('revision'));
    const ret = await api.decide(id, t.bantochuc!, { step: 'revision', decision: 'return', comment: 'x' });
    expect(ret.status).toBe(400);
    expect((await api.get(id, t.bantochuc!)).pendingTask.step).toBe('revision');
  });

  it('rejects a submission without the required fields', async () => {
    const r = await api.call('POST', '/v1/drafts', t.bantochuc!, { typeCode: 'NQ', subject: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: any) => d.path)).toEqual(expect.arrayContaining(['body.issuerCode', 'body.body']));
  });

  it('hides unknown drafts and drafts above the caller’s clearance (404)', async () => {
    expect((await api.call('GET', '/v1/drafts/01NOSUCHDRAFT000000000000', t.chuyenvien!)).status).toBe(404);
    const { id } = await api.create(t.secretDrafter!, nqDraft({ secrecy: 'mat' }));
    expect((await api.call('GET', `/v1/drafts/${id}`, t.chuyenvien2!)).status).toBe(404);
    expect((await api.call('GET', `/v1/drafts/${id}`, t.chuyenvien!)).status).toBe(200);
    expect((await api.call('POST', '/v1/drafts', t.bantochuc!, nqDraft({ secrecy: 'mat' }))).status).toBe(403);
  });
});

describe('Idempotency-Key on submission', () => {
  it('the same key and body returns the first draft and starts one workflow', async () => {
    const headers = { 'Idempotency-Key': `draft-${Date.now()}` };
    const a = await api.call('POST', '/v1/drafts', t.bantochuc!, nqDraft(), headers);
    const b = await api.call('POST', '/v1/drafts', t.bantochuc!, nqDraft(), headers);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    const d = await api.waitFor(a.body.id, t.chuyenvien!, pending('appraisal'));
    expect(d.history.filter((h: any) => h.step === 'precheck')).toHaveLength(1);
  });
});
