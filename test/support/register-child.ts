/**
 * One "Lambda container" of the multi-process registration load: its own composition (its own
 * DynamoDB client and gapless counter) on the embedded environment it inherits, calling the
 * registers handler `n` times at once into the incoming register of `year`.
 * `node --import tsx test/support/register-child.ts <n> <year> <tag>`: prints `ready`, waits for
 * `go` on stdin, prints `result <json>` (a Burst) and exits.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ensureKeys } from '../../local/keys';
import { personAccessToken } from '../../local/issuer';
import { findDemoUser, poolUser } from '../../local/demo-users';
import { lambdaContext } from '../../local/gateway';
import { useParts } from './parts';
import { letter, type Burst } from './register-load';
import { responseProblems } from './openapi-check';

const [n, year, tag] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]!];
const { composed } = await import('./parts');
const handler = await composed('registers');
useParts({ clock: { now: () => new Date(`${year}-06-15T09:00:00+07:00`) } });
const keys = await ensureKeys(process.env.DAUMOI_LOCAL_JWKS!.replace(/\/keys\/jwks\.json$/, ''));
const token = await personAccessToken(keys, poolUser(findDemoUser('vanthu')!));

const call = async (i: number) => {
  const requestId = randomUUID();
  const event = {
    resource: '/v1/registers/incoming/entries',
    path: '/v1/registers/incoming/entries',
    httpMethod: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: JSON.stringify(letter(tag, i, `${year}-06-14`)),
    isBase64Encoded: false,
    requestContext: { requestId, authorizer: { claims: {} } } as unknown as APIGatewayProxyEvent['requestContext'],
  } as APIGatewayProxyEvent;
  return handler(event, lambdaContext('registers', requestId) as never);
};

// Warm the handler (module init, first DynamoDB connection) on a read, as a warm container would be.
await import('./parts').then(({ officeParts }) => officeParts().registers.listIncoming({ year, limit: 1 }, { sub: 'warm', username: 'warm', roles: ['van-thu'], clearance: 'none' }));
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));

const out: Burst = { statuses: {}, ids: [], numbers: [], latencies: [], wallMs: 0, retryAfter: [], others: [] };
const seen: { statusCode: number; headers?: Record<string, unknown>; body: string }[] = [];
const t0 = performance.now();
await Promise.all(
  Array.from({ length: n }, async (_, i) => {
    const t = performance.now();
    const r = await call(i);
    out.latencies.push(performance.now() - t);
    seen.push(r);
    out.statuses[r.statusCode] = (out.statuses[r.statusCode] ?? 0) + 1;
    if (r.statusCode === 201) {
      const body = JSON.parse(r.body) as { id: string; arrivalNumber: number };
      out.ids.push(body.id);
      out.numbers.push(body.arrivalNumber);
    } else if (r.statusCode === 429) out.retryAfter.push(String(r.headers?.['retry-after'] ?? null));
    else if (out.others.length < 3) out.others.push(`${r.statusCode} ${r.body.slice(0, 200)}`);
  }),
);
out.wallMs = performance.now() - t0;
// Out of the timed burst: every answer must be what the OpenAPI document declares (the parent reports this child's stderr).
const undeclared = seen
  .map((r) => responseProblems({ method: 'POST', path: '/v1/registers/incoming/entries', status: r.statusCode, headers: r.headers ?? {}, text: r.body }))
  .filter((f) => f && f.problems.length);
if (undeclared.length) {
  process.stderr.write(`${undeclared.length} answers do not match the OpenAPI document: ${undeclared[0]!.operation}\n  - ${undeclared[0]!.problems.join('\n  - ')}\n  first: ${out.others[0] ?? ''}\n`);
  process.exit(1);
}
process.stdout.write(`result ${JSON.stringify(out)}\n`);
process.exit(0);
