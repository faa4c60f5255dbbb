/**
 * `npm run bench -- workflow [runs]`: drafts through the happy path (precheck → appraisal →
 * approval → issuance) on the embedded office, over HTTP, with the workflow runner in this
 * process. Prints the state transitions of one happy path (what Step Functions bills) and the
 * time from the last approval to `issued`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '../local/embedded';
import { ensureKeys } from '../local/keys';
import { findDemoUser, poolUser } from '../local/demo-users';
import { personAccessToken } from '../local/issuer';
import { startLocalWorkflow } from '../local/workflow/start';
import { nqDraft } from '../test/support/drafts';

/** Step Functions standard workflows: USD per state transition (ap-southeast-1 list price, 2026). */
const USD_PER_TRANSITION = 0.000025;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function run(args: string[]): Promise<void> {
  const runs = Number(args[0] ?? 20);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-bench-wf-'));
  const office = await startEmbedded({ dataDir: dir, inMemory: true, port: 0, plugins: false });
  const wf = await startLocalWorkflow({ tickMs: 1000 });
  try {
    const keys = await ensureKeys(dir);
    const token = async (u: string) => personAccessToken(keys, poolUser(findDemoUser(u)!));
    const [drafter, appraiser, approver] = await Promise.all([token('bantochuc'), token('chuyenvien'), token('bithu')]);
    const call = async (method: string, p: string, tok: string, body?: unknown) => {
      const r = await fetch(`${office.url}${p}`, {
        method,
        headers: { authorization: `Bearer ${tok}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = (await r.json()) as any;
      if (r.status >= 400) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(json)}`);
      return json;
    };
    const until = async (id: string, ok: (d: any) => boolean) => {
      for (;;) {
        const d = await call('GET', `/v1/drafts/${id}`, approver);
        if (ok(d)) return d;
        await new Promise((r) => setTimeout(r, 2));
      }
    };

    const transitions: number[] = [];
    const toFinished: number[] = [];
    const serverSide: number[] = [];
    const whole: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const { id } = await call('POST', '/v1/drafts', drafter, nqDraft());
      await until(id, (d) => d.pendingTask?.step === 'appraisal');
      await call('POST', `/v1/drafts/${id}/decisions`, appraiser, { step: 'appraisal', decision: 'approve' });
      await until(id, (d) => d.pendingTask?.step === 'approval');
      const finished = wf.runner.whenFinished(`draft-${id}`);
      const a0 = performance.now();
      await call('POST', `/v1/drafts/${id}/decisions`, approver, { step: 'approval', decision: 'approve' });
      const exec = await finished;
      const a1 = performance.now();
      const d = await call('GET', `/v1/drafts/${id}`, approver);
      if (d.status !== 'issued' || exec.status !== 'SUCCEEDED') throw new Error(`draft ${id} ended ${d.status} / ${exec.status}`);
      if (i === 0) continue; // warm-up: first imports of the handlers
      const h = d.history as { step: string; at: string }[];
      serverSide.push(Date.parse(h.find((x) => x.step === 'issuance')!.at) - Date.parse(h.find((x) => x.step === 'approval')!.at));
      toFinished.push(a1 - a0);
      whole.push(a1 - t0);
      transitions.push(exec.transitions);
    }
    // One revision loop of each kind, for the cost of a return.
    const loop = async (returnAt: 'appraisal' | 'approval') => {
      const { id } = await call('POST', '/v1/drafts', drafter, nqDraft());
      const decide = async (step: string, tok: string, decision: string) => {
        await until(id, (d) => d.pendingTask?.step === step);
        await call('POST', `/v1/drafts/${id}/decisions`, tok, { step, decision, ...(decision === 'return' ? { comment: 'Sửa' } : {}) });
      };
      const finished = wf.runner.whenFinished(`draft-${id}`);
      await decide('appraisal', appraiser, returnAt === 'appraisal' ? 'return' : 'approve');
      if (returnAt === 'approval') await decide('approval', approver, 'return');
      await decide('revision', drafter, 'approve');
      await decide('appraisal', appraiser, 'approve');
      await decide('approval', approver, 'approve');
      return (await finished).transitions;
    };
    const returnAtAppraisal = await loop('appraisal');
    const returnAtApproval = await loop('approval');
    const same = transitions.every((n) => n === transitions[0]);
    const n = transitions[0]!;
    console.log(`workflow benchmark — ${runs} happy paths (precheck → appraisal → approval → issuance), embedded, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`);
    console.log(`  state transitions per happy path   ${n}${same ? '' : ` (varied: ${[...new Set(transitions)].join(', ')})`}   ≈ $${(n * USD_PER_TRANSITION * 1000).toFixed(3)} per 1000 drafts`);
    console.log(`  with one return at appraisal       ${returnAtAppraisal} (+${returnAtAppraisal - n});  at approval ${returnAtApproval} (+${returnAtApproval - n})`);
    console.log(`  last approval → execution ended    p50 ${pct(toFinished, 50).toFixed(1)} ms   p95 ${pct(toFinished, 95).toFixed(1)} ms   (POST approval … Issued state done)`);
    console.log(`  approval recorded → issued (server) p50 ${pct(serverSide, 50)} ms   p95 ${pct(serverSide, 95)} ms   (history timestamps)`);
    console.log(`  whole happy path over HTTP         p50 ${pct(whole, 50).toFixed(0)} ms   p95 ${pct(whole, 95).toFixed(0)} ms   (incl. polling for each step)`);
  } finally {
    await wf.stop();
    await office.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
