/** Unit tests of the console's administration parts: refusals in Vietnamese, the audit chain's verdict, day filters. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionText, adminRefusal, auditVerdict, dayBoundary } from '../../web/src/admin';

describe('adminRefusal', () => {
  it('a person changing their own rights is told, in Vietnamese, that another administrator must do it', () => {
    const text = adminRefusal(403, { error: { code: 'SELF_CHANGE', message: 'Nobody changes their own roles, clearance or department' } });
    expect(text).toMatch(/chính mình/);
    expect(text).toMatch(/quản trị viên khác/);
    expect(text).not.toMatch(/Nobody/);
  });

  it('another refusal is not taken for a self-change', () => {
    const text = adminRefusal(403, { error: { code: 'FORBIDDEN', message: 'admin only' } });
    expect(text).not.toMatch(/chính mình/);
    expect(text).toMatch(/không có quyền/);
  });

  it('a refusal’s English details stay out of the sentence (the page showed “missing role” once)', () => {
    const text = adminRefusal(403, { error: { code: 'FORBIDDEN', message: 'Forbidden', details: [{ path: 'roles', message: 'missing role' }] } });
    expect(text).toBe('Bạn không có quyền thực hiện thao tác này.');
  });

  it('never answers in the API’s English words for a 4xx without details', () => {
    fc.assert(
      fc.property(fc.constantFrom(400, 401, 403, 404, 409, 413, 429), fc.string(), (status, rest) => {
        const text = adminRefusal(status, { error: { code: 'X_UNKNOWN', message: `Refused by policy ${rest}` } });
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toContain('Refused');
      }),
    );
  });
});

describe('auditVerdict', () => {
  it('an intact chain is said to be intact, with its count', () => {
    const v = auditVerdict({ ok: true, events: 42, unsealed: 0, problems: [] });
    expect(v.type).toBe('success');
    expect(v.text).toMatch(/^Nhật ký nguyên vẹn/);
    expect(v.text).toContain('42');
  });

  it('any problem makes it not intact, even if ok were claimed', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.record({ kind: fc.string(), message: fc.string(), seq: fc.nat() }), { minLength: 1, maxLength: 5 }), fc.nat(1000), (ok, problems, events) => {
        const v = auditVerdict({ ok, events, unsealed: 0, problems });
        expect(v.type).toBe('error');
        expect(v.text).toMatch(/KHÔNG nguyên vẹn/);
        expect(v.text).toContain(String(problems.length));
      }),
    );
  });

  it('not ok without problems listed is not intact either', () => {
    expect(auditVerdict({ ok: false, events: 3, unsealed: 0, problems: [] }).type).toBe('error');
  });
});

describe('dayBoundary', () => {
  it('a day starts and ends in the office’s time zone', () => {
    expect(new Date(dayBoundary('2026-12-05')!).toISOString()).toBe('2026-12-04T17:00:00.000Z');
    expect(new Date(dayBoundary('2026-12-05', true)!).toISOString()).toBe('2026-12-05T16:59:59.999Z');
    expect(dayBoundary('05/12/2026')).toBeUndefined();
  });
});

describe('actionText', () => {
  it('names the changes of people in Vietnamese and keeps an unknown code as it is', () => {
    expect(actionText('user.update')).toBe('Thay đổi quyền người dùng');
    expect(actionText('something.else')).toBe('something.else');
  });
});
