import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkDomainConfig, domainConfig, domainConfigPath, DOMAIN_CONFIG_ENV } from '../../shared/office';
import { ValidationError } from '../../shared/platform/errors';
import { loadDomainConfig, parseDomainConfig } from '../../shared/office';

const good = readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8');
const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-config-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

afterEach(() => {
  delete process.env[DOMAIN_CONFIG_ENV];
  delete process.env.LAMBDA_TASK_ROOT;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the domain configuration file', () => {
  it('is config/domain.json by default, and validates', () => {
    expect(domainConfigPath()).toBe(path.resolve('config/domain.json'));
    const { file, config } = checkDomainConfig();
    expect(file).toBe(path.resolve('config/domain.json'));
    expect(config.office.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('DAUMOI_DOMAIN_CONFIG names another file, read once and cached', () => {
    const edited = JSON.parse(good);
    edited.office.name = 'Văn phòng Thành ủy Thử nghiệm';
    process.env[DOMAIN_CONFIG_ENV] = write('other.json', JSON.stringify(edited, null, 2));
    expect(domainConfig().office.name).toBe('Văn phòng Thành ủy Thử nghiệm');
    expect(domainConfig()).toBe(domainConfig());
  });

  it('a bad file stops the check with a message naming the file and the line', () => {
    const lines = good.split('\n');
    const at = lines.findIndex((l) => l.includes('"timeZone"'));
    lines[at] = lines[at]!.replace('Asia/Ho_Chi_Minh', 'Asia/Atlantis');
    const file = write('bad.json', lines.join('\n'));
    process.env[DOMAIN_CONFIG_ENV] = file;
    expect(() => checkDomainConfig()).toThrow(ValidationError);
    expect(() => checkDomainConfig()).toThrow(`${file} line ${at + 1}`);
    expect(() => checkDomainConfig()).toThrow(/unknown time zone "Asia\/Atlantis"/);
  });

  it('in a Lambda without the file, the copy inlined in the bundle is used, validated without line numbers', () => {
    process.env.LAMBDA_TASK_ROOT = mkdtempSync(path.join(dir, 'task-'));
    const { file, config } = checkDomainConfig();
    expect(file).toBe(path.join(process.env.LAMBDA_TASK_ROOT, 'config/domain.json'));
    expect(config).toEqual(loadDomainConfig(good, 'config/domain.json'));
    const bad = JSON.parse(good);
    bad.office.timeZone = 'Asia/Atlantis';
    expect(() => parseDomainConfig(bad, 'bundled')).toThrow(/bundled: office\.timeZone: unknown time zone "Asia\/Atlantis"/);
    const unknownType = JSON.parse(good);
    unknownType.documentTypes.push({ ...unknownType.documentTypes[0], extra: true });
    expect(() => parseDomainConfig(unknownType, 'bundled')).toThrow(ValidationError);
  });

  it('a broken JSON file names the line too; a missing named file is an error, not the bundled copy', () => {
    process.env[DOMAIN_CONFIG_ENV] = write('broken.json', '{\n  "version": 1,\n  "office": {\n}');
    expect(() => checkDomainConfig()).toThrow(/broken\.json line 4/);
    process.env[DOMAIN_CONFIG_ENV] = path.join(dir, 'nowhere.json');
    expect(() => checkDomainConfig()).toThrow(/ENOENT/);
  });
});
