import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/platform/errors';
import { compileDataSchema, validateReportData } from '../../shared/reports/adapters/report-data-schema';

const schema = {
  type: 'object',
  required: ['dangVien', 'ngayChot'],
  additionalProperties: false,
  properties: {
    dangVien: { type: 'integer', minimum: 0, title: 'Số đảng viên' },
    ketNapMoi: { type: 'integer', minimum: 0 },
    ngayChot: { type: 'string', format: 'date' },
    chiBo: { type: 'array', items: { type: 'object', required: ['ten'], properties: { ten: { type: 'string', minLength: 1 } } } },
  },
};

const errorOf = async (fn: () => Promise<unknown>): Promise<ValidationError> => {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error('expected a ValidationError');
};

describe('a report type’s data schema', () => {
  it('accepts data that fits, and anything when the type has no schema', async () => {
    await expect(validateReportData(schema, { dangVien: 12, ngayChot: '2026-10-31', chiBo: [{ ten: 'Chi bộ 1' }] })).resolves.toBeUndefined();
    await expect(validateReportData(undefined, { whatever: [1, 2] })).resolves.toBeUndefined();
  });

  it('lists every problem with its path under body.data', async () => {
    const e = await errorOf(() => validateReportData(schema, { dangVien: -1, ngayChot: '31/10/2026', extra: 1, chiBo: [{}] }));
    expect(e.code).toBe('DATA_INVALID');
    const paths = e.details.map((d) => d.path).sort();
    expect(paths).toEqual(['body.data.chiBo.0.ten', 'body.data.dangVien', 'body.data.extra', 'body.data.ngayChot'].sort());
    expect((await errorOf(() => validateReportData(schema, { ngayChot: '2026-10-31' }))).details).toEqual([expect.objectContaining({ path: 'body.data.dangVien', keyword: 'required' })]);
    expect((await errorOf(() => validateReportData(schema, { dangVien: '12', ngayChot: '2026-10-31' }))).details[0]).toMatchObject({ path: 'body.data.dangVien', keyword: 'type' });
  });

  it('refuses a schema that is not a usable draft 2020-12 schema', async () => {
    for (const bad of [
      [],
      'object',
      { type: 'objekt' },
      { type: 'object', propertiez: {} }, // unknown keyword: strict mode
      { $ref: 'https://example.com/other.json' },
      { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' },
      { $id: 'https://example.com/x', type: 'object' },
      { type: 'object', description: 'x'.repeat(70_000) },
    ]) {
      expect((await errorOf(() => compileDataSchema(bad))).code, JSON.stringify(bad).slice(0, 60)).toBe('INVALID_DATA_SCHEMA');
    }
    await expect(compileDataSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', $defs: { n: { type: 'integer' } }, properties: { a: { $ref: '#/$defs/n' } } })).resolves.toBeTypeOf('function');
  });

  it('accepts common loose schemas: properties without a type, required names not declared', async () => {
    await expect(compileDataSchema({ properties: { a: { type: 'string' } }, required: ['b'] })).resolves.toBeTypeOf('function');
    await expect(validateReportData({ properties: { a: { type: 'string' } }, required: ['b'] }, { b: 1 })).resolves.toBeUndefined();
  });

  it('compiles a schema once', async () => {
    expect(await compileDataSchema(schema)).toBe(await compileDataSchema(JSON.parse(JSON.stringify(schema))));
  });
});
