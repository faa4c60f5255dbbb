/** The level of an audit event and what a reader below it sees (shared/audit/domain/audit-secrecy.ts). */
import { describe, expect, it } from 'vitest';
import { eventSecrecy, eventVisibleTo, redactedStub, secrecyNamedIn } from '../../shared/audit/domain/audit-secrecy';

describe('audit event secrecy', () => {
  it.each([
    [{ before: null, after: { secrecy: 'mat', subject: 'x' } }, 'mat'],
    [{ before: { secrecy: 'tuyet-mat' }, after: { secrecy: null } }, 'tuyet-mat'],
    [{ before: null, after: { secrecy: null, duplicateOf: 'e1', duplicateOfSecrecy: 'toi-mat' } }, 'toi-mat'],
    [{ before: null, after: { scanId: 's', secrecyLowered: { from: 'mat', reason: 'r' } } }, null],
    [{ before: null, after: { nested: { deeper: { secrecy: 'mat' } } } }, 'mat'],
    [{ before: null, after: { secrecy: 'not-a-level', name: 'Đảng ủy' } }, null],
    [{ before: null, after: null }, null],
  ] as const)('%j → %s', (event, level) => {
    expect(eventSecrecy(event)).toBe(level);
  });

  it('the highest level wins, whatever the order', () => {
    expect(secrecyNamedIn({ a: { secrecy: 'mat' }, b: { secrecy: 'tuyet-mat' }, c: { secrecy: 'toi-mat' } })).toBe('tuyet-mat');
  });

  it('a reader sees an event whole only when their clearance covers its level', () => {
    expect(eventVisibleTo('none', null)).toBe(true);
    expect(eventVisibleTo('none', 'mat')).toBe(false);
    expect(eventVisibleTo('toi-mat', 'mat')).toBe(true);
    expect(eventVisibleTo('toi-mat', 'tuyet-mat')).toBe(false);
  });

  it('a stub keeps the chain fields and nothing of the event', () => {
    const e = { eventId: '01E', at: '2026-01-01T00:00:00.000Z', seq: 7, prevHash: 'p', hash: 'h', actor: { sub: 's', username: 'vanthu', roles: ['van-thu'] }, action: 'register.register', entityType: 'incoming-entry', entityId: 'ENTRY1', before: null, after: { subject: 'bí mật' }, requestId: 'r' };
    const stub = redactedStub(e);
    expect(stub).toEqual({ eventId: '01E', at: e.at, seq: 7, prevHash: 'p', hash: 'h', redacted: true, actor: { sub: 'redacted', username: 'redacted', roles: [] }, action: 'redacted', entityType: 'redacted', entityId: 'redacted', before: null, after: null });
    expect(JSON.stringify(stub)).not.toMatch(/ENTRY1|bí mật|vanthu|register/);
  });
});
