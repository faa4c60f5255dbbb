/**
 * Giao việc in the cloud: the assignments function serves its routes with the grants it needs and no
 * more (Data RW, Audit append, Idempotency; the user pool read only), the reminder job runs hourly
 * with the notifier's SES grant and its own tables, and cdk-nag has nothing to say.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthTemplates } from './stacks';
import { ROUTES } from '../../shared/api/routes';
import { ENV } from '../../shared/platform/env';

let t: ReturnType<typeof synthTemplates>;
beforeAll(() => {
  t = synthTemplates();
}, 120_000);

type Res = { Type: string; Properties: Record<string, any> };
const resources = () => t.api.toJSON().Resources as Record<string, Res>;
const fnBy = (description: RegExp) => Object.entries(resources()).find(([, r]) => r.Type === 'AWS::Lambda::Function' && description.test(String(r.Properties.Description)))!;
const policyActions = (fnId: string) => {
  const role = resources()[fnId]!.Properties.Role['Fn::GetAtt'][0];
  return Object.values(resources())
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref: string }[]).some((x) => x.Ref === role))
    .flatMap((r) => (r.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((s) => [s.Action].flat()));
};

describe('assignments in the API stack', () => {
  it('serves every assignment route from the assignments function', () => {
    const paths = ROUTES.filter((r) => r.fn === 'assignments').map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain('POST /v1/registers/incoming/entries/{id}/instruction');
    expect(paths).toContain('GET /v1/assignments/stats');
    const [id, fn] = fnBy(/API: assignments/);
    expect(fn.Properties.Handler).toBeDefined();
    const actions = policyActions(id);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'cognito-idp:AdminGetUser']));
    // Never a change to people.
    expect(actions.filter((a) => /^cognito-idp:Admin(Update|Delete|Add|Remove|UserGlobal)/.test(a))).toEqual([]);
  });

  it('runs the reminder job hourly, with SES and its tables, one run at a time', () => {
    const [id, fn] = fnBy(/reminds of assignments/);
    expect(fn.Properties.ReservedConcurrentExecutions).toBe(1);
    expect(fn.Properties.Environment.Variables).toEqual(expect.objectContaining({ [ENV.dataTable]: expect.anything(), [ENV.auditTable]: expect.anything() }));
    const rules = Object.values(resources()).filter((r) => r.Type === 'AWS::Events::Rule' && JSON.stringify(r.Properties.Targets).includes(id));
    expect(rules.map((r) => r.Properties.ScheduleExpression)).toEqual(['cron(10 * * * ? *)']);
    expect(policyActions(id)).toEqual(expect.arrayContaining(['ses:SendEmail', 'dynamodb:PutItem', 'dynamodb:Query']));
    // It reads people's e-mail from the user pool, and changes nobody.
    expect(fn.Properties.Environment.Variables).toEqual(expect.objectContaining({ [ENV.userPoolId]: expect.anything() }));
    expect(policyActions(id)).toEqual(expect.arrayContaining(['cognito-idp:ListUsers', 'cognito-idp:ListUsersInGroup', 'cognito-idp:AdminGetUser']));
    expect(policyActions(id).filter((a) => /^cognito-idp:Admin(Update|Delete|Add|Remove|UserGlobal)/.test(a))).toEqual([]);
  });

  it('leaves no unacknowledged cdk-nag finding', () => {
    const file = path.join(t.assembly.directory, 'validation-report.json');
    const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { pluginReports: { pluginName: string; violations: { ruleName: string }[] }[] }) : { pluginReports: [] };
    expect(report.pluginReports.filter((p) => /AwsSolutions/i.test(p.pluginName)).flatMap((p) => p.violations.map((v) => v.ruleName))).toEqual([]);
  });
});
