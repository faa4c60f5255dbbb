/** What the middlewares hand to an operation, and what an operation gives back. */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { Caller } from '../security';
import type { Route } from './route';

export interface ApiRequest<B = unknown, Q = unknown, P = unknown> {
  route: Route;
  body: B;
  query: Q;
  params: P;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Present on every route but public ones. */
  caller: Caller;
  requestId: string;
  event: APIGatewayProxyEvent;
}

export interface ApiResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A binary body (e.g. an XLSX export); sent base64-encoded as API Gateway expects. */
  binary?: Uint8Array;
}

export type Operation = (req: ApiRequest<any, any, any>) => Promise<ApiResult | unknown>;

/** Per-invocation state the middlewares fill in, kept on the Lambda context object. */
export interface DaumoiContext extends Context {
  daumoi: Partial<Omit<ApiRequest, 'event'>>;
}

export type ProxyResult = APIGatewayProxyResult;
