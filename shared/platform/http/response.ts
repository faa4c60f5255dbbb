/** Serialises results and errors into API Gateway proxy responses. */
import type { APIGatewayProxyResult } from 'aws-lambda';
import type { ApiResult } from './types';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function isApiResult(v: unknown): v is ApiResult {
  return !!v && typeof v === 'object' && ('status' in v || 'binary' in v) && Object.keys(v).every((k) => ['status', 'body', 'headers', 'binary'].includes(k));
}

export function toProxyResult(result: unknown, defaultStatus = 200): APIGatewayProxyResult {
  const r: ApiResult = isApiResult(result) ? result : { body: result };
  const status = r.status ?? defaultStatus;
  if (r.binary) {
    return { statusCode: status, headers: { ...r.headers }, body: Buffer.from(r.binary).toString('base64'), isBase64Encoded: true };
  }
  if (r.body === undefined || status === 204) return { statusCode: status, headers: { ...r.headers }, body: '' };
  if (typeof r.body === 'string' && r.headers?.['content-type']) return { statusCode: status, headers: { ...r.headers }, body: r.body };
  return { statusCode: status, headers: { ...JSON_HEADERS, ...r.headers }, body: JSON.stringify(r.body) };
}

export function errorResult(status: number, code: string, message: string, details?: unknown[], requestId?: string): APIGatewayProxyResult {
  return toProxyResult({
    status,
    body: { error: { code, message, ...(details && details.length ? { details } : {}), ...(requestId ? { requestId } : {}) } },
  });
}
