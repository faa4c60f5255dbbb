import { describe, expect, it } from 'vitest';
import { committedSchema, generateSchema } from '../../web/scripts/gen-api';
import { buildOpenApi } from '../../shared/api/openapi';
import { ROUTES } from '../../shared/api/routes';

describe('the console’s generated API types (web/src/api/schema.d.ts)', () => {
  it('are what openapi-typescript makes of the served OpenAPI document today (else: npm run gen:api)', async () => {
    expect(committedSchema() === (await generateSchema()), 'web/src/api/schema.d.ts is stale: run `npm run gen:api` and commit it').toBe(true);
  });
  it('would be found stale when an operation of the document changes', async () => {
    const doc = buildOpenApi(ROUTES, '0.0.0') as { paths: Record<string, Record<string, { summary?: string; operationId?: string }>> };
    const changed = structuredClone(doc);
    delete changed.paths['/v1/me'];
    expect(await generateSchema(changed)).not.toBe(committedSchema());
  });
});
