/**
 * Issue 5 end to end, over HTTP against `npm start`: drafts through precheck, appraisal and
 * approval to issuance on the embedded Step Functions runner; revision loops, rejection, roles,
 * four eyes, duplicate decisions, precheck findings, and `kill -9` while an approval is pending.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKeys } from '../../local/keys';
import { personAccessToken } from '../../local/issuer';
import { removeDir, startOffice, type Office } from '../support/e2e';
import { ctByFullCommittee, nqDraft, nqWithoutRecipientsBlock } from '../support/drafts';

let office: Office;
const t: Record<string, string> = {};

async function api(method: string, path: string, token: string, body?: unknown) {
  const r = await fetch(`${office.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, body: (await r.json()) as any };
}
const create = async (token: string, draft: unknown) => {
  const r = await api('POST', '/v1/drafts', token, draft);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
};
const decide = (id: string, token: string, d: Record<string, unknown>) => api('POST', `/v1/drafts/${id}/decisions`, token, d);
async function waitFor(id: string, until: (d: any) => boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const r = await api('GET', `/v1/drafts/${id}`, t.chanhvp!);
    if (r.status === 200 && until(r.body)) return r.body;
    if (Date.now() > deadline) throw new Error(`draft ${id}: ${JSON.stringify({ status: r.body.status, pendingTask: r.body.pendingTask })}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}
const pending = (step: string) => (d: any) => d.pendingTask?.step === step;

async function tokens() {
  for (const u of ['bantochuc', 'chuyenvien', 'chuyenvien2', 'bithu', 'chanhvp', 'vanthu']) t[u] = office.token(u);
  // People the demo directory does not have, signed with the office's own key.
  const keys = await ensureKeys(office.dataDir);
  const person = (username: string, groups: string[], dept?: string) =>
    personAccessToken(keys, { username, sub: `user-${username}`, roles: groups, clearance: 'none', ...(dept ? { dept } : {}) });
  t.drafterSpecialist = await person('tcv', ['ban-tham-muu', 'chuyen-vien'], 'BTCTU');
  t.specialistApprover = await person('cvtt', ['chuyen-vien', 'thuong-truc']);
}

/** `kill -9` leaves DynamoDB Local's Java child running; end it by its pid, as a crash of the machine would. */
function endOrphanedDynamo(dataDir: string): void {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  for (const line of ps.split('\n')) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (m && m[2]!.includes('DynamoDBLocal') && m[2]!.includes(`${dataDir}/dynamodb`)) process.kill(Number(m[1]), 'SIGKILL');
  }
}

beforeAll(async () => {
  office = await startOffice();
  await tokens();
});
afterAll(async () => {
  const dir = office.dataDir;
  await office.stop();
  endOrphanedDynamo(dir);
  removeDir(dir);
});

describe('drafts over HTTP (embedded Step Functions)', () => {
  it('happy path ends issued with N-NQ/TU, the step in the appraiser’s task list while it waits', async () => {
    const id = await create(t.bantochuc!, nqDraft());
    const d = await waitFor(id, pending('appraisal'));
    expect(d.pendingTask).toMatchObject({ role: 'chuyen-vien', escalated: false });
    const tasks = await api('GET', '/v1/tasks', t.chuyenvien!);
    expect(tasks.body.items.find((i: any) => i.draftId === id)).toMatchObject({ step: 'appraisal', dueAt: d.pendingTask.dueAt });
    expect((await decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve', comment: 'Đạt' })).status).toBe(200);
    await waitFor(id, pending('approval'));
    expect((await decide(id, t.bithu!, { step: 'approval', decision: 'approve' })).status).toBe(200);
    const issued = await waitFor(id, (x) => x.status === 'issued');
    expect(issued.numberSymbol).toMatch(/^\d+-NQ\/TU$/);
    expect(issued.history.map((h: any) => h.step)).toEqual(['submitted', 'precheck', 'appraisal', 'approval', 'issuance']);
    expect(JSON.stringify(issued)).not.toMatch(/lsf1\./);
  });

  it('a return-for-revision loop comes back through precheck and appraisal', async () => {
    const id = await create(t.bantochuc!, nqDraft());
    await waitFor(id, pending('appraisal'));
    expect((await decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'return', comment: 'Bổ sung căn cứ' })).status).toBe(200);
    await waitFor(id, pending('revision'));
    expect((await decide(id, t.bantochuc!, { step: 'revision', decision: 'approve', comment: 'Đã sửa' })).status).toBe(200);
    const round2 = await waitFor(id, pending('appraisal'));
    expect(round2.round).toBe(2);
    expect((await decide(id, t.chuyenvien2!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
    await waitFor(id, pending('approval'));
    expect((await decide(id, t.bithu!, { step: 'approval', decision: 'approve' })).status).toBe(200);
    expect((await waitFor(id, (x) => x.status === 'issued')).numberSymbol).toMatch(/^\d+-NQ\/TU$/);
  });

  it('a reject ends the draft as rejected', async () => {
    const id = await create(t.bantochuc!, nqDraft());
    await waitFor(id, pending('appraisal'));
    const r = await decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'reject', comment: 'Không thuộc thẩm quyền' });
    expect(r.status).toBe(200);
    const d = await waitFor(id, (x) => x.status === 'rejected');
    expect(d.pendingTask).toBeNull();
    expect(d.numberSymbol).toBeUndefined();
  });

  it('wrong roles and four eyes get 403; a duplicate decision gets 409', async () => {
    const id = await create(t.drafterSpecialist!, nqDraft());
    await waitFor(id, pending('appraisal'));
    expect((await decide(id, t.bithu!, { step: 'appraisal', decision: 'approve' })).status).toBe(403);
    expect((await decide(id, t.bantochuc!, { step: 'appraisal', decision: 'approve' })).status).toBe(403);
    const own = await decide(id, t.drafterSpecialist!, { step: 'appraisal', decision: 'approve' });
    expect([own.status, own.body.error.code]).toEqual([403, 'FOUR_EYES']);
    expect((await decide(id, t.specialistApprover!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
    const dup = await decide(id, t.specialistApprover!, { step: 'appraisal', decision: 'approve' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'STEP_NOT_PENDING']);
    await waitFor(id, pending('approval'));
    expect((await decide(id, t.chuyenvien!, { step: 'approval', decision: 'approve' })).status).toBe(403);
    const appraiser = await decide(id, t.specialistApprover!, { step: 'approval', decision: 'approve' });
    expect([appraiser.status, appraiser.body.error.code]).toEqual([403, 'FOUR_EYES']);
    expect((await decide(id, t.bithu!, { step: 'approval', decision: 'approve' })).status).toBe(200);
    await waitFor(id, (x) => x.status === 'issued');
    expect((await decide(id, t.bithu!, { step: 'approval', decision: 'approve' })).status).toBe(409);
  });

  it('precheck flags a Chỉ thị issued by the full committee and a body without "Nơi nhận"', async () => {
    const ct = await create(t.bantochuc!, ctByFullCommittee());
    const noRecipients = await create(t.bantochuc!, nqWithoutRecipientsBlock());
    const a = await waitFor(ct, pending('revision'));
    const b = await waitFor(noRecipients, pending('revision'));
    expect(a.precheck.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'AUTHORITY', severity: 'error' })]));
    expect(b.precheck.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'RECIPIENTS_BLOCK_MISSING', severity: 'error' })]));
    expect(a.pendingTask).toMatchObject({ role: 'ban-tham-muu', dept: 'BTCTU' });
  });
});

describe('kill -9 of npm start', () => {
  it('approvals pending at the kill complete after the restart; a draft approved at the kill is issued once; no number is taken twice', async () => {
    const waiting = [await create(t.bantochuc!, nqDraft()), await create(t.bantochuc!, nqDraft())];
    const racing = await create(t.bantochuc!, nqDraft());
    for (const id of [...waiting, racing]) {
      await waitFor(id, pending('appraisal'));
      expect((await decide(id, t.chuyenvien!, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
      await waitFor(id, pending('approval'));
    }
    // Approve one and kill the office at once: its issuance may be before, during or after the kill.
    expect((await decide(racing, t.bithu!, { step: 'approval', decision: 'approve' })).status).toBe(200);
    const dataDir = office.dataDir;
    await office.stop('SIGKILL');
    // DynamoDB Local outlives the kill; the restart finds it by its pid file and stops it.

    office = await startOffice({ dataDir });
    await tokens();
    expect(office.output()).toMatch(/workflow: resumed \d+ running execution/);
    for (const id of waiting) {
      const d = await waitFor(id, pending('approval'));
      expect(d.status).toBe('approval');
      expect((await decide(id, t.bithu!, { step: 'approval', decision: 'approve' })).status).toBe(200);
    }
    const issued = await Promise.all([...waiting, racing].map((id) => waitFor(id, (x) => x.status === 'issued')));
    for (const d of issued) expect(d.numberSymbol).toMatch(/^\d+-NQ\/TU$/);

    const year = new Date().getUTCFullYear();
    const entries: any[] = [];
    let cursor: string | null = null;
    do {
      const page = await api('GET', `/v1/registers/outgoing/entries?year=${year}&limit=200${cursor ? `&cursor=${cursor}` : ''}`, t.vanthu!);
      expect(page.status).toBe(200);
      entries.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    for (const d of issued) {
      const mine = entries.filter((e) => e.draftId === d.id);
      expect(mine, d.id).toHaveLength(1);
      expect(mine[0].numberSymbol).toBe(d.numberSymbol);
    }
    const numbers = entries.filter((e) => e.scope.key === entries.find((x) => x.draftId === racing).scope.key).map((e) => e.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  });
});
