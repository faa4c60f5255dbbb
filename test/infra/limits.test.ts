/**
 * Limits in the cloud (issue 11 part 3): the OCR worker's concurrency is capped and reserved so
 * a flood of uploads cannot starve the API; every function has the least privilege it needs (no
 * API function can update or delete an audit event; read-only functions write nothing); cdk-nag
 * acknowledgements name the exact construct, never a whole stack.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthTemplates } from './stacks';
import { OCR_MAX_CONCURRENCY } from '../../shared/scans/app/deps';
import { API_FUNCTIONS } from '../../shared/platform/http/route';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
type Template = ReturnType<typeof synthTemplates>['api'];

let t: ReturnType<typeof synthTemplates>;
beforeAll(() => {
  t = synthTemplates();
});

const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);
const WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 's3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion'];

/** Every Lambda function of a stack with the statements of every policy attached to its role. */
function grantsOf(template: Template): { id: string; description: string; statements: Statement[] }[] {
  const fns = template.findResources('AWS::Lambda::Function');
  const policies = Object.values(template.findResources('AWS::IAM::Policy'));
  return Object.entries(fns).map(([id, f]) => {
    const role = JSON.stringify(f.Properties.Role);
    const statements = policies
      .filter((p) => (p.Properties.Roles as unknown[]).some((r) => role.includes(JSON.stringify(r).replace(/^\{"Ref":"|"\}$/g, ''))))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    return { id, description: String(f.Properties.Description ?? ''), statements };
  });
}
const onAudit = (s: Statement) => /AuditTable/.test(JSON.stringify(s.Resource));
const auditActions = (statements: Statement[]) => [...new Set(statements.filter((s) => s.Effect === 'Allow' && onAudit(s)).flatMap((s) => list(s.Action)))].sort();
const allActions = (statements: Statement[]) => [...new Set(statements.filter((s) => s.Effect === 'Allow').flatMap((s) => list(s.Action)))];

describe('OCR concurrency', () => {
  it('reserves and caps the worker at OCR_MAX_CONCURRENCY, and the queue never drives more', () => {
    const worker = Object.values(t.ocr.findResources('AWS::Lambda::Function')).find((f) => String(f.Properties.Description).includes('OCR worker'))!;
    expect(worker.Properties.ReservedConcurrentExecutions).toBe(OCR_MAX_CONCURRENCY);
    const mapping = Object.values(t.ocr.findResources('AWS::Lambda::EventSourceMapping'))[0]!;
    expect(mapping.Properties.ScalingConfig).toEqual({ MaximumConcurrency: OCR_MAX_CONCURRENCY });
    expect(OCR_MAX_CONCURRENCY).toBeGreaterThanOrEqual(2); // the SQS event source's minimum
    // The API's functions have no reserved cap: they draw on the rest of the account's concurrency.
    for (const [id, f] of Object.entries(t.api.findResources('AWS::Lambda::Function'))) if (id.startsWith('Fn')) expect(f.Properties.ReservedConcurrentExecutions, id).toBeUndefined();
  });
});

describe('least privilege, walking every IAM policy of every stack', () => {
  const stacks = () => ({ data: t.data, api: t.api, ocr: t.ocr, workflow: t.workflow, monitoring: t.monitoring });

  it('sees every API function and the Audit table in the grants (the walk is live)', () => {
    const api = grantsOf(t.api).filter((g) => g.id.startsWith('Fn'));
    expect(api.map((g) => g.description.replace('daumoi API: ', '')).sort()).toEqual([...API_FUNCTIONS].sort());
    expect(api.filter((g) => auditActions(g.statements).length).length).toBeGreaterThanOrEqual(6);
  });

  it('no function but the audit sealer can update or delete an audit event', () => {
    const offenders: string[] = [];
    for (const [stack, template] of Object.entries(stacks())) {
      for (const g of grantsOf(template)) {
        if (g.description.includes('seals audit events')) continue;
        const bad = auditActions(g.statements).filter((a) => ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:*'].includes(a));
        if (bad.length) offenders.push(`${stack}/${g.id}: ${bad.join(', ')}`);
      }
    }
    expect(offenders).toEqual([]);
    const sealer = grantsOf(t.api).find((g) => g.description.includes('seals audit events'))!;
    expect(auditActions(sealer.statements)).toContain('dynamodb:UpdateItem');
  });

  it('API functions that record what they change may only add audit events; only the audit function reads them', () => {
    for (const g of grantsOf(t.api).filter((x) => x.id.startsWith('Fn'))) {
      const fn = g.description.replace('daumoi API: ', '');
      const expected = fn === 'audit' ? ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'] : ['registers', 'scans', 'reports', 'orgs', 'drafts', 'users', 'assignments', 'exchange'].includes(fn) ? ['dynamodb:PutItem'] : [];
      expect(auditActions(g.statements), fn).toEqual(expected);
    }
    for (const g of grantsOf(t.workflow)) expect(auditActions(g.statements), g.description).toEqual(['dynamodb:PutItem']);
  });

  it('read-only functions have no write action on any table or object', () => {
    const readOnly = [/daumoi API: (system|search|audit|exports)$/, /pre-token-generation/, /verifies the whole audit hash chain/];
    const seen: string[] = [];
    for (const template of Object.values(stacks())) {
      for (const g of grantsOf(template)) {
        if (!readOnly.some((r) => r.test(g.description))) continue;
        seen.push(g.description);
        expect(allActions(g.statements).filter((a) => WRITES.includes(a) || /:\*$/.test(a)), g.description).toEqual([]);
      }
    }
    expect(seen).toHaveLength(6);
  });
});

describe('cdk-nag acknowledgements', () => {
  it('name a construct, never a whole stack', () => {
    const acknowledged = t.app.node.findAll().filter((c) => c.node.metadata.some((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY));
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(acknowledged.filter((c) => Stack.isStack(c)).map((c) => c.node.path)).toEqual([]);
  });
});

/** API functions whose writes go to a service other than DynamoDB (people: the Cognito user pool). */
const STATE_OUTSIDE_DYNAMODB = ['users'];

describe('the table access follows the route table', () => {
  it('a function that serves a write route may write Data and append to Audit; one that only reads may not', async () => {
    const { ROUTES } = await import('../../shared/api/routes');
    const { API_TABLE_ACCESS } = await import('../../infra/stacks/api-stack');
    for (const fn of API_FUNCTIONS) {
      const routes = ROUTES.filter((r) => r.fn === fn);
      if (!routes.length) continue;
      const writes = routes.some((r) => r.method !== 'GET');
      const access = API_TABLE_ACCESS[fn];
      // A new write route on a read-only function (or the reverse) must change its grants too: DynamoDB Local does not check IAM.
      // The users function writes people in Cognito (its Admin* grants), not in Data: it only appends the audit event.
      const writesData = writes && !STATE_OUTSIDE_DYNAMODB.includes(fn);
      expect({ fn, data: access.Data, audit: access.Audit ?? 'NONE' }).toEqual(
        writes ? { fn, data: writesData ? 'RW' : 'RO', audit: 'APPEND' } : { fn, data: 'RO', audit: fn === 'audit' ? 'RO' : 'NONE' },
      );
    }
  });
});

describe('CloudFormation’s 500 resources a stack', () => {
  it('leaves every stack room to grow (at most 450 resources each; the API stack has 378)', () => {
    const counts = Object.fromEntries((['data', 'api', 'ocr', 'workflow', 'monitoring'] as const).map((s) => [s, Object.keys(t[s].toJSON().Resources ?? {}).length]));
    for (const [stack, n] of Object.entries(counts)) expect(n, `${stack}: ${n} resources`).toBeLessThanOrEqual(450);
    // One invoke permission per API function, scoped to the API, not two per method.
    expect(Object.keys(t.api.findResources('AWS::Lambda::Permission')).length).toBeLessThanOrEqual(API_FUNCTIONS.length + 10);
  });
});
