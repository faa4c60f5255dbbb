import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH, loadDomainConfig } from '../../shared/office';
import { ValidationError } from '../../shared/platform/errors';

const text = readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8');
const SOURCE = 'config/domain.json';

/** 1-based line of the first occurrence of `needle` (after `after`, when given). */
function lineOf(t: string, needle: string, after?: string): number {
  const from = after === undefined ? 0 : t.indexOf(after);
  const at = t.indexOf(needle, from);
  if (from < 0 || at < 0) throw new Error(`fixture not found: ${needle}`);
  return t.slice(0, at).split('\n').length;
}

function replaceOnce(t: string, from: string, to: string): string {
  const at = t.indexOf(from);
  if (at < 0) throw new Error(`fixture not found: ${from}`);
  return t.slice(0, at) + to + t.slice(at + from.length);
}

function failure(t: string): ValidationError {
  try {
    loadDomainConfig(t, SOURCE);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadDomainConfig: the repository file', () => {
  it('loads and holds the office rules', () => {
    const c = loadDomainConfig(text, SOURCE);
    expect(DEFAULT_CONFIG_PATH).toBe('config/domain.json');
    expect(c.office.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(c.documentTypes.map((t) => t.code)).toEqual(expect.arrayContaining(['NQ', 'QĐ', 'CT', 'TT', 'CV', 'TTr', 'CTr']));
    expect(c.documentTypes.find((t) => t.code === 'CV')?.hasTitle).toBe(false);
    expect(c.documentTypes.find((t) => t.code === 'NQ')?.requiredDossier).toEqual(['to-trinh', 'du-thao']);
    // BCH, BTV and Thường trực share the code TU.
    expect(c.issuingBodies.filter((b) => b.code === 'TU').map((b) => b.kind).sort()).toEqual(['bch', 'btv', 'thuong-truc']);
    expect(c.authority.btv?.types).toContain('CT');
    expect(c.authority.bch?.types).not.toContain('CT');
    expect(c.numbering.terms.map((t) => t.id)).toEqual(['2020-2025', '2025-2030']);
    expect(c.numbering.secretOutgoing).toBe('shared');
    expect(c.registers.incoming.secretSeparate).toBe(true);
    expect(c.workflow.steps.appraisal.workingDays).toBe(5);
    expect(c.workflow.steps.approval.workingDays).toBe(3);
    expect(c.workflow.escalationRole).toBe('lanh-dao-vp');
    for (const year of ['2025', '2026', '2027']) {
      expect(c.calendar.holidays.some((h) => h.from === `${year}-01-01`)).toBe(true);
      expect(c.calendar.holidays.some((h) => h.from <= `${year}-09-02` && `${year}-09-02` <= (h.to ?? h.from))).toBe(true);
    }
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const c = loadDomainConfig('\uFEFF' + text.replace(/\n/g, '\r\n'), SOURCE);
    expect(c.version).toBe(1);
  });
});

describe('loadDomainConfig: faults name the line', () => {
  it('duplicate document type code', () => {
    const broken = replaceOnce(text, '"code": "CT"', '"code": "NQ"');
    const e = failure(broken);
    expect(e.code).toBe('CONFIG_INVALID');
    const line = lineOf(broken, '"code": "NQ", "name": "Chỉ thị"');
    expect(e.message).toMatch(new RegExp(`^config/domain\\.json line ${line}, column \\d+: documentTypes\\[2\\]\\.code: duplicate code "NQ"`));
    expect(e.details[0]).toMatchObject({ path: 'documentTypes[2].code', line });
  });

  it('column points at the value', () => {
    const broken = replaceOnce(text, '"code": "CT"', '"code": "NQ"');
    const e = failure(broken);
    const lineText = broken.split('\n')[(e.details[0]!.line as number) - 1]!;
    expect(lineText.slice((e.details[0]!.column as number) - 1)).toMatch(/^"NQ"/);
  });

  it('unknown field in a document type', () => {
    const broken = replaceOnce(text, '"nameEn": "Directive",', '"nameEn": "Directive", "colour": "red",');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"colour"')}, `);
    expect(e.message).toContain('documentTypes[2].colour: unknown field "colour"');
  });

  it('missing required field points at its object', () => {
    const broken = replaceOnce(text, '"nameEn": "Directive", ', '');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"code": "CT"')}, `);
    expect(e.message).toContain('documentTypes[2].nameEn: required field is missing');
  });

  it('wrong value type', () => {
    const broken = replaceOnce(text, '"nameEn": "Conclusion", "hasTitle": true', '"nameEn": "Conclusion", "hasTitle": "yes"');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"hasTitle": "yes"')}, `);
    expect(e.message).toContain('documentTypes[3].hasTitle');
  });

  it('authority matrix names an unknown type', () => {
    const broken = replaceOnce(text, '"CT", "KL"', '"CT", "XX"');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"btv": {')}, `);
    expect(e.message).toContain('authority.btv.types[3]: unknown document type "XX"');
  });

  it('authority matrix names an unknown issuer kind', () => {
    const broken = replaceOnce(text, '"authority": {\n', '"authority": {\n    "hoi-dong": { "types": ["BC"] },\n');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"hoi-dong"')}, `);
    expect(e.message).toContain('authority.hoi-dong: unknown issuer kind "hoi-dong"');
  });

  it('numbering rule names an unknown body', () => {
    const broken = replaceOnce(text, '"bodies": ["vptu"]', '"bodies": ["vp-xyz"]');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"vp-xyz"')}, `);
    expect(e.message).toContain('numbering.rules[1].bodies[0]: unknown body "vp-xyz"');
  });

  it('terms out of order', () => {
    const broken = replaceOnce(text, '"start": "2025-10-15"', '"start": "2019-01-01"');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"2019-01-01"')}, `);
    expect(e.message).toContain('numbering.terms[1].start: term must start after the previous term');
  });

  it('congress that ends before it starts', () => {
    const broken = replaceOnce(text, '"end": "2025-10-15"', '"end": "2025-10-01"');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"end": "2025-10-01"')}, `);
    expect(e.message).toContain('numbering.congresses[0].end');
  });

  it('unknown parent body', () => {
    const broken = replaceOnce(text, '"kind": "btv", "parent": "tu-bch"', '"kind": "btv", "parent": "tu-xyz"');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"tu-xyz"')}, `);
    expect(e.message).toContain('issuingBodies[6].parent: unknown parent body "tu-xyz"');
  });

  it('collective body signing K/T', () => {
    const broken = replaceOnce(text, '{ "form": "T/M", "on": "ỦY BAN KIỂM TRA"', '{ "form": "K/T", "on": "ỦY BAN KIỂM TRA"');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"form": "K/T", "on": "ỦY BAN KIỂM TRA"')}, `);
    expect(e.message).toMatch(/issuingBodies\[12\]\.signing(\[0\]\.form)?: /);
    expect(e.details.map((d) => d.message).join('\n')).toContain('collective body (kind "ubkt") signs T/M, not K/T');
  });

  it('impossible holiday date', () => {
    const broken = replaceOnce(text, '"from": "2026-02-14"', '"from": "2026-02-30"');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"2026-02-30"')}, `);
    expect(e.message).toContain('calendar.holidays[6].from');
  });

  it('unknown time zone', () => {
    const broken = replaceOnce(text, '"timeZone": "Asia/Ho_Chi_Minh"', '"timeZone": "Asia/Saigon_Typo"');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, 'Asia/Saigon_Typo')}, `);
    expect(e.message).toContain('office.timeZone: unknown time zone');
  });

  it('unknown workflow role', () => {
    const broken = replaceOnce(text, '"escalationRole": "lanh-dao-vp"', '"escalationRole": "giam-doc"');
    const e = failure(broken);
    expect(e.message).toContain(`line ${lineOf(broken, '"giam-doc"')}, `);
    expect(e.message).toContain('workflow.escalationRole');
  });

  it('duplicate key in an object', () => {
    const broken = replaceOnce(text, '"version": 1,', '"version": 1,\n  "version": 1,');
    const e = failure(broken);
    expect(e.message).toBe(`${SOURCE} line 3, column 3: version: duplicate key`);
  });

  it('JSON syntax error', () => {
    const broken = replaceOnce(text, '"reminderTime": "08:00"', '"reminderTime": "08:00",');
    const e = failure(broken);
    const line = lineOf(broken, '"reminderTime"') + 1;
    expect(e.message).toMatch(new RegExp(`^config/domain\\.json line ${line}, column \\d+: JSON syntax error`));
  });

  it('unterminated input', () => {
    const e = failure(text.slice(0, text.indexOf('"calendar"')));
    expect(e.message).toContain('unexpected end of JSON');
  });

  it('reports every fault in details, sorted by line', () => {
    let broken = replaceOnce(text, '"code": "CT"', '"code": "NQ"');
    broken = replaceOnce(broken, '"bodies": ["vptu"]', '"bodies": ["vp-xyz"]');
    const e = failure(broken);
    expect(e.message).toContain('(and ');
    const lines = e.details.map((d) => d.line as number);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(e.details.map((d) => d.path)).toEqual(expect.arrayContaining(['documentTypes[2].code', 'numbering.rules[1].bodies[0]']));
  });
});
