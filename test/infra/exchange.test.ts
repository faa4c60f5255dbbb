/**
 * The exchange in the cloud: the outbox reaches an SQS queue (with a dead-letter queue) through an
 * EventBridge Pipe on the Data table's stream, the queue feeds the sender function with batch item
 * failures; the partner endpoint is public but its body is checked (and its size limited) at the
 * gateway; the exchange's functions may sign with the office key and reach only what they need.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { synthTemplates } from './stacks';
import { EXCHANGE_ENV, GATEWAY_MESSAGE_MODEL } from '../../shared/exchange/index';
import { SIGNING_ENV } from '../../shared/documents/env';
import { OUTBOX_FILTER } from '../../infra/constructs/exchange-delivery';
import { DONE_ENTRY_FILTER } from '../../shared/exchange/sender';

let t: ReturnType<typeof synthTemplates>;
beforeAll(() => {
  t = synthTemplates({ 'daumoi:officeId': 'tu-hy' });
});

const resources = (type: string) => Object.entries(t.api.findResources(type));
const senderFn = () => resources('AWS::Lambda::Function').find(([, r]) => String(r.Properties.Description ?? '').includes('exchange’s outgoing messages'))!;
const exchangeFn = () => resources('AWS::Lambda::Function').find(([id]) => id.startsWith('Fnexchange'))!;

describe('exchange delivery', () => {
  it('has a queue whose dead-letter queue takes what the sender could not handle, after more receives than its attempts', () => {
    const queues = resources('AWS::SQS::Queue');
    const withDlq = queues.filter(([, q]) => q.Properties.RedrivePolicy);
    const main = withDlq.find(([id]) => id.includes('ExchangeDelivery'))!;
    expect(main).toBeDefined();
    const attempts = Number(senderFn()[1].Properties.Environment.Variables[EXCHANGE_ENV.maxAttempts]);
    expect(main[1].Properties.RedrivePolicy.maxReceiveCount).toBeGreaterThan(attempts);
    const dlqId = main[1].Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0];
    expect(queues.map(([id]) => id)).toContain(dlqId);
    expect(main[1].Properties.VisibilityTimeout).toBeGreaterThanOrEqual(senderFn()[1].Properties.Timeout);
    for (const [id, q] of queues.filter(([id]) => id.includes('ExchangeDelivery'))) expect(q.Properties.SqsManagedSseEnabled, id).toBe(true);
  });

  it('feeds the sender from the queue with batch item failures', () => {
    const [senderId] = senderFn();
    const mappings = resources('AWS::Lambda::EventSourceMapping').filter(([, m]) => m.Properties.FunctionName.Ref === senderId && JSON.stringify(m.Properties.EventSourceArn).includes('Queue'));
    expect(mappings).toHaveLength(1);
    expect(mappings[0]![1].Properties).toMatchObject({ FunctionResponseTypes: ['ReportBatchItemFailures'] });
    expect(JSON.stringify(mappings[0]![1].Properties.EventSourceArn)).toContain('ExchangeDeliveryQueue');
  });

  it('puts new queued outbox messages on the queue through a pipe on the Data table’s stream', () => {
    const pipes = resources('AWS::Pipes::Pipe');
    expect(pipes).toHaveLength(1);
    const p = pipes[0]![1].Properties;
    expect(JSON.stringify(p.Source)).toMatch(/StreamArn/);
    expect(JSON.stringify(p.Target)).toContain('ExchangeDeliveryQueue');
    expect(JSON.parse(p.SourceParameters.FilterCriteria.Filters[0].Pattern)).toEqual(OUTBOX_FILTER);
    expect(p.TargetParameters.InputTemplate).toContain('messageId');
  });

  it('lets the sender set a failed message’s visibility (its backoff) on the delivery queue only, and tells it that queue', () => {
    const [senderId, fn] = senderFn();
    const queueId = resources('AWS::SQS::Queue').find(([id, q]) => id.includes('ExchangeDelivery') && q.Properties.RedrivePolicy)![0];
    expect(fn.Properties.Environment.Variables[EXCHANGE_ENV.queueUrl]).toEqual({ Ref: queueId });
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const sqs = resources('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
      .filter((s) => [s.Action].flat().some((a) => a.startsWith('sqs:')));
    expect(sqs.flatMap((s) => [s.Action].flat())).toContain('sqs:ChangeMessageVisibility');
    // Visibility (and receiving) on the delivery queue only; its only other SQS right: putting what it could not handle on the dead-letter queue.
    const dlqId = resources('AWS::SQS::Queue').find(([id]) => id.includes('ExchangeDeliveryDeadLetters'))![0];
    for (const s of sqs) {
      const sends = [s.Action].flat().includes('sqs:SendMessage');
      expect(s.Resource, senderId).toEqual({ 'Fn::GetAtt': [sends ? dlqId : queueId, 'Arn'] });
      if (sends) expect([s.Action].flat()).not.toContain('sqs:ChangeMessageVisibility');
    }
  });

  it('follows incoming entries written done on the Data table’s stream, so the “handled” notice goes back', () => {
    const [senderId] = senderFn();
    const streams = resources('AWS::Lambda::EventSourceMapping').filter(([, m]) => m.Properties.FunctionName.Ref === senderId && JSON.stringify(m.Properties.EventSourceArn).includes('StreamArn'));
    expect(streams).toHaveLength(1);
    const p = streams[0]![1].Properties;
    expect(JSON.parse(p.FilterCriteria.Filters[0].Pattern)).toEqual(DONE_ENTRY_FILTER);
    expect(p.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(JSON.stringify(p.DestinationConfig)).toContain('ExchangeDeliveryDeadLetters');
  });

  it('makes the partner endpoint and the identity public, every other exchange route Cognito-authorised', () => {
    const methods = resources('AWS::ApiGateway::Method').map(([, m]) => m.Properties);
    const byOp = (op: string) => methods.find((m) => m.OperationName === op)!;
    expect(byOp('receiveExchangeMessage').AuthorizationType).toBe('NONE');
    expect(byOp('getExchangeIdentity').AuthorizationType).toBe('NONE');
    for (const op of ['sendOutgoingEntry', 'listOutgoingDeliveries', 'recallOutgoingEntry', 'listExchangeInbox', 'registerExchangeInboxItem', 'returnExchangeInboxItem', 'addExchangePartner']) {
      expect(byOp(op).AuthorizationType, op).toBe('COGNITO_USER_POOLS');
    }
  });

  it('checks the partner endpoint’s body shape at the gateway but leaves its size to the function, so too large is 413, not the gateway’s 400', () => {
    const m = resources('AWS::ApiGateway::Method').map(([, x]) => x.Properties).find((x) => x.OperationName === 'receiveExchangeMessage')!;
    expect(m.RequestValidatorId).toBeDefined();
    const modelId = m.RequestModels['application/json'].Ref;
    const model = t.api.findResources('AWS::ApiGateway::Model')[modelId]!;
    // A gateway validation failure is always 400 (BAD_REQUEST_BODY): no size limit there.
    expect(JSON.stringify(model.Properties.Schema)).not.toMatch(/maxLength"?:\s*[0-9]{5,}/);
    expect(model.Properties.Schema.properties.content.maxLength).toBeUndefined();
    // The function answers 413 above its limit, which stays under Lambda's 6 MB request payload (with room for the event), where the gateway answers 413 itself.
    const limit = Number(exchangeFn()[1].Properties.Environment.Variables[EXCHANGE_ENV.maxBytes]);
    expect(limit).toBeGreaterThanOrEqual(3.5 * 1024 * 1024);
    expect(limit).toBeLessThanOrEqual(6 * 1024 * 1024 - 256 * 1024);
    expect(model.Properties.Schema.additionalProperties).toBe(false);
    expect(Object.keys(model.Properties.Schema.properties).sort()).toEqual(Object.keys(GATEWAY_MESSAGE_MODEL.properties).sort());
    const validators = Object.values(t.api.findResources('AWS::ApiGateway::RequestValidator'));
    expect(validators.some((v) => v.Properties.ValidateRequestBody === true)).toBe(true);
  });

  it('tells both exchange functions the office id and the endpoint, and gives them the signing key', () => {
    for (const [id, fn] of [exchangeFn(), senderFn()]) {
      const env = fn.Properties.Environment.Variables;
      expect(env[EXCHANGE_ENV.officeId], id).toBe('tu-hy');
      expect(JSON.stringify(env[EXCHANGE_ENV.endpoint]), id).toMatch(/execute-api/);
      expect(env[SIGNING_ENV.kmsKeyId], id).toBeDefined();
    }
  });

  it('lets the sender read only the outgoing packages in the bucket, and never write there', () => {
    const [senderId] = senderFn();
    const roleId = t.api.findResources('AWS::Lambda::Function')[senderId]!.Properties.Role['Fn::GetAtt'][0];
    const statements = resources('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const s3 = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')));
    const reads = s3.filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:Get')));
    expect(reads.length).toBeGreaterThan(0);
    for (const s of s3) expect([s.Action].flat().every((a) => a.startsWith('s3:Get') || a === 's3:ListBucket')).toBe(true);
    for (const s of reads) expect(JSON.stringify(s.Resource)).toContain('exchange/out/*');
  });
});
