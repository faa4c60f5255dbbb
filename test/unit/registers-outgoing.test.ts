import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDomainConfig, type DomainConfig } from '../../shared/office';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/platform/errors';
import type { Caller } from '../../shared/platform/security';
import type { OutgoingEntry, OutgoingInput } from '../../shared/registers/domain/model';
import { applyVoid, numberSymbolFor, planOutgoing } from '../../shared/registers/domain/outgoing';

const text = readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8');
const config = loadDomainConfig(text, 'config/domain.json');
const edited = (edit: (raw: DomainConfig) => void): DomainConfig => {
  const raw = JSON.parse(text) as DomainConfig;
  edit(raw);
  return loadDomainConfig(JSON.stringify(raw, null, 2), 'edited.json');
};
const vn = (wall: string) => new Date(`${wall}+07:00`);
const clerk: Caller = { sub: 'u-vt', username: 'vanthu', roles: ['van-thu'], clearance: 'mat' };
const NOW = vn('2026-03-05T09:00:00');
const input = (over: Partial<OutgoingInput> = {}): OutgoingInput => ({
  typeCode: 'NQ',
  issuerCode: 'TU',
  subject: 'về chuyển đổi số',
  signer: 'Nguyễn Văn A',
  secrecy: null,
  urgency: null,
  ...over,
});
const plan = (over: Partial<OutgoingInput> = {}, cfg = config, actor = clerk) => planOutgoing(input(over), { config: cfg, now: NOW, actor });

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('planOutgoing: authority and scope', () => {
  it('a Tỉnh ủy resolution numbers within the term, dated today by default', () => {
    const p = plan();
    expect(p.scope).toMatchObject({ scopeKey: 'TU/NQ/term-2025-2030', scope: 'term', bodyCode: 'TU', typeSymbol: 'NQ' });
    expect(p.entry).toMatchObject({
      documentDate: '2026-03-05',
      year: 2026,
      typeName: 'Nghị quyết',
      issuerCode: 'TU',
      issuerId: null, // BCH and BTV may both issue it: the code stands for either
      issuerName: 'TỈNH ỦY HƯNG YÊN',
      status: 'issued',
      scope: { kind: 'term', key: 'TU/NQ/term-2025-2030', periodId: '2025-2030', label: 'Nhiệm kỳ 2025–2030' },
    });
    expect(numberSymbolFor(p.scope, 12)).toBe('12-NQ/TU');
  });

  it('a Chỉ thị under the code TU can only be the Ban Thường vụ’s', () => {
    expect(plan({ typeCode: 'CT' }).entry).toMatchObject({ issuerId: 'tu-btv', issuerName: 'Ban Thường vụ Tỉnh ủy' });
  });

  it.each([
    [{ typeCode: 'CT', issuerId: 'tu-bch' }, 'NOT_AUTHORISED_TO_ISSUE', /Ban Chấp hành Đảng bộ tỉnh \(Tỉnh ủy\) không có thẩm quyền ban hành Chỉ thị \(CT\); chỉ: Ban Thường vụ/],
    [{ typeCode: 'TT', issuerCode: 'VPTU' }, 'NOT_AUTHORISED_TO_ISSUE', /may not issue a Circular/],
    [{ typeCode: 'NQ', issuerCode: 'BTCTU' }, 'NOT_AUTHORISED_TO_ISSUE', /Ban Tổ chức Tỉnh ủy không có thẩm quyền ban hành Nghị quyết/],
    [{ issuerCode: 'XYZ' }, 'UNKNOWN_ISSUER', /unknown issuing body/],
    [{ typeCode: 'NQ', issuerCode: 'ĐU' }, 'NOT_NUMBERED_HERE', /does not number documents of this issuer/],
  ])('refuses %o', (over, code, message) => {
    const e = errorOf(() => plan(over));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('checks the body id against the printed code', () => {
    expect(errorOf(() => plan({ issuerId: 'vptu' })).message).toMatch(/issuerId vptu prints the code VPTU, not TU/);
    expect(errorOf(() => plan({ issuerId: 'nope' })).message).toMatch(/unknown issuing body "nope"/);
    expect(plan({ issuerId: 'btgdvtu', issuerCode: 'BTGTU', typeCode: 'HD' }).entry.issuerCode).toBe('BTGDVTU');
  });

  it('office letters restart each year; congress documents share one sequence for all types', () => {
    expect(plan({ typeCode: 'CV', issuerCode: 'VPTU' }).scope.scopeKey).toBe('VPTU/CV/year-2026');
    const atCongress = plan({ typeCode: 'BC', issuerCode: 'ĐH', issuerId: 'dh-tinh', documentDate: '2025-10-14' });
    expect(atCongress.scope).toMatchObject({ scope: 'congress', scopeKey: 'ĐH/congress-2025' });
    expect(atCongress.entry.year).toBe(2025);
    expect(errorOf(() => plan({ typeCode: 'BC', issuerId: 'dh-tinh', issuerCode: 'ĐH', documentDate: '2026-01-05' })).code).toBe('NO_CONGRESS');
  });

  it('the document date picks the term', () => {
    expect(plan({ documentDate: '2024-06-01' }).scope.scopeKey).toBe('TU/NQ/term-2020-2025');
  });

  it('secret documents continue the sequence (Party rule) unless a separate series is configured', () => {
    expect(plan({ secrecy: 'mat' }).scope.scopeKey).toBe('TU/NQ/term-2025-2030');
    const separate = edited((c) => (c.numbering.secretOutgoing = 'separate'));
    expect(plan({ secrecy: 'mat' }, separate).scope).toMatchObject({ scopeKey: 'TU/NQ/term-2025-2030/mat', secretSeries: true });
  });

  it('dates, types and clearance', () => {
    expect(errorOf(() => plan({ documentDate: '2026-03-06' })).message).toMatch(/in the future/);
    expect(errorOf(() => plan({ documentDate: '2026-02-29' })).message).toMatch(/not a real date/);
    expect(errorOf(() => plan({ typeCode: 'XX' })).message).toMatch(/unknown document type "XX"/);
    expect(() => plan({ secrecy: 'tuyet-mat' })).toThrow(ForbiddenError);
  });

  it('a Quy định prints QĐ and shares the QĐ sequence', () => {
    const p = plan({ typeCode: 'QĐi' });
    expect(p.scope.scopeKey).toBe('TU/QĐ/term-2025-2030');
    expect(numberSymbolFor(p.scope, 3)).toBe('3-QĐ/TU');
  });
});

describe('applyVoid', () => {
  const entry = (): OutgoingEntry => ({ ...(plan().entry as OutgoingEntry), id: 'o1', number: 7, numberSymbol: '7-NQ/TU', version: 1 });
  it('marks the entry void, keeps its number, stamps who and why', () => {
    const v = applyVoid(entry(), '  Sai sót thể thức ', { config, now: vn('2026-03-06T10:00:00'), actor: clerk });
    expect(v).toMatchObject({ status: 'void', number: 7, numberSymbol: '7-NQ/TU', voidReason: 'Sai sót thể thức', voidedBy: { username: 'vanthu' }, version: 2 });
  });
  it('a void number cannot be voided again', () => {
    const v = applyVoid(entry(), 'x', { config, now: NOW, actor: clerk });
    expect(() => applyVoid(v, 'y', { config, now: NOW, actor: clerk })).toThrow(ConflictError);
  });
});
