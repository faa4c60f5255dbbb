/** The API client: openapi-fetch over the generated types (schema.d.ts), with the person's bearer token. */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type IncomingEntry = Schemas['IncomingEntry'];
export type IncomingEntryCreate = Schemas['IncomingEntryCreate'];
export type Me = Schemas['Me'];
export type ApiError = Schemas['Error'];

/** `onUnauthorized`: the API answered 401 (the session ended: tokens expired and not renewed, the person disabled). */
export function apiClient(baseUrl: string, token: () => Promise<string | undefined>, onUnauthorized: () => void = () => undefined) {
  const client = createClient<paths>({ baseUrl });
  client.use({
    async onRequest({ request }) {
      const t = await token();
      if (t) request.headers.set('Authorization', `Bearer ${t}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) onUnauthorized();
      return response;
    },
  });
  return client;
}

export type Api = ReturnType<typeof apiClient>;
