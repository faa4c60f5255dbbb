/**
 * The office's signing key in the API stack: asymmetric KMS, only the registers function and the exchange's functions may sign,
 * its certificate from context; without one (a dev stage) a custom resource makes a self-signed
 * certificate at deploy and its function alone may sign beside the registers function; the OCR
 * worker verifies against the office's certificate and the configured roots; cdk-nag clean.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthTemplates } from './stacks';
import { SIGNING_ENV } from '../../shared/documents/env';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBdGVzdA==\n-----END CERTIFICATE-----\n';
const ROOTS = '-----BEGIN CERTIFICATE-----\nMIIBcm9vdA==\n-----END CERTIFICATE-----\n';
let t: ReturnType<typeof synthTemplates>;
let dev: ReturnType<typeof synthTemplates>;
beforeAll(() => {
  t = synthTemplates({ 'daumoi:signingCertificate': PEM, 'daumoi:trustRoots': ROOTS });
  dev = synthTemplates();
});

const functionNamed = (fn: string, in_ = t) => Object.entries(in_.api.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith(`Fn${fn}`))!;
const nagFindings = (s: ReturnType<typeof synthTemplates>) => {
  const file = path.join(s.assembly.directory, 'validation-report.json');
  const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { pluginReports: { pluginName: string; violations: { ruleName: string }[] }[] }) : { pluginReports: [] };
  return report.pluginReports.filter((p) => /AwsSolutions/i.test(p.pluginName)).flatMap((p) => p.violations.map((v) => v.ruleName));
};
const ocrEnv = (s: ReturnType<typeof synthTemplates>) => (Object.values(s.ocr.findResources('AWS::Lambda::Function')).find((f) => JSON.stringify(f).includes('DAUMOI_OCR_ENGINE'))!.Properties.Environment.Variables as Record<string, unknown>);

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
    expect(nagFindings(t)).toEqual([]);
  });
  it('makes no certificate at deploy when one is configured', () => {
    expect(Object.keys(t.api.findResources('Custom::DaumoiDevCertificate'))).toEqual([]);
  });
  it('gives the OCR worker the office certificate and the configured roots to verify received PDFs against', () => {
    expect(ocrEnv(t)).toMatchObject({ [SIGNING_ENV.certificate]: PEM, [SIGNING_ENV.trustRoots]: ROOTS });
    expect(ocrEnv(t)[SIGNING_ENV.kmsKeyId]).toBeUndefined();
  });
});

describe('a dev stage without daumoi:signingCertificate', () => {
  it('makes a self-signed certificate at deploy with a custom resource whose function alone may sign beside the signing functions', () => {
    const made = Object.entries(dev.api.findResources('Custom::DaumoiDevCertificate'));
    expect(made).toHaveLength(1);
    const [crId, cr] = made[0]!;
    const [makerId] = cr.Properties.ServiceToken['Fn::GetAtt'];
    const maker = dev.api.findResources('AWS::Lambda::Function')[makerId]!;
    expect(JSON.stringify(maker)).toContain('self-signed certificate');
    const key = Object.values(dev.api.findResources('AWS::KMS::Key')).find((k) => k.Properties.KeySpec === 'RSA_2048')!;
    expect(cr.Properties.KeyId).toEqual({ 'Fn::GetAtt': [Object.keys(dev.api.findResources('AWS::KMS::Key')).find((id) => dev.api.findResources('AWS::KMS::Key')[id] === key), 'Arn'] });
    const deny = key.Properties.KeyPolicy.Statement.find((s: { Effect: string }) => s.Effect === 'Deny');
    const sender = Object.entries(dev.api.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith('ExchangeDeliveryFn'))!;
    const roles = [functionNamed('registers', dev), functionNamed('exchange', dev), sender].map((f) => f[1].Properties.Role['Fn::GetAtt'][0]).concat(maker.Properties.Role['Fn::GetAtt'][0]);
    expect(deny.Condition.StringNotEquals['aws:PrincipalArn']).toEqual(roles.map((r) => ({ 'Fn::GetAtt': [r, 'Arn'] })));
    const signers = Object.values(dev.api.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('kms:Sign'))
      .flatMap((p) => p.Properties.Roles.map((r: { Ref: string }) => r.Ref));
    expect(signers.sort()).toEqual([...roles].sort());
    // The signing functions sign with the certificate the custom resource answered.
    for (const fn of ['registers', 'exchange']) expect(functionNamed(fn, dev)[1].Properties.Environment.Variables[SIGNING_ENV.certificate]).toEqual({ 'Fn::GetAtt': [crId, 'Certificate'] });
  });
  it('gives the OCR worker that certificate too (from the Api stack), and leaves no unacknowledged cdk-nag finding', () => {
    expect(JSON.stringify(ocrEnv(dev)[SIGNING_ENV.certificate])).toMatch(/ImportValue/);
    expect(nagFindings(dev)).toEqual([]);
  });
});
