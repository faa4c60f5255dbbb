/**
 * The cloud edges of the reporting capability, against recorded AWS shapes: the Cognito
 * pre-token-generation event (V3, client credentials), CreateUserPoolClient / DeleteUserPoolClient
 * and SES SendEmail. The AWS call is an injected `send`; no network.
 */
import { describe, expect, it } from 'vitest';
import type { PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { CreateUserPoolClientCommand, DeleteUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { preTokenGeneration, orgClientClaims } from '../../shared/identity/adapters/pre-token-claims';
import type { ClientRegistry, MachineClient } from '../../shared/identity/ports/client-registry';
import { CognitoClientProvisioner } from '../../shared/identity/adapters/cognito-client-provisioner';
import { SesNotifier } from '../../shared/platform/notify/ses-notifier';

/** As Cognito sends it for `POST /oauth2/token` with grant_type=client_credentials (trigger version V3_0). */
const recordedClientCredentialsEvent = (): PreTokenGenerationV3TriggerEvent =>
  ({
    version: '3',
    triggerSource: 'TokenGeneration_ClientCredentials',
    region: 'ap-southeast-1',
    userPoolId: 'ap-southeast-1_AbCdEf123',
    userName: null,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '4hb6qk0ho6ckqvr0nqrqg6mb1m' },
    request: {
      userAttributes: {},
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      scopes: ['daumoi/reports'],
    },
    response: { claimsAndScopeOverrideDetails: null },
  }) as unknown as PreTokenGenerationV3TriggerEvent;

const client = (over: Partial<MachineClient> = {}): MachineClient => ({
  clientId: '4hb6qk0ho6ckqvr0nqrqg6mb1m',
  orgId: 'xa-a',
  name: 'Đảng ủy xã A',
  revoked: false,
  createdAt: '2026-11-01T00:00:00.000Z',
  scopes: ['daumoi/reports'],
  ...over,
});
const registryOf = (...clients: MachineClient[]): ClientRegistry => ({ get: async (id) => clients.find((c) => c.clientId === id) });

describe('pre-token-generation trigger', () => {
  it('adds the group and organisation of a registered client to its access token', async () => {
    const out = await preTokenGeneration(() => registryOf(client()))(recordedClientCredentialsEvent());
    expect(out.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { 'custom:orgId': 'xa-a', 'custom:clearance': 'none' } },
      groupOverrideDetails: { groupsToOverride: ['don-vi'] },
    });
    expect(out.triggerSource).toBe('TokenGeneration_ClientCredentials');
    expect(orgClientClaims({ orgId: 'b' }).accessTokenGeneration?.claimsToAddOrOverride?.['custom:orgId']).toBe('b');
  });

  it('refuses a token to an unknown or revoked client', async () => {
    await expect(preTokenGeneration(() => registryOf())(recordedClientCredentialsEvent())).rejects.toThrow(/not registered/);
    await expect(preTokenGeneration(() => registryOf(client({ revoked: true })))(recordedClientCredentialsEvent())).rejects.toThrow(/revoked/);
  });

  it('copies a person’s clearance and department into the access token, without asking the client registry', async () => {
    const base = recordedClientCredentialsEvent();
    const human = {
      ...base,
      triggerSource: 'TokenGeneration_Authentication',
      userName: 'bantochuc',
      request: { ...base.request, userAttributes: { sub: 'u-1', 'custom:clearance': 'mat', 'custom:dept': 'BTCTU' } },
    } as unknown as PreTokenGenerationV3TriggerEvent;
    let asked = false;
    const out = await preTokenGeneration(() => ({ get: async () => ((asked = true), undefined) }))(human);
    expect(asked).toBe(false);
    expect(out.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ 'custom:clearance': 'mat', 'custom:dept': 'BTCTU' });
    expect(out.response.claimsAndScopeOverrideDetails?.groupOverrideDetails).toBeUndefined();
  });
});

describe('Cognito client provisioner', () => {
  it('makes a client-credentials app client with the reports scope and returns its id and secret', async () => {
    const sent: unknown[] = [];
    const p = new CognitoClientProvisioner(async (cmd) => {
      sent.push(cmd);
      // Recorded CreateUserPoolClient response (fields Cognito returns for such a client).
      return {
        $metadata: { httpStatusCode: 200, requestId: '5f0c3c2e-0000-4000-8000-000000000000', attempts: 1, totalRetryDelay: 0 },
        UserPoolClient: {
          UserPoolId: 'ap-southeast-1_AbCdEf123',
          ClientName: 'daumoi-org-xa-a',
          ClientId: '4hb6qk0ho6ckqvr0nqrqg6mb1m',
          ClientSecret: '1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6',
          LastModifiedDate: new Date('2026-11-01T00:00:00Z'),
          CreationDate: new Date('2026-11-01T00:00:00Z'),
          RefreshTokenValidity: 30,
          AccessTokenValidity: 60,
          TokenValidityUnits: { AccessToken: 'minutes' },
          AllowedOAuthFlows: ['client_credentials'],
          AllowedOAuthScopes: ['daumoi/reports'],
          AllowedOAuthFlowsUserPoolClient: true,
          PreventUserExistenceErrors: 'ENABLED',
          EnableTokenRevocation: true,
          EnablePropagateAdditionalUserContextData: false,
          AuthSessionValidity: 3,
        },
      };
    }, 'ap-southeast-1_AbCdEf123');
    const made = await p.create({ orgId: 'xa-a', name: 'Đảng ủy xã A (phần mềm)' });
    expect(made).toEqual({ clientId: '4hb6qk0ho6ckqvr0nqrqg6mb1m', clientSecret: '1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(CreateUserPoolClientCommand);
    expect((sent[0] as CreateUserPoolClientCommand).input).toMatchObject({
      UserPoolId: 'ap-southeast-1_AbCdEf123',
      ClientName: 'daumoi-org-xa-a',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['daumoi/reports'],
    });
    // Cognito's ClientName allows [\w\s+=,.@-] only: the Vietnamese display name stays out of it.
    expect((sent[0] as CreateUserPoolClientCommand).input.ClientName).toMatch(/^[\w\s+=,.@-]+$/);
  });

  it('fails loudly when Cognito returns no secret, and deletes clients idempotently', async () => {
    await expect(new CognitoClientProvisioner(async () => ({ UserPoolClient: { ClientId: 'x' } }), 'pool').create({ orgId: 'a', name: 'a' })).rejects.toThrow(/no client id or secret/);
    const sent: unknown[] = [];
    const gone = Object.assign(new Error('User pool client 4hb6 does not exist.'), { name: 'ResourceNotFoundException' });
    const p = new CognitoClientProvisioner(async (cmd) => {
      sent.push(cmd);
      if (sent.length > 1) throw gone;
      return { $metadata: { httpStatusCode: 200 } };
    }, 'pool');
    await p.remove('4hb6qk0ho6ckqvr0nqrqg6mb1m');
    await p.remove('4hb6qk0ho6ckqvr0nqrqg6mb1m');
    expect(sent.map((c) => (c as DeleteUserPoolClientCommand).input)).toEqual([
      { UserPoolId: 'pool', ClientId: '4hb6qk0ho6ckqvr0nqrqg6mb1m' },
      { UserPoolId: 'pool', ClientId: '4hb6qk0ho6ckqvr0nqrqg6mb1m' },
    ]);
    const denied = new CognitoClientProvisioner(async () => {
      throw Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
    }, 'pool');
    await expect(denied.remove('x')).rejects.toThrow('denied');
  });
});

describe('SES notifier', () => {
  const clock = { now: () => new Date('2026-11-06T01:00:00Z') };

  it('sends a UTF-8 plain-text e-mail and keeps SES’s message id', async () => {
    const sent: SendEmailCommand[] = [];
    const n = new SesNotifier(async (cmd) => {
      sent.push(cmd);
      return { MessageId: '010e019a5f3e2b1c-7d1f2e3a-0000-4000-8000-000000000000-000000', $metadata: { httpStatusCode: 200 } } as never;
    }, 'Văn phòng Tỉnh ủy <vanphong@example.gov.vn>', clock, 'daumoi');
    const out = await n.send({ to: ['c@example.vn'], subject: 'Quá hạn gửi Báo cáo tháng', text: 'Kính gửi: Chi bộ C', kind: 'report-reminder', orgId: 'c', ref: 'BC-THANG/2026-10' });
    expect(out).toMatchObject({ status: 'sent', messageId: '010e019a5f3e2b1c-7d1f2e3a-0000-4000-8000-000000000000-000000', sentAt: '2026-11-06T01:00:00.000Z', orgId: 'c' });
    expect(sent[0]!.input).toEqual({
      FromEmailAddress: 'Văn phòng Tỉnh ủy <vanphong@example.gov.vn>',
      Destination: { ToAddresses: ['c@example.vn'] },
      Content: { Simple: { Subject: { Data: 'Quá hạn gửi Báo cáo tháng', Charset: 'UTF-8' }, Body: { Text: { Data: 'Kính gửi: Chi bộ C', Charset: 'UTF-8' } } } },
      EmailTags: [{ Name: 'kind', Value: 'report-reminder' }],
      ConfigurationSetName: 'daumoi',
    });
  });

  it('does not call SES for an organisation without an address', async () => {
    let calls = 0;
    const n = new SesNotifier(async () => ((calls++, { MessageId: 'x' }) as never), 'a@b.c', clock);
    expect((await n.send({ to: [], subject: 's', text: 't', kind: 'report-reminder' })).status).toBe('skipped');
    expect(calls).toBe(0);
  });
});
