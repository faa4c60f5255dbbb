/** Service routes: health, the OpenAPI document, and the caller's identity. */
import { apiHandler } from '../shared/platform/http/api-handler';
import { buildOpenApi } from '../shared/api/openapi';
import { ROUTES } from '../shared/api/routes';
import { ENV, optionalEnv } from '../shared/platform/env';

const version = optionalEnv(ENV.version, '0.1.0');
let openapi: Record<string, unknown> | undefined;

export const handler = apiHandler('system', {
  getHealth: async () => ({ status: 'ok', version }),
  getOpenApi: async () => (openapi ??= buildOpenApi(ROUTES, version)),
  getMe: async (req) => req.caller,
});
