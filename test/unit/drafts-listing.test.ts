/** Which list of drafts a caller reads (domain/listing.ts), from api.md's roles and the rule of GET /v1/drafts/{id}. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftListScope, OPEN_STATUSES, summaryOf } from '../../shared/drafts/domain/listing';
import { canViewDraft } from '../../shared/drafts/domain/rules';
import { DRAFT_STATUSES, FINAL_STATUSES } from '../../shared/drafts/domain/model';
import { CLEARANCES, ROLES, type Caller } from '../../shared/platform/security';

describe('draftListScope', () => {
  it.each([
    [['chuyen-vien'], 'mat', undefined, { maxRank: 1 }],
    [['lanh-dao-vp'], 'toi-mat', undefined, { maxRank: 2 }],
    [['thuong-truc'], 'tuyet-mat', undefined, { maxRank: 3 }],
    [['van-thu'], 'none', undefined, { maxRank: 0 }],
    [['admin'], 'none', undefined, { maxRank: 0 }],
    [['ban-tham-muu'], 'none', 'BTCTU', { dept: 'BTCTU', maxRank: 0 }],
    [['ban-tham-muu'], 'mat', 'BTGTU', { dept: 'BTGTU', maxRank: 1 }],
    [['ban-tham-muu', 'chuyen-vien'], 'mat', 'BTCTU', { maxRank: 1 }],
    [['ban-tham-muu'], 'mat', undefined, null],
    [['don-vi'], 'none', undefined, null],
  ] as const)('roles %j, clearance %s, department %s → %j', (roles, clearance, dept, want) => {
    expect(draftListScope({ roles: [...roles], clearance, ...(dept ? { dept } : {}) })).toEqual(want);
  });

  it('a draft is in the caller’s list exactly when the caller may open it (fast-check)', () => {
    const caller = fc.record({
      roles: fc.subarray([...ROLES], { minLength: 1 }),
      clearance: fc.constantFrom(...CLEARANCES),
      dept: fc.option(fc.constantFrom('BTCTU', 'BTGTU'), { nil: undefined }),
    });
    const draft = fc.record({ secrecy: fc.constantFrom(null, 'mat', 'toi-mat', 'tuyet-mat' as const), dept: fc.constantFrom('BTCTU', 'BTGTU'), sub: fc.constantFrom('a', 'b') });
    fc.assert(
      fc.property(caller, draft, (c, d) => {
        const who: Caller = { sub: 'someone-else', username: 'x', roles: c.roles, clearance: c.clearance, ...(c.dept ? { dept: c.dept } : {}) };
        const scope = draftListScope(who);
        const rank = ['none', 'mat', 'toi-mat', 'tuyet-mat'].indexOf(d.secrecy ?? 'none');
        const listed = !!scope && rank <= scope.maxRank && (scope.dept === undefined || scope.dept === d.dept);
        expect(listed).toBe(canViewDraft(who, { secrecy: d.secrecy, dept: d.dept, createdBy: { sub: d.sub, username: d.sub } }));
      }),
    );
  });
});

describe('statuses', () => {
  it('the open statuses are exactly the statuses that are not final', () => {
    expect([...OPEN_STATUSES].sort()).toEqual(DRAFT_STATUSES.filter((s) => !FINAL_STATUSES.includes(s)).sort());
  });
});

describe('summaryOf', () => {
  it('keeps no body, dossier, precheck or history', () => {
    const at = '2026-11-01T00:00:00.000Z';
    const actor = { sub: 's', username: 'u' };
    const s = summaryOf({
      id: 'd1', typeCode: 'NQ', issuerCode: 'TU', subject: 'Trích yếu', body: 'Nội dung mật', recipients: ['Như trên'], dossier: [{ kind: 'to-trinh' }],
      signingForm: null, signerTitle: null, secrecy: 'mat', urgency: null, dept: 'BTCTU', status: 'approval', round: 2,
      precheck: { findings: [], ok: true, at, round: 2, issuerBodyId: null }, pendingTask: null, history: [{ at, step: 'submitted', actor, round: 1 }],
      numberSymbol: null, outgoingEntryId: null, executionName: 'draft-d1', version: 3, createdAt: at, createdBy: actor, updatedAt: at,
    });
    for (const k of ['body', 'dossier', 'precheck', 'history', 'recipients', 'executionName', 'numberSymbol']) expect(s).not.toHaveProperty(k);
  });
});
