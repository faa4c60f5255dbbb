/** The service routes' operations, for functions/system.ts: health, the OpenAPI document, the caller's identity. */
import type { Operation } from '../platform/http/types';
import { ENV, optionalEnv } from '../platform/env';
import { buildOpenApi } from './openapi';
import { ROUTES } from './routes';

export function systemOperations(): Record<string, Operation> {
  const version = optionalEnv(ENV.version, '0.1.0');
  let openapi: Record<string, unknown> | undefined;
  return {
    getHealth: async () => ({ status: 'ok', version }),
    getOpenApi: async () => (openapi ??= buildOpenApi(ROUTES, version)),
    getMe: async (req) => req.caller,
  };
}
