import { existsSync, readFileSync } from 'node:fs';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { ROUTES } from '../../shared/api/routes';
import { TABLES } from '../../shared/platform/aws/tables';
import { synthTemplates } from './stacks';
import { PEOPLE_READ_ACTIONS } from '../../infra/stacks/api-stack';
// The people the assignments function reads (giving work) and the reminder job (the person's address).
const READERS = ['AssignmentRemindersServiceRoleDefaultPolicy', 'FnassignmentsServiceRoleDefaultPolicy'];

let t: ReturnType<typeof synthTemplates>;
beforeAll(() => {
  t = synthTemplates();
});

describe('data stack', () => {
  it('has every declared table with PITR, deletion protection and a customer-managed key', () => {
    const tables = t.data.findResources('AWS::DynamoDB::GlobalTable');
    expect(Object.keys(tables)).toHaveLength(TABLES.length);
    for (const res of Object.values(tables)) {
      const p = res.Properties;
      expect(p.Replicas[0].DeletionProtectionEnabled).toBe(true);
      expect(p.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(p.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
      expect(p.Replicas[0].SSESpecification.KMSMasterKeyId).toBeDefined();
    }
  });

  it('keeps the tables and key when the stack is deleted', () => {
    for (const res of Object.values(t.data.findResources('AWS::DynamoDB::GlobalTable'))) expect(res.DeletionPolicy).toBe('Retain');
    t.data.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ EnableKeyRotation: true }) });
  });

  it('encrypts the scans bucket with KMS, versions it and blocks public access', () => {
    t.data.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.anyValue(),
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() }) }),
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
  });

  it('denies every non-TLS request on every bucket', () => {
    const buckets = Object.keys(t.data.findResources('AWS::S3::Bucket'));
    const policies = Object.values(t.data.findResources('AWS::S3::BucketPolicy'));
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    for (const logicalId of buckets) {
      const policy = policies.find((p) => p.Properties.Bucket.Ref === logicalId);
      expect(policy, `bucket ${logicalId} has a policy`).toBeDefined();
      expect(policy!.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      );
    }
  });
});

describe('api stack', () => {
  it('puts the Cognito authorizer on every protected route and none on the public ones', () => {
    const methods = Object.values(t.api.findResources('AWS::ApiGateway::Method')).map((m) => m.Properties);
    const byOperation = new Map(methods.filter((m) => m.OperationName).map((m) => [m.OperationName as string, m]));
    expect(byOperation.size).toBe(ROUTES.length);
    for (const r of ROUTES) {
      const m = byOperation.get(r.operationId)!;
      expect(m, r.operationId).toBeDefined();
      expect(m.HttpMethod).toBe(r.method);
      if (r.auth === 'none') expect(m.AuthorizationType, r.operationId).toBe('NONE');
      else {
        expect(m.AuthorizationType, r.operationId).toBe('COGNITO_USER_POOLS');
        expect(m.AuthorizerId, r.operationId).toEqual({ Ref: expect.stringMatching(/^Authorizer/) });
        expect(m.AuthorizationScopes?.length, r.operationId).toBeGreaterThan(0);
      }
    }
    // The only methods without the authorizer are the public routes and CORS preflights.
    const open = methods.filter((m) => m.AuthorizationType === 'NONE').map((m) => m.OperationName ?? m.HttpMethod);
    const publicOps = ROUTES.filter((r) => r.auth === 'none').map((r) => r.operationId);
    expect(open.filter((o: string) => o !== 'OPTIONS').sort()).toEqual(publicOps.sort());
  });

  it('has a user pool with every role as a group and the custom attributes', () => {
    for (const g of ['admin', 'van-thu', 'chuyen-vien', 'lanh-dao-vp', 'thuong-truc', 'ban-tham-muu', 'don-vi']) {
      t.api.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: g });
    }
    t.api.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'clearance' }),
        Match.objectLike({ Name: 'orgId' }),
        Match.objectLike({ Name: 'dept' }),
      ]),
    });
    t.api.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', { Identifier: 'daumoi', Scopes: [Match.objectLike({ ScopeName: 'reports' })] });
  });

  it('runs functions on ARM64 with the current Node.js runtime and X-Ray tracing', () => {
    const fns = Object.values(t.api.findResources('AWS::Lambda::Function')).map((f) => f.Properties);
    expect(fns.length).toBeGreaterThan(0);
    for (const f of fns) {
      expect(f.Architectures).toEqual(['arm64']);
      expect(f.Runtime).toMatch(/^nodejs(2[2-9]|[3-9]\d)\.x$/);
      expect(f.TracingConfig).toEqual({ Mode: 'Active' });
      expect(f.LoggingConfig?.LogGroup).toBeDefined();
    }
  });

  it('grants tables by exact ARN (no index wildcard) and sets the matching env variables', () => {
    const policies = Object.values(t.api.findResources('AWS::IAM::Policy'));
    const text = JSON.stringify(policies);
    expect(text).not.toContain('/index/*');
    expect(text).not.toMatch(/"Action":"(dynamodb|s3|kms):\*"/);
    const apiFns = Object.entries(t.api.findResources('AWS::Lambda::Function')).filter(([id]) => id.startsWith('Fn'));
    expect(apiFns.length).toBe(new Set(ROUTES.map((r) => r.fn)).size);
    for (const [, f] of apiFns) for (const tbl of TABLES) expect(f.Properties.Environment.Variables[tbl.envVar], tbl.envVar).toBeDefined();
  });

  it('runs the audit sealer and the search sweeper every minute, one at a time, with the tables each needs', () => {
    const fns = t.api.findResources('AWS::Lambda::Function');
    const rules = Object.values(t.api.findResources('AWS::Events::Rule')).map((r) => r.Properties);
    const byDescription = (d: string) => Object.entries(fns).find(([, f]) => String(f.Properties.Description).includes(d))!;
    for (const [d, envs] of [
      ['seals audit events', ['DAUMOI_TABLE_AUDIT']],
      ['indexes register entries', ['DAUMOI_TABLE_DATA', 'DAUMOI_TABLE_SEARCH', 'DAUMOI_BUCKET']],
    ] as const) {
      const [id, f] = byDescription(d);
      expect(f.Properties.ReservedConcurrentExecutions, d).toBe(1);
      expect(Object.keys(f.Properties.Environment.Variables), d).toEqual(expect.arrayContaining([...envs]));
      expect(rules.some((r) => r.ScheduleExpression === 'rate(1 minute)' && JSON.stringify(r.Targets).includes(id)), d).toBe(true);
    }
    const [verifierId, verifier] = byDescription('verifies the whole audit hash chain');
    expect(verifier.Properties.ReservedConcurrentExecutions).toBe(1);
    expect(rules.some((r) => r.ScheduleExpression === 'cron(0 18 * * ? *)' && JSON.stringify(r.Targets).includes(verifierId))).toBe(true);
  });
});

/** AwsSolutions findings written to the assembly's validation report (absent when there are none). */
function nagViolations(dir: string): string[] {
  const file = path.join(dir, 'validation-report.json');
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    pluginReports: { pluginName: string; violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[] }[];
  };
  return report.pluginReports
    .filter((p) => /AwsSolutions/i.test(p.pluginName))
    .flatMap((p) => p.violations.map((v) => `${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`));
}

describe('cdk-nag', () => {
  it('catches a finding in a deliberately bad stack (the check is live)', () => {
    const app = new App();
    const stack = new Stack(app, 'Bad', { env: { region: 'ap-southeast-1' } });
    new Bucket(stack, 'Open');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    let dir = '';
    try {
      dir = app.synth().directory;
    } catch {
      dir = app.outdir;
    }
    expect(nagViolations(dir).join('\n')).toMatch(/AwsSolutions-S10/);
  });

  it('reports no unacknowledged AwsSolutions finding on the daumoi stacks', () => {
    expect(nagViolations(t.assembly.directory)).toEqual([]);
  });
});

describe('identity: nobody raises their own clearance', () => {
  const clients = () => Object.entries(t.api.findResources('AWS::Cognito::UserPoolClient'));

  it('gives no app client write access to a custom attribute (clearance, department, organisation)', () => {
    // Without WriteAttributes, Cognito lets a signed-in user write every attribute, custom:clearance
    // included, with their own access token (UpdateUserAttributes).
    expect(clients().length).toBeGreaterThan(0);
    for (const [id, c] of clients()) {
      const write = c.Properties.WriteAttributes as string[] | undefined;
      expect(write, `${id} WriteAttributes`).toBeDefined();
      expect(write!.filter((a) => a.startsWith('custom:')), id).toEqual([]);
    }
  });

  it("passes the web app client's id to every API function, whose verifier accepts people's tokens only from it", () => {
    const web = clients().find(([id]) => id.startsWith('UsersWebClient'));
    expect(web).toBeDefined();
    const apiFns = Object.entries(t.api.findResources('AWS::Lambda::Function')).filter(([id]) => id.startsWith('Fn'));
    expect(apiFns.length).toBeGreaterThan(0);
    for (const [id, f] of apiFns) expect(f.Properties.Environment.Variables.DAUMOI_USER_POOL_CLIENT_IDS, id).toEqual({ Ref: web![0] });
  });

  it('lets only the users function administer people, on the user pool alone; the assignments function only reads them', () => {
    const pool = Object.keys(t.api.findResources('AWS::Cognito::UserPool'))[0]!;
    const admins: string[] = [];
    const readers: string[] = [];
    const READ = PEOPLE_READ_ACTIONS;
    for (const [id, p] of Object.entries(t.api.findResources('AWS::IAM::Policy'))) {
      for (const s of p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
        const actions = ([] as string[]).concat(s.Action);
        if (!actions.some((a) => /^cognito-idp:(Admin|ListUsers)/.test(a))) continue;
        (actions.every((a) => READ.includes(a)) ? readers : admins).push(id);
        expect(s.Resource, id).toEqual({ 'Fn::GetAtt': [pool, 'Arn'] });
        expect(actions.every((a) => a.startsWith('cognito-idp:')), id).toBe(true);
      }
    }
    expect(admins.length).toBe(1);
    expect(admins[0]).toMatch(/^Fnusers/);
    // Giving work checks the person named (enabled, cleared, department); reminders find the person's address.
    expect(readers.map((r) => r.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(READERS);
  });
});
