/**
 * How functions compose: each `functions/<name>.ts` exports `compose(edge)` and a `handler` built on
 * first invocation, so importing one needs no cloud environment; the cloud edge reads the
 * environment only for the part asked for; the embedded office clock moves and comes back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudEdge } from '../../shared/edge/cloud';
import { movableClock } from '../../local/edge';
import { lazyHandler } from '../../shared/platform/lambda';

const FUNCTIONS = path.join(__dirname, '../../functions');
const files = readdirSync(FUNCTIONS).filter((f) => f.endsWith('.ts'));
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('function files', () => {
  it.each(files)('%s exports compose and a lazily built handler, and is at most 40 lines', async (file) => {
    for (const k of Object.keys(process.env)) if (k.startsWith('DAUMOI_')) delete process.env[k];
    const m = (await import(path.join(FUNCTIONS, file))) as { compose?: unknown; handler?: unknown };
    expect(typeof m.compose).toBe('function');
    expect(typeof m.handler).toBe('function');
    expect(readFileSync(path.join(FUNCTIONS, file), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(40);
  }, 30_000);
});

describe('the cloud edge', () => {
  it('is made without any environment, and names the variable a part needs when that part is asked for', () => {
    delete process.env.DAUMOI_USER_POOL_ID;
    delete process.env.DAUMOI_USER_POOL_CLIENT_IDS;
    delete process.env.DAUMOI_STATE_MACHINE_ARN;
    const edge = cloudEdge();
    expect(() => edge.verifier()).toThrow(/DAUMOI_USER_POOL/);
    expect(() => edge.workflow()).toThrow(/DAUMOI_STATE_MACHINE_ARN/);
    expect(() => edge.provisioner()).toThrow(/DAUMOI_USER_POOL_ID/);
    expect(edge.clock.now()).toBeInstanceOf(Date);
  });
});

describe('lazyHandler', () => {
  it('builds the handler on the first call only', async () => {
    let builds = 0;
    const h = lazyHandler(() => {
      builds++;
      return async (n: number) => n * 2;
    });
    expect(builds).toBe(0);
    expect(await h(2)).toBe(4);
    expect(await h(3)).toBe(6);
    expect(builds).toBe(1);
  });
});

describe('the embedded office clock', () => {
  it('follows a clock it is given or a shift from real time, and real time again after null', () => {
    const clock = movableClock();
    const near = (d: Date, ms: number) => Math.abs(d.getTime() - ms) < 1000;
    expect(near(clock.now(), Date.now())).toBe(true);
    clock.set({ now: () => new Date('2040-01-01T00:00:00Z') });
    expect(clock.now().toISOString()).toBe('2040-01-01T00:00:00.000Z');
    clock.shift(86_400_000);
    expect(near(clock.now(), Date.now() + 86_400_000)).toBe(true);
    clock.shift(null);
    expect(near(clock.now(), Date.now())).toBe(true);
    clock.set({ now: () => new Date(0) });
    clock.set(null);
    expect(near(clock.now(), Date.now())).toBe(true);
  });
});
