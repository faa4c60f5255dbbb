import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../shared/api/openapi';
import { ROUTES } from '../../shared/api/routes/index';
import { matchPath } from '../../shared/api/route';

describe('route table', () => {
  it('has unique operation ids and unique method+path pairs', () => {
    const ids = ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('matches path templates and decodes parameters', () => {
    expect(matchPath('/v1/scans/{scanId}', '/v1/scans/a%20b')).toEqual({ scanId: 'a b' });
    expect(matchPath('/v1/scans/{scanId}', '/v1/scans/')).toBeNull();
    expect(matchPath('/v1/scans/{scanId}', '/v1/scans/a/b')).toBeNull();
  });
});

describe('OpenAPI document', () => {
  const doc = buildOpenApi(ROUTES, '1.2.3') as { openapi: string; info: { version: string }; paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown> } };
  it('is OpenAPI 3.1 and has every route of the table', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('1.2.3');
    for (const r of ROUTES) expect(doc.paths[r.path]?.[r.method.toLowerCase()]?.operationId, r.operationId).toBe(r.operationId);
  });
  it('marks public routes as such and protected ones with bearer security', () => {
    for (const r of ROUTES) {
      const op = doc.paths[r.path]![r.method.toLowerCase()];
      expect(op.security).toEqual(r.auth === 'none' ? [] : [{ bearer: [] }]);
    }
  });
  it('resolves every $ref inside the document', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });
});
