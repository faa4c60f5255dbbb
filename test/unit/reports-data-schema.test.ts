import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/domain/errors';
import { compileDataSchema, validateReportData } from '../../shared/domain/reports/data-schema';

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

const errorOf = (fn: () => unknown): ValidationError => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error('expected a ValidationError');
};

describe('a report type’s data schema', () => {
  it('accepts data that fits, and anything when the type has no schema', () => {
    expect(() => validateReportData(schema, { dangVien: 12, ngayChot: '2026-10-31', chiBo: [{ ten: 'Chi bộ 1' }] })).not.toThrow();
    expect(() => validateReportData(undefined, { whatever: [1, 2] })).not.toThrow();
  });

  it('lists every problem with its path under body.data', () => {
    const e = errorOf(() => validateReportData(schema, { dangVien: -1, ngayChot: '31/10/2026', extra: 1, chiBo: [{}] }));
    expect(e.code).toBe('DATA_INVALID');
    const paths = e.details.map((d) => d.path).sort();
    expect(paths).toEqual(['body.data.chiBo.0.ten', 'body.data.dangVien', 'body.data.extra', 'body.data.ngayChot'].sort());
    expect(errorOf(() => validateReportData(schema, { ngayChot: '2026-10-31' })).details).toEqual([expect.objectContaining({ path: 'body.data.dangVien', keyword: 'required' })]);
    expect(errorOf(() => validateReportData(schema, { dangVien: '12', ngayChot: '2026-10-31' })).details[0]).toMatchObject({ path: 'body.data.dangVien', keyword: 'type' });
  });

  it('refuses a schema that is not a usable draft 2020-12 schema', () => {
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
      expect(errorOf(() => compileDataSchema(bad)).code, JSON.stringify(bad).slice(0, 60)).toBe('INVALID_DATA_SCHEMA');
    }
    expect(() => compileDataSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', $defs: { n: { type: 'integer' } }, properties: { a: { $ref: '#/$defs/n' } } })).not.toThrow();
  });

  it('accepts common loose schemas: properties without a type, required names not declared', () => {
    expect(() => compileDataSchema({ properties: { a: { type: 'string' } }, required: ['b'] })).not.toThrow();
    expect(() => validateReportData({ properties: { a: { type: 'string' } }, required: ['b'] }, { b: 1 })).not.toThrow();
  });

  it('compiles a schema once', () => {
    expect(compileDataSchema(schema)).toBe(compileDataSchema(JSON.parse(JSON.stringify(schema))));
  });
});
