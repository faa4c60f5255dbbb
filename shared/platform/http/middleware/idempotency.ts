/**
 * `Idempotency-Key` support with Powertools idempotency on its DynamoDB table: the same key and
 * body within 24 h returns the first response and creates nothing new; the same key with another
 * body → 409. The key is scoped to the operation and the caller, so two callers never collide.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { ValidationError } from '../../errors';
import type { DaumoiContext } from '../types';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const KEY_FIELD = 'daumoiIdempotencyKey';

/** Copies the scoped key onto the event, where Powertools' JMESPath finds it; absent header → no idempotency. */
export const idempotencyKey = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext> => ({
  before: async (request) => {
    const state = request.context.daumoi;
    const header = state.headers?.['idempotency-key'];
    if (!state.route?.idempotent || header === undefined) return;
    if (!/^[\x21-\x7e]{1,128}$/.test(header))
      throw new ValidationError('Idempotency-Key must be 1–128 visible ASCII characters', [{ path: 'headers.idempotency-key', message: 'invalid' }]);
    (request.event as unknown as Record<string, unknown>)[KEY_FIELD] = `${state.route.operationId}#${state.caller?.sub ?? 'anonymous'}#${header}`;
  },
});

/** Powertools' middleware, configured for daumoi's key and payload check. */
export function idempotency(opts: { tableName: string; client: DynamoDBClient }): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext> {
  const persistenceStore = new DynamoDBPersistenceLayer({ tableName: opts.tableName, awsSdkV3Client: opts.client });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: KEY_FIELD,
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: IDEMPOTENCY_TTL_SECONDS,
    throwOnNoIdempotencyKey: false,
  });
  return makeHandlerIdempotent({ persistenceStore, config }) as unknown as MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext>;
}
