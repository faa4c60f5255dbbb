/**
 * Maps errors to responses: typed domain errors to their 4xx, unreachable dependencies to 503,
 * throttling to 429, anything else to a 500 that carries the request id and no internals.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import { DomainError, ThrottledError } from '../../errors';
import { errorResult } from '../response';
import { count, METRIC } from '../../observability/metrics';

const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'TimeoutError', 'ServiceUnavailable', 'InternalServerError', 'RequestTimeout']);
const THROTTLED = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'SlowDown', 'TooManyRequestsException']);

/** Classifies an error into status, code and public message (and, for 429, the seconds to wait). */
export function classify(err: unknown): { status: number; code: string; message: string; details?: unknown[]; retryAfterSeconds?: number } {
  if (err instanceof ThrottledError) return { status: 429, code: err.code, message: err.message, retryAfterSeconds: err.retryAfterSeconds };
  if (err instanceof DomainError) return { status: err.status, code: err.code, message: err.message, details: err.details };
  const e = err as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  const name = e?.name ?? '';
  if (name === 'IdempotencyValidationError')
    return { status: 409, code: 'IDEMPOTENCY_KEY_REUSED', message: 'This Idempotency-Key was already used with a different request body' };
  if (name === 'IdempotencyAlreadyInProgressError')
    return { status: 409, code: 'IDEMPOTENCY_IN_PROGRESS', message: 'A request with this Idempotency-Key is still being processed' };
  if (THROTTLED.has(name)) return { status: 429, code: 'THROTTLED', message: 'Too many requests; retry later', retryAfterSeconds: 1 };
  const sysCode = e?.code ?? (e?.cause as { code?: string } | undefined)?.code;
  if (UNAVAILABLE.has(name) || (sysCode && UNAVAILABLE.has(sysCode)) || (e?.$metadata?.httpStatusCode ?? 0) >= 500)
    return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'A backing service is unavailable; nothing was changed, retry later' };
  return { status: 500, code: 'INTERNAL', message: 'Internal error' };
}

export const errorHandler = (opts: { logger: Logger }): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => ({
  onError: async (request) => {
    const c = classify(request.error);
    const requestId = request.event?.requestContext?.requestId ?? request.context?.awsRequestId;
    if (c.status >= 500) opts.logger.error('request failed', { error: request.error as Error, status: c.status });
    if (c.status === 503) count(METRIC.dependencyUnavailable);
    if (c.status === 500) count(METRIC.internalError);
    else opts.logger.info('request rejected', { status: c.status, code: c.code });
    const response = errorResult(c.status, c.code, c.message, c.details, c.status >= 500 ? requestId : undefined);
    // Overload is 429 with when to retry; never a 503, which means a backing service is down.
    if (c.status === 429) response.headers = { ...response.headers, 'retry-after': String(c.retryAfterSeconds ?? 1) };
    request.response = response;
  },
});
