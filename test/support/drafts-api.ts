/**
 * For the drafts integration tests: the drafts handler called as API Gateway would, the local
 * workflow runner in this process, tokens for demo users and for crafted users (four eyes).
 */
import { ensureKeys } from '../../local/keys';
import { personAccessToken, type PoolUser } from '../../local/issuer';
import { startLocalWorkflow, type StartedRunner } from '../../local/workflow/start';
import { invoke, tokenFor } from './integration';

type Handler = Parameters<typeof invoke>[0];

export interface DraftsApi {
  call(method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  create(token: string, draft: unknown): Promise<any>;
  get(id: string, token: string): Promise<any>;
  decide(id: string, token: string, decision: Record<string, unknown>): Promise<{ status: number; body: any }>;
  /** Polls the draft until `until` holds (the workflow runs asynchronously); fails with the last state after `ms`. */
  waitFor(id: string, token: string, until: (d: any) => boolean, ms?: number): Promise<any>;
}

export async function draftsApi(): Promise<DraftsApi> {
  const { composed } = await import('./parts');
  const handler = await composed('drafts');
  const api: DraftsApi = {
    async call(method, path, token, body, headers) {
      const r = await invoke(handler, { method, path, token, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) });
      return { status: r.status, body: r.body };
    },
    async create(token, draft) {
      const r = await api.call('POST', '/v1/drafts', token, draft);
      if (r.status !== 201) throw new Error(`create failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    async get(id, token) {
      const r = await api.call('GET', `/v1/drafts/${id}`, token);
      if (r.status !== 200) throw new Error(`get failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    decide: (id, token, decision) => api.call('POST', `/v1/drafts/${id}/decisions`, token, decision),
    async waitFor(id, token, until, ms = 15_000) {
      const deadline = Date.now() + ms;
      let last: any;
      for (;;) {
        last = await api.get(id, token);
        if (until(last)) return last;
        if (Date.now() > deadline) throw new Error(`draft ${id} did not reach the expected state; last: ${JSON.stringify({ status: last.status, pendingTask: last.pendingTask, history: last.history })}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
  return api;
}

/** The step the draft waits for, once its task has started. */
export const pending = (step: string) => (d: any) => d.pendingTask?.step === step;

/** Starts the embedded workflow runner in this test process (fast due-time checks). */
export const startRunner = (): Promise<StartedRunner> => startLocalWorkflow({ tickMs: 25 });

/** A token for a person who is not a demo user (e.g. a drafter who is also a specialist, for four eyes). */
/** `attributes`: the person's user-pool custom attributes, which the pre-token trigger copies into the token. */
export async function craftedToken(username: string, roles: string[], attributes: { 'custom:clearance'?: string; 'custom:dept'?: string } = {}): Promise<string> {
  const keys = await ensureKeys(process.env.DAUMOI_LOCAL_JWKS!.replace(/\/keys\/jwks\.json$/, ''));
  const user: PoolUser = { username, sub: `user-${username}`, roles, clearance: attributes['custom:clearance'] ?? 'mat', ...(attributes['custom:dept'] ? { dept: attributes['custom:dept'] } : {}) };
  return personAccessToken(keys, user);
}

export { tokenFor };
