/**
 * Redocly's recommended rules over the served OpenAPI document: no errors. Warnings are listed
 * (with their JSON pointers) so that a new one is seen, and the ones left are counted.
 */
import { describe, expect, it } from 'vitest';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { buildOpenApi } from '../../shared/api/openapi';
import { ROUTES } from '../../shared/api/routes';

describe("Redocly's recommended lint of the OpenAPI document", () => {
  it('finds no errors and no warnings', async () => {
    const doc = buildOpenApi(ROUTES, '1.2.3');
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc, null, 2), absoluteRef: 'openapi.json', config });
    const lines = problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location.map((l) => l.pointer).join(', ')}: ${p.message}`);
    expect(lines.filter((l) => l.startsWith('error')), lines.join('\n')).toEqual([]);
    expect(lines.filter((l) => l.startsWith('warn')), lines.join('\n')).toEqual([]);
  });
});
