/** The console in the cloud (infra/constructs/console.ts): hosting, headers, config.json, sign-in client, CORS. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { synthTemplates } from './stacks';

type Resource = { Type: string; Properties: Record<string, any> };
let t: ReturnType<typeof synthTemplates>;
let resources: [string, Resource][];
const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
const one = (type: string) => {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
/** A CloudFormation string as text, each intrinsic written as its JSON (enough to compare references). */
const flat = (v: unknown): string =>
  typeof v === 'string' ? v : v && typeof v === 'object' && 'Fn::Join' in v ? ((v as any)['Fn::Join'][1] as unknown[]).map(flat).join((v as any)['Fn::Join'][0]) : JSON.stringify(v);

let distributionId: string;
let consoleOrigin: string;

beforeAll(() => {
  const dist = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Văn phòng</title>');
  writeFileSync(path.join(dist, 'config.json'), '{"apiUrl":"http://localhost:3000"}'); // a stale local one must not ship
  t = synthTemplates({ 'daumoi:consoleDist': dist });
  const consoleStack = Template.fromStack(t.app.node.findChild('Daumoi-dev-Console') as Stack);
  resources = [...Object.entries(t.api.toJSON().Resources as Record<string, Resource>), ...Object.entries(consoleStack.toJSON().Resources as Record<string, Resource>)];
  distributionId = one('AWS::CloudFront::Distribution')[0];
  consoleOrigin = flat({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] });
});

describe('console hosting', () => {
  it('keeps the assets bucket private: public access blocked, read only by this distribution through origin access control', () => {
    const [, dist] = one('AWS::CloudFront::Distribution');
    const origin = dist.Properties.DistributionConfig.Origins[0];
    const bucketId = origin.DomainName['Fn::GetAtt'][0] as string;
    const bucket = resources.find(([id]) => id === bucketId)![1];
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    const [, oac] = one('AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    const policy = ofType('AWS::S3::BucketPolicy').find(([, p]) => p.Properties.Bucket.Ref === bucketId)![1];
    const allows = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0].Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(allows[0].Action).toBe('s3:GetObject');
    expect(flat(allows[0].Condition.StringEquals['AWS:SourceArn'])).toContain(JSON.stringify({ Ref: distributionId }));
  });

  it('serves over HTTPS only and answers app routes (403/404 from S3) with index.html', () => {
    const cfg = one('AWS::CloudFront::Distribution')[1].Properties.DistributionConfig;
    expect(cfg.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(cfg.DefaultRootObject).toBe('index.html');
    const errors = cfg.CustomErrorResponses.map((e: any) => [e.ErrorCode, e.ResponseCode, e.ResponsePagePath]).sort();
    expect(errors).toEqual([
      [403, 200, '/index.html'],
      [404, 200, '/index.html'],
    ]);
  });

  it('adds a strict CSP (no inline or eval scripts) and the security headers, connecting only to the API, Cognito and the scans bucket', () => {
    const [policyId, policy] = one('AWS::CloudFront::ResponseHeadersPolicy');
    expect(one('AWS::CloudFront::Distribution')[1].Properties.DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const h = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = flat(h.ContentSecurityPolicy.ContentSecurityPolicy);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    const connect = directives.get('connect-src')!;
    expect(connect[0]).toBe("'self'");
    expect(connect.join(' ')).not.toMatch(/\*|http:/);
    const apiId = resources.find(([, r]) => r.Type === 'AWS::ApiGateway::RestApi')![0];
    expect(connect.some((o) => o.startsWith('https://') && o.includes(JSON.stringify({ Ref: apiId })) && o.includes('.execute-api.'))).toBe(true);
    expect(connect.some((o) => o.includes('.auth.') && o.includes('amazoncognito.com'))).toBe(true);
    expect(connect.some((o) => o.includes('ScansBucket') && o.includes('RegionalDomainName'))).toBe(true);
    expect(h.ContentSecurityPolicy.Override).toBe(true);
    expect(h.FrameOptions.FrameOption).toBe('DENY');
    expect(h.ContentTypeOptions.Override).toBe(true);
    expect(h.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31536000);
  });

  it('writes config.json at deploy with the API URL, the Cognito authority, the web client and the logout endpoint', () => {
    const [, deploy] = one('Custom::CDKBucketDeployment');
    const p = deploy.Properties;
    // From the console stack: the API stack's bucket and distribution, by export.
    const bucketId = one('AWS::CloudFront::Distribution')[1].Properties.DistributionConfig.Origins[0].DomainName['Fn::GetAtt'][0];
    expect(flat(p.DestinationBucketName)).toBe(flat(resources.find(([id]) => id === bucketId)![1].Properties.BucketName));
    expect(flat(p.DistributionId)).toContain(distributionId);
    expect(p.DistributionPaths).toEqual(['/*']);
    const sources = (p.SourceObjectKeys as string[]).map((key, i) => {
      const dir = path.join(t.assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
      return { dir, markers: p.SourceMarkers[i] as Record<string, unknown> };
    });
    const withConfig = sources.filter((s) => {
      try {
        readFileSync(path.join(s.dir, 'config.json'));
        return true;
      } catch {
        return false;
      }
    });
    expect(withConfig).toHaveLength(1); // the built one is excluded: only CDK's
    let text = readFileSync(path.join(withConfig[0]!.dir, 'config.json'), 'utf8');
    for (const [marker, value] of Object.entries(withConfig[0]!.markers)) text = text.split(marker).join(flat(value).replace(/"/g, "'"));
    const config = JSON.parse(text) as Record<string, string>;
    const ref = (type: string) => resources.find(([, r]) => r.Type === type)![0];
    expect(Object.keys(config).sort()).toEqual(['apiUrl', 'authority', 'clientId', 'logoutUrl']);
    expect(config.apiUrl).toMatch(/^https:\/\/.+\.execute-api\..+\/.+[^/]$/);
    expect(config.apiUrl).toContain(ref('AWS::ApiGateway::RestApi'));
    expect(config.apiUrl).toContain(ref('AWS::ApiGateway::Stage'));
    expect(config.authority).toMatch(/^https:\/\/cognito-idp\./);
    expect(config.authority).toContain(ref('AWS::Cognito::UserPool'));
    expect(config.clientId).toMatch(new RegExp(`^\\{'Fn::ImportValue':'Daumoi-dev-Api:ExportsOutputRef${ref('AWS::Cognito::UserPoolClient')}[0-9A-F]*'\\}$`));
    expect(config.logoutUrl).toMatch(/^https:\/\/.+\.auth\..+amazoncognito\.com\/logout$/);
  });

  it('the synth says how to build the console when web/dist is missing', () => {
    const missing = synthTemplates({ 'daumoi:consoleDist': path.join(tmpdir(), 'no-such-console-dist') });
    const deployments = Template.fromStack(missing.app.node.findChild('Daumoi-dev-Console') as Stack).findResources('Custom::CDKBucketDeployment');
    expect(Object.values(deployments).map((d) => d.Properties.SourceObjectKeys.length)).toEqual([1]); // config.json only
    const messages = missing.assembly.getStackArtifact('Daumoi-dev-Api').messages.filter((m) => m.level === 'error').map((m) => String(m.entry.data));
    expect(messages.some((m) => m.includes('npm run build:web'))).toBe(true);
  });
});

describe('console sign-in and CORS', () => {
  it('gives the console a public client: authorization code (PKCE), no secret, its callback and sign-out URLs, the scopes the API needs', () => {
    const [, client] = one('AWS::Cognito::UserPoolClient');
    const p = client.Properties;
    expect(p.AllowedOAuthFlows).toEqual(['code']);
    expect(p.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(p.GenerateSecret).not.toBe(true);
    expect([...p.AllowedOAuthScopes].sort()).toEqual(['aws.cognito.signin.user.admin', 'email', 'openid', 'profile']);
    expect(p.CallbackURLs.map(flat)).toEqual([`${consoleOrigin}/callback`]);
    expect(p.LogoutURLs.map(flat)).toEqual([`${consoleOrigin}/da-dang-xuat`]);
    t.api.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
    const [, domain] = one('AWS::Cognito::UserPoolDomain');
    expect(domain.Properties.ManagedLoginVersion).toBe(2);
    const [, branding] = one('AWS::Cognito::ManagedLoginBranding');
    expect(branding.Properties.ClientId).toEqual({ Ref: one('AWS::Cognito::UserPoolClient')[0] });
  });

  it('lets browsers call the API from the console’s origin only (preflights and the gateway’s own errors)', () => {
    const preflights = ofType('AWS::ApiGateway::Method').filter(([, m]) => m.Properties.HttpMethod === 'OPTIONS');
    expect(preflights.length).toBeGreaterThan(10);
    for (const [id, m] of preflights) {
      const origins = m.Properties.Integration.IntegrationResponses.map((r: any) => flat(r.ResponseParameters['method.response.header.Access-Control-Allow-Origin']));
      expect(origins, id).toEqual([`'${consoleOrigin}'`]);
    }
    const gateway = ofType('AWS::ApiGateway::GatewayResponse').map(([, g]) => [g.Properties.ResponseType, flat(g.Properties.ResponseParameters['gatewayresponse.header.Access-Control-Allow-Origin'])]);
    expect(gateway.sort()).toEqual([
      ['DEFAULT_4XX', `'${consoleOrigin}'`],
      ['DEFAULT_5XX', `'${consoleOrigin}'`],
    ]);
  });

  it('lets the console PUT scans to the scans bucket’s presigned URLs, from its origin only', () => {
    const [, cors] = one('Custom::AWS');
    const create = JSON.parse(flat(cors.Properties.Create).replace(/\{"Fn::[^}]*\}\}?|\{"Ref":"[^"]*"\}/g, (m) => m.replace(/"/g, "'")));
    expect(create.action).toBe('putBucketCors');
    expect(create.parameters.Bucket).toContain('ScansBucket');
    const rules = create.parameters.CORSConfiguration.CORSRules;
    expect(rules).toHaveLength(1);
    expect(rules[0].AllowedMethods).toEqual(['GET', 'PUT']);
    expect(rules[0].AllowedOrigins).toHaveLength(1);
    expect(rules[0].AllowedOrigins[0]).toMatch(new RegExp(`^https://\\{'Fn::ImportValue':'Daumoi-dev-Api:ExportsOutputFnGetAtt${distributionId}DomainName[0-9A-F]*'\\}$`));
  });
});
