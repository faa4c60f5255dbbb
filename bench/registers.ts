/**
 * `npm run bench -- registers [--n 300] [--c 1,8,32] [--reps 3]`: registrations per second into one
 * incoming register against embedded DynamoDB Local, at several concurrencies, next to a bare
 * TransactWriteItems loop of the same size (the same items — counter, entry, audit event,
 * uniqueness claim — with no reads, no conditions on the counter and no domain work), as a ratio.
 *
 * Rows: `store` = RegisterStore.registerIncoming (domain rules + gapless allocation);
 * `api` = the whole Lambda handler (JWT, validation, middy) around it, without the search
 * indexing that another capability adds after each write. Each figure is the median
 * of `reps` runs, the three loops taking turns so that none always runs on a warmer database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startEmbedded } from '../local/embedded';
import { ensureKeys } from '../local/keys';
import { findDemoUser, poolUser } from '../local/demo-users';
import { personAccessToken } from '../local/issuer';
import { lambdaContext } from '../local/gateway';
import { overrideServices, services } from '../shared/composition';
import { documentClient } from '../shared/adapters/dynamodb/client';
import { tableName } from '../shared/adapters/dynamodb/tables';
import type { Caller } from '../shared/domain/identity';
import type { IncomingEntry } from '../shared/domain/registers/model';
import { DynamoRegisterStore } from '../shared/adapters/dynamodb/register-store';
import type { RegisterStore } from '../shared/ports/register-store';

const TARGET = 0.7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Args {
  n: number;
  concurrency: number[];
  reps: number;
}

function parseArgs(args: string[]): Args {
  const get = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return {
    n: Number(get('--n') ?? 300),
    concurrency: (get('--c') ?? '1,8,32').split(',').map(Number),
    reps: Number(get('--reps') ?? 3),
  };
}

/** Runs `n` tasks with `c` workers; returns tasks per second. */
async function rate(n: number, c: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (next < n) await task(next++);
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

let yearSeq = 2100;
let plain: RegisterStore | undefined;
/**
 * A fresh register year per run, so every run starts its own counter at 1. The API runs on the
 * register store without the search indexing the composition root wraps around it: this bench
 * measures registration, not the search table.
 */
function freshYear(): number {
  const year = yearSeq++;
  overrideServices({ clock: { now: () => new Date(`${year}-06-15T09:00:00+07:00`) }, ...(plain ? { registers: plain } : {}) });
  return year;
}

function body(year: number, i: number) {
  return {
    numberSymbol: `${i + 1}-CV/VPTU`,
    documentDate: `${year}-06-14`,
    issuer: 'Văn phòng Tỉnh ủy Hưng Yên',
    typeCode: 'CV',
    subject: `về việc chuẩn bị hội nghị tổng kết công tác năm, văn bản số ${i + 1}`,
    secrecy: null,
    urgency: null,
  };
}

/** The same four items registerIncoming writes, sized alike, without reads or conditions on the counter. */
function bareItems(run: string, i: number, sample: IncomingEntry) {
  const data = tableName('Data');
  const audit = tableName('Audit');
  const id = `${run}-${i}`;
  const at = new Date().toISOString();
  const entry = { ...sample, id, arrivalNumber: i + 1 };
  return [
    { Update: { TableName: data, Key: { pk: `COUNTER#bare-${run}`, sk: 'COUNTER' }, UpdateExpression: 'ADD #last :one', ExpressionAttributeNames: { '#last': 'last' }, ExpressionAttributeValues: { ':one': 1 } } },
    { Put: { TableName: data, Item: { pk: `REGENTRY#${id}`, sk: 'ENTRY', gsi1pk: `BARE#${run}`, gsi1sk: String(i).padStart(9, '0'), secrecyRank: 0, ...entry } } },
    {
      Put: {
        TableName: audit,
        Item: { pk: `ENTITY#${id}`, sk: `${at}#${id}`, gsi1pk: `MONTH#${at.slice(0, 7)}`, gsi1sk: `${at}#${id}`, gsi2pk: 'BENCH', gsi2sk: id, eventId: id, at, actor: sample.createdBy, action: 'register.register', entityType: 'incoming-entry', entityId: id, before: null, after: entry },
      },
    },
    { Put: { TableName: data, Item: { pk: `REGUNIQUE#bench#${id}`, sk: 'UNIQUE', entryId: id, register: 'incoming', secrecyRank: 0, createdAt: at } } },
  ];
}

async function bare(n: number, c: number, sample: IncomingEntry): Promise<number> {
  const db = documentClient();
  const run = `r${Date.now()}-${c}`;
  return rate(n, c, async (i) => {
    for (;;) {
      try {
        return await db.send(new TransactWriteCommand({ TransactItems: bareItems(run, i, sample) as never }));
      } catch (err) {
        if ((err as Error).name !== 'TransactionCanceledException' && (err as Error).name !== 'TransactionConflictException') throw err;
      }
    }
  });
}

export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-bench-reg-'));
  const office = await startEmbedded({ dataDir: dir, inMemory: true, plugins: false });
  try {
    const { handler } = await import('../functions/registers');
    const user = findDemoUser('vanthu')!;
    const keys = await ensureKeys(dir);
    const token = await personAccessToken(keys, poolUser(user));
    const actor: Caller = { sub: `user-${user.username}`, username: user.username, roles: ['van-thu'], clearance: 'mat' };
    const store = (plain = new DynamoRegisterStore({
      db: documentClient(),
      table: tableName('Data'),
      audit: services().audit,
      clock: { now: () => services().clock.now() },
      config: () => services().domainConfig,
    }));
    const viaStore = (year: number) => (i: number) => store.registerIncoming(body(year, i) as never, { actor });
    const viaApi = (year: number) => async (i: number) => {
      const requestId = `bench-${year}-${i}`;
      const r = await handler(
        {
          resource: '/v1/registers/incoming/entries',
          path: '/v1/registers/incoming/entries',
          httpMethod: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          multiValueHeaders: {},
          queryStringParameters: null,
          multiValueQueryStringParameters: null,
          pathParameters: null,
          stageVariables: null,
          body: JSON.stringify(body(year, i)),
          isBase64Encoded: false,
          requestContext: { requestId } as never,
        } as never,
        lambdaContext('registers', requestId) as never,
      );
      if (r.statusCode !== 201) throw new Error(`registration failed: ${r.statusCode} ${r.body}`);
    };

    // Warm up the JIT, DynamoDB Local and the first-use paths of each loop.
    const warmYear = freshYear();
    await rate(200, 8, viaStore(warmYear));
    await rate(200, 8, viaApi(freshYear()));
    const sample = (await store.allEntries('incoming', warmYear, actor))[0] as IncomingEntry;
    await bare(200, 8, sample);

    const checkGapless = async (year: number) => {
      const numbers = (await store.allEntries('incoming', year, actor)).map((e) => (e as IncomingEntry).arrivalNumber);
      if (numbers.length !== args.n || numbers.some((n, i) => n !== i + 1)) throw new Error(`numbering of ${year} is not 1…${args.n}: got ${numbers.length} entries`);
    };
    const loops: Record<'bare' | 'store' | 'api', (c: number) => Promise<number>> = {
      bare: (c) => bare(args.n, c, sample),
      store: async (c) => {
        const year = freshYear();
        const r = await rate(args.n, c, viaStore(year));
        await checkGapless(year);
        return r;
      },
      api: async (c) => {
        const year = freshYear();
        const r = await rate(args.n, c, viaApi(year));
        await checkGapless(year);
        return r;
      },
    };
    const order: ('bare' | 'store' | 'api')[] = ['bare', 'store', 'api'];

    console.log(`\nregisters bench — ${args.n} registrations per run into one incoming register, DynamoDB Local (embedded), median of ${args.reps}\n`);
    console.log('concurrency │ bare TransactWriteItems/s │ store/s  ratio │ api/s    ratio');
    console.log('────────────┼───────────────────────────┼────────────────┼───────────────');
    const ratios: number[] = [];
    for (const c of args.concurrency) {
      const got: Record<string, number[]> = { bare: [], store: [], api: [] };
      for (let rep = 0; rep < args.reps; rep++) {
        for (let k = 0; k < order.length; k++) {
          const name = order[(rep + k) % order.length]!;
          got[name]!.push(await loops[name](c));
        }
      }
      const [b, s, a] = [median(got.bare!), median(got.store!), median(got.api!)];
      ratios.push(s / b, a / b);
      console.log(
        `${String(c).padStart(11)} │ ${b.toFixed(1).padStart(25)} │ ${s.toFixed(1).padStart(7)}  ${(s / b).toFixed(2).padStart(5)} │ ${a.toFixed(1).padStart(7)}  ${(a / b).toFixed(2).padStart(5)}`,
      );
    }
    const worst = Math.min(...ratios);
    console.log(`\nevery run numbered exactly 1…${args.n}; lowest ratio ${worst.toFixed(2)} (target ≥ ${TARGET}) — ${worst >= TARGET ? 'met' : 'NOT met'}\n`);
  } finally {
    overrideServices({});
    await office.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
