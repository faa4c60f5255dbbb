/**
 * Registration under load, shared by the load tests, the trust case (test/support/trust/load.ts)
 * and `npm run bench -- registers`: many clerks registering at once over HTTP, or several
 * processes (as Lambda containers would) registering into one DynamoDB Local, and how long until
 * what they registered is found by search.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../local/paths';
import { SWEEP_AFTER_MS } from '../../shared/search/index';

export interface Burst {
  /** Count per HTTP status (or per outcome for in-process handlers). */
  statuses: Record<string, number>;
  ids: string[];
  /** performance.now() when each 201 (by id) was answered. */
  doneAt?: Record<string, number>;
  /** số đến of the 201s. */
  numbers: number[];
  /** Per request, ms from send to answer. */
  latencies: number[];
  wallMs: number;
  /** Retry-After of each 429. */
  retryAfter: (string | null)[];
  /** A few bodies of answers other than 201/429, to say what went wrong. */
  others: string[];
}

export const percentile = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** A letter for the burst: distinct number-symbols, one searchable tag word in every subject. */
export function letter(tag: string, i: number, documentDate: string): Record<string, unknown> {
  return {
    numberSymbol: `${i + 1}-CV/${tag}`,
    documentDate,
    issuer: 'Văn phòng Tỉnh ủy Hưng Yên',
    typeCode: 'CV',
    subject: `về việc chuẩn bị hội nghị tổng kết công tác năm, đợt ${tag.toLowerCase()} số ${i + 1}`,
    secrecy: null,
    urgency: null,
  };
}

/** Seven letters that no other run shares: one search term (a syllable), and a number-symbol part. */
export const runTag = (): string => `T${Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('')}`;

export const officeToday = (): string => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** `n` registrations into the incoming register over HTTP, `concurrency` at a time (all at once by default). */
export async function httpBurst(url: string, token: string, n: number, opts: { tag: string; documentDate?: string; concurrency?: number }): Promise<Burst> {
  const date = opts.documentDate ?? officeToday();
  const out: Burst = { statuses: {}, ids: [], doneAt: {}, numbers: [], latencies: [], wallMs: 0, retryAfter: [], others: [] };
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(n, opts.concurrency ?? n) }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        const r = await fetch(`${url}/v1/registers/incoming/entries`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(letter(opts.tag, i, date)),
        });
        const text = await r.text();
        out.latencies.push(performance.now() - t);
        out.statuses[r.status] = (out.statuses[r.status] ?? 0) + 1;
        if (r.status === 201) {
          const body = JSON.parse(text) as { id: string; arrivalNumber: number };
          out.ids.push(body.id);
          out.doneAt![body.id] = performance.now();
          out.numbers.push(body.arrivalNumber);
        } else if (r.status === 429) out.retryAfter.push(r.headers.get('retry-after'));
        else if (out.others.length < 3) out.others.push(`${r.status} ${text.slice(0, 200)}`);
      }
    }),
  );
  out.wallMs = performance.now() - t0;
  return out;
}

/** Null when the numbers are distinct and consecutive (from `first` when given), else what is wrong. */
export function gapProblem(numbers: number[], first?: number): string | null {
  if (!numbers.length) return 'no numbers';
  const s = [...numbers].sort((a, b) => a - b);
  const repeats = s.filter((x, i) => i > 0 && x === s[i - 1]);
  if (repeats.length) return `${repeats.length} repeated (e.g. ${repeats[0]})`;
  if (first !== undefined && s[0] !== first) return `starts at ${s[0]}, not ${first}`;
  if (s.at(-1)! - s[0]! !== s.length - 1) return `${s.at(-1)! - s[0]! + 1 - s.length} missing between ${s[0]} and ${s.at(-1)}`;
  return null;
}

/**
 * Watches search for the tag word (one query every `everyMs`, all pages) from now on, noting when
 * each id is first found. `until(ids)` resolves once every id is found or `timeoutMs` after the call.
 */
export function watchSearch(url: string, token: string, tag: string, everyMs = 400): { firstSeen: Map<string, number>; until(ids: string[], timeoutMs: number): Promise<void>; stop(): void } {
  const firstSeen = new Map<string, number>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      let cursor: string | null = null;
      do {
        const q: URLSearchParams = new URLSearchParams({ q: tag.toLowerCase(), limit: '200', ...(cursor ? { cursor } : {}) });
        const r: Response | null = await fetch(`${url}/v1/search?${q}`, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
        const body: { items?: { id: string }[]; nextCursor?: string | null } = r ? ((await r.json().catch(() => ({}))) as { items?: { id: string }[]; nextCursor?: string | null }) : {};
        const now = performance.now();
        for (const h of body.items ?? []) if (!firstSeen.has(h.id)) firstSeen.set(h.id, now);
        cursor = body.nextCursor ?? null;
      } while (cursor && !stopped);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    firstSeen,
    async until(ids, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline && ids.some((id) => !firstSeen.has(id))) await new Promise((r) => setTimeout(r, 50));
    },
    stop() {
      stopped = true;
      void loop;
    },
  };
}

/**
 * Found by search this soon after its 201, an entry was indexed from the stream, from its own
 * change: the sweep takes only entries still marked SWEEP_AFTER_MS after their write.
 */
export const BEFORE_SWEEP_MS = SWEEP_AFTER_MS - 2000;

/** For each registered id, ms from its 201 until search first found it (Infinity: never). */
export function searchLags(burst: Burst, firstSeen: Map<string, number>): number[] {
  return burst.ids.map((id) => (firstSeen.has(id) ? Math.max(0, firstSeen.get(id)! - burst.doneAt![id]!) : Infinity));
}

/**
 * `processes` node processes, each with its own composition (as separate Lambda containers),
 * pointing at the same DynamoDB Local (`env`: the embedded environment), each calling the
 * registers handler `perProcess` times at once, all starting together, into the incoming
 * register of `year` (each process's office clock is set in that year).
 */
export async function multiProcessBurst(env: Record<string, string>, opts: { processes: number; perProcess: number; year: number; tag: string }): Promise<Burst & { startMs: number }> {
  const t0 = performance.now();
  const children = Array.from({ length: opts.processes }, (_, p) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/support/register-child.ts'), String(opts.perProcess), String(opts.year), `${opts.tag}P${p}`], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const line = (prefix: string) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const l = out.split('\n').find((x) => x.startsWith(prefix));
          if (l) return resolve(l.slice(prefix.length));
          if (child.exitCode !== null) return reject(new Error(`register child ${p} exited ${child.exitCode}: ${err.slice(-800)}`));
          setTimeout(check, 20);
        };
        check();
      });
    return { child, line };
  });
  try {
    await Promise.all(children.map((c) => c.line('ready')));
    const startMs = performance.now() - t0;
    const t1 = performance.now();
    for (const c of children) c.child.stdin!.write('go\n');
    const results = (await Promise.all(children.map((c) => c.line('result ')))).map((l) => JSON.parse(l) as Burst);
    const merged: Burst & { startMs: number } = { statuses: {}, ids: [], numbers: [], latencies: [], wallMs: performance.now() - t1, retryAfter: [], others: [], startMs };
    for (const r of results) {
      for (const [k, v] of Object.entries(r.statuses)) merged.statuses[k] = (merged.statuses[k] ?? 0) + v;
      merged.ids.push(...r.ids);
      merged.numbers.push(...r.numbers);
      merged.latencies.push(...r.latencies);
      merged.retryAfter.push(...r.retryAfter);
      merged.others.push(...r.others);
    }
    return merged;
  } finally {
    for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
  }
}
