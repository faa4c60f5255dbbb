import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../shared/api/openapi';
import { ROUTES } from '../../shared/api/routes';
import { matchPath } from '../../shared/platform/http/route';

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
  it('marks public routes as such, people with bearer tokens and organisation clients with the client-credentials scheme', () => {
    const person = { bearer: [] };
    const client = { orgClient: ['daumoi/reports'] };
    const expected = { none: [], user: [person], client: [client], any: [person, client] } as const;
    for (const r of ROUTES) {
      const op = doc.paths[r.path]![r.method.toLowerCase()];
      expect(op.security, r.operationId).toEqual(expected[r.auth]);
    }
    const schemes = (doc.components as any).securitySchemes;
    expect(schemes.orgClient).toMatchObject({ type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth2/token', scopes: { 'daumoi/reports': expect.any(String) } } } });
    expect(doc.paths['/oauth2/token']?.post?.requestBody?.content).toHaveProperty(['application/x-www-form-urlencoded']);
  });
  it('declares every tag it uses, each with a description, and a contact and licence', () => {
    const declared = new Map(((doc as any).tags as { name: string; description: string }[]).map((t) => [t.name, t.description]));
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(item)) for (const t of op.tags ?? []) expect(declared.get(t), `${m} ${p} tag ${t}`).toMatch(/\w/);
    }
    expect((doc.info as any).contact?.name).toMatch(/\w/);
    expect((doc.info as any).license?.name).toMatch(/\w/);
  });
  it('takes If-Match on every update made from a version', () => {
    const versioned = ROUTES.filter((r) => r.request?.body && 'version' in ((r.request.body as any).shape ?? {}));
    expect(versioned.map((r) => r.operationId).sort()).toEqual(
      [
        'updateIncomingEntry',
        'updateOrg',
        'updateReportType',
        'voidOutgoingEntry',
        // An assignment's changes: the version is optional (stale → 409), If-Match as well.
        'addAssignmentProgress',
        'completeAssignment',
        'askAssignmentExtension',
        'decideAssignmentExtension',
        'reassignAssignment',
      ].sort(),
    );
    for (const r of versioned) {
      const params = doc.paths[r.path]![r.method.toLowerCase()].parameters as { name: string; in: string }[];
      expect(params, r.operationId).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header' }));
    }
  });
  it('answers every error status with the Error body, and 429 with Retry-After', () => {
    for (const [p, item] of Object.entries(doc.paths)) {
      if (p === '/oauth2/token') continue;
      for (const [m, op] of Object.entries(item)) {
        for (const s of ['413', '415', '429', '503']) expect(op.responses[s]?.content?.['application/json']?.schema, `${m} ${p} ${s}`).toEqual({ $ref: '#/components/schemas/Error' });
        for (const [s, resp] of Object.entries(op.responses as Record<string, any>)) if (Number(s) >= 400) expect(resp.content, `${m} ${p} ${s}`).toBeDefined();
        expect(op.responses['429'].headers['Retry-After'].required).toBe(true);
      }
    }
  });
  it('gives scans and report attachments one upload-ticket shape, each with its own id', () => {
    const props = (id: string) => Object.keys((doc.components.schemas[id] as any).properties).sort();
    const scan = props('ScanUploadTicket');
    const attachment = props('AttachmentUpload');
    expect(scan.filter((k) => k !== 'scanId')).toEqual(attachment.filter((k) => k !== 'attachmentId'));
    expect(scan).toEqual(expect.arrayContaining(['scanId', 'uploadUrl', 'method', 'headers', 'expiresAt']));
  });
  it('declares the CSV and the XLSX of each export', () => {
    for (const id of ['exportRegister', 'exportReports']) {
      const r = ROUTES.find((x) => x.operationId === id)!;
      const content = doc.paths[r.path]!.get.responses['200'].content;
      expect(Object.keys(content).sort(), id).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv']);
    }
  });
  it('resolves every $ref inside the document', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });
});
