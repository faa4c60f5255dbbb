/** The office's signing key in the API stack: asymmetric KMS, only the registers function and the exchange's functions may sign, its certificate from context; cdk-nag clean. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthTemplates } from './stacks';
import { SIGNING_ENV } from '../../shared/documents/env';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBdGVzdA==\n-----END CERTIFICATE-----\n';
let t: ReturnType<typeof synthTemplates>;
beforeAll(() => {
  t = synthTemplates({ 'daumoi:signingCertificate': PEM });
});

const functionNamed = (fn: string) => Object.entries(t.api.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith(`Fn${fn}`))!;

describe('signing key', () => {
  it('is an asymmetric RSA_2048 SIGN_VERIFY key, kept on stack deletion', () => {
    const keys = Object.values(t.api.findResources('AWS::KMS::Key')).filter((k) => k.Properties.KeySpec === 'RSA_2048');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ Properties: { KeyUsage: 'SIGN_VERIFY' }, DeletionPolicy: 'Retain' });
  });
  it('denies kms:Sign to every principal but the signing functions (registers; the exchange’s API and sender), which alone are granted it', () => {
    const key = Object.values(t.api.findResources('AWS::KMS::Key')).find((k) => k.Properties.KeySpec === 'RSA_2048')!;
    const deny = key.Properties.KeyPolicy.Statement.find((s: { Effect: string }) => s.Effect === 'Deny');
    const roleOf = (fn: [string, { [key: string]: any }]) => fn[1].Properties.Role['Fn::GetAtt'][0] as string;
    const sender = Object.entries(t.api.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith('ExchangeDeliveryFn'))!;
    const roles = [roleOf(functionNamed('registers')), roleOf(functionNamed('exchange')), roleOf(sender)];
    expect(deny).toMatchObject({ Action: 'kms:Sign', Principal: { AWS: '*' } });
    expect(deny.Condition.StringNotEquals['aws:PrincipalArn']).toEqual(roles.map((r) => ({ 'Fn::GetAtt': [r, 'Arn'] })));
    const signers = Object.entries(t.api.findResources('AWS::IAM::Policy'))
      .filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes('kms:Sign'))
      .flatMap(([, p]) => p.Properties.Roles.map((r: { Ref: string }) => r.Ref));
    expect(signers.sort()).toEqual([...roles].sort());
  });
  it('gives the registers function the key and the certificate from daumoi:signingCertificate', () => {
    const env = functionNamed('registers')[1].Properties.Environment.Variables;
    expect(env[SIGNING_ENV.kmsKeyId]).toBeDefined();
    expect(env[SIGNING_ENV.certificate]).toBe(PEM);
    expect(functionNamed('scans')[1].Properties.Environment.Variables[SIGNING_ENV.kmsKeyId]).toBeUndefined();
  });
  it('leaves no unacknowledged cdk-nag finding', () => {
    const file = path.join(t.assembly.directory, 'validation-report.json');
    const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { pluginReports: { pluginName: string; violations: { ruleName: string }[] }[] }) : { pluginReports: [] };
    expect(report.pluginReports.filter((p) => /AwsSolutions/i.test(p.pluginName)).flatMap((p) => p.violations.map((v) => v.ruleName))).toEqual([]);
  });
});
