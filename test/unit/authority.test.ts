import { describe, expect, it } from 'vitest';
import {
  findDocumentType,
  isCollective,
  mayIssue,
  normaliseCode,
  resolveIssuer,
  typesIssuableBy,
  typesWithSymbol,
} from '../../shared/office/domain/authority';
import { config, edited } from '../support/domain-config';

const ids = (bodies: { id: string }[]) => bodies.map((b) => b.id).sort();

describe('resolveIssuer', () => {
  it('a body id gives that body', () => {
    expect(ids(resolveIssuer(config, 'tu-btv'))).toEqual(['tu-btv']);
    expect(ids(resolveIssuer(config, 'vptu'))).toEqual(['vptu']);
  });

  it('TU stands for the BCH, the BTV and the Thường trực', () => {
    expect(ids(resolveIssuer(config, 'TU'))).toEqual(['tu-bch', 'tu-btv', 'tu-tt']);
  });

  it('codes match regardless of case, spacing and the OCR Ð', () => {
    expect(ids(resolveIssuer(config, ' vp tu '))).toEqual(['vptu']);
    expect(ids(resolveIssuer(config, '\u00D0U'))).toEqual(ids(resolveIssuer(config, 'ĐU')));
    expect(resolveIssuer(config, 'ĐU').length).toBeGreaterThan(1);
  });

  it('an alias resolves to the merged body', () => {
    expect(ids(resolveIssuer(config, 'BTGTU'))).toEqual(['btgdvtu']);
  });

  it('unknown codes give nothing', () => {
    expect(resolveIssuer(config, 'XYZ')).toEqual([]);
    expect(resolveIssuer(config, '')).toEqual([]);
  });
});

describe('document types', () => {
  it('finds by code, case-insensitively, and by alias', () => {
    expect(findDocumentType(config, 'NQ')?.name).toBe('Nghị quyết');
    expect(findDocumentType(config, 'ctr')?.code).toBe('CTr');
    expect(findDocumentType(config, 'qđ')?.code).toBe('QĐ');
    expect(findDocumentType(config, 'QD')?.code).toBe('QĐ');
    expect(findDocumentType(config, 'QĐi')?.name).toBe('Quy định');
    expect(findDocumentType(config, 'ZZ')).toBeUndefined();
  });

  it('QĐ in a number symbol may be a Quyết định or a Quy định', () => {
    expect(typesWithSymbol(config, 'QĐ').map((t) => t.code).sort()).toEqual(['QĐ', 'QĐi']);
    expect(typesWithSymbol(config, 'CT').map((t) => t.code)).toEqual(['CT']);
  });

  it('normaliseCode', () => {
    expect(normaliseCode(' q đ ')).toBe('QĐ');
  });
});

describe('mayIssue', () => {
  it('only the BTV issues a Chỉ thị', () => {
    expect(mayIssue(config, 'tu-btv', 'CT')).toMatchObject({ allowed: true, code: 'ALLOWED' });
    const bch = mayIssue(config, 'tu-bch', 'CT');
    expect(bch).toMatchObject({ allowed: false, code: 'NOT_AUTHORISED' });
    expect(bch.reason).toContain('không có thẩm quyền ban hành Chỉ thị (CT)');
    expect(bch.reason).toContain('Ban Thường vụ');
    expect(mayIssue(config, 'tu-tt', 'CT').allowed).toBe(false);
  });

  it('only the BTV issues a Thông tri', () => {
    expect(mayIssue(config, 'tu-btv', 'TT').allowed).toBe(true);
    expect(mayIssue(config, 'tu-bch', 'TT').allowed).toBe(false);
    expect(mayIssue(config, 'btctu', 'TT').allowed).toBe(false);
  });

  it('a shared code is allowed when one of its bodies may, and says which', () => {
    const d = mayIssue(config, 'TU', 'CT');
    expect(d.allowed).toBe(true);
    expect(ids(d.allowedIssuers)).toEqual(['tu-btv']);
    expect(ids(d.issuers)).toEqual(['tu-bch', 'tu-btv', 'tu-tt']);
  });

  it('BCH issues resolutions and conclusions; the congress issues resolutions', () => {
    expect(mayIssue(config, 'tu-bch', 'NQ').allowed).toBe(true);
    expect(mayIssue(config, 'tu-bch', 'KL').allowed).toBe(true);
    expect(mayIssue(config, 'dh-tinh', 'NQ').allowed).toBe(true);
    expect(mayIssue(config, 'dh-tinh', 'KL').allowed).toBe(false);
  });

  it('congress boards: Đoàn thư ký BC/CTr/CV/BB, ban kiểm phiếu BC only', () => {
    expect(typesIssuableBy(config, resolveIssuer(config, 'dh-doan-thu-ky')[0]!).sort()).toEqual(['BB', 'BC', 'CTr', 'CV']);
    expect(typesIssuableBy(config, resolveIssuer(config, 'dh-ban-kiem-phieu')[0]!)).toEqual(['BC']);
    expect(mayIssue(config, 'dh-ban-kiem-phieu', 'CV').allowed).toBe(false);
  });

  it('the office issues letters but not resolutions', () => {
    expect(mayIssue(config, 'VPTU', 'CV').allowed).toBe(true);
    expect(mayIssue(config, 'VPTU', 'NQ').allowed).toBe(false);
  });

  it('unknown type or issuer', () => {
    expect(mayIssue(config, 'TU', 'ZZ')).toMatchObject({ allowed: false, code: 'UNKNOWN_TYPE' });
    expect(mayIssue(config, 'XYZ', 'NQ')).toMatchObject({ allowed: false, code: 'UNKNOWN_ISSUER' });
  });

  it('the matrix is configuration, not a constant', () => {
    const c = edited((raw) => raw.authority.bch!.types.push('CT'));
    expect(mayIssue(c, 'tu-bch', 'CT').allowed).toBe(true);
  });

  it('collective kinds', () => {
    expect(isCollective(config, resolveIssuer(config, 'tu-btv')[0]!)).toBe(true);
    expect(isCollective(config, resolveIssuer(config, 'UBKTTU')[0]!)).toBe(true);
    expect(isCollective(config, resolveIssuer(config, 'BTCTU')[0]!)).toBe(false);
  });
});
