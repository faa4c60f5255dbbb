import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDomainConfig, type DomainConfig } from '../../shared/office';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/platform/errors';
import type { Caller } from '../../shared/platform/security';
import { applyIncomingPatch, incomingOverdue, planIncoming, STATUS_MOVES } from '../../shared/registers/domain/incoming';
import type { IncomingEntry, IncomingInput, IncomingStatus } from '../../shared/registers/domain/model';

const text = readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8');
const config = loadDomainConfig(text, 'config/domain.json');
const edited = (edit: (raw: DomainConfig) => void): DomainConfig => {
  const raw = JSON.parse(text) as DomainConfig;
  edit(raw);
  return loadDomainConfig(JSON.stringify(raw, null, 2), 'edited.json');
};
const vn = (wall: string) => new Date(`${wall}+07:00`);
const clerk: Caller = { sub: 'u-vt', username: 'vanthu', roles: ['van-thu'], clearance: 'mat' };
const toiMatClerk: Caller = { ...clerk, clearance: 'toi-mat' };
const handlerCaller: Caller = { sub: 'u-cv', username: 'chuyenvien', roles: ['chuyen-vien'], clearance: 'mat' };

const input = (over: Partial<IncomingInput> = {}): IncomingInput => ({
  numberSymbol: 'Số 10-NQ/TU',
  documentDate: '2026-11-18',
  issuer: 'Tỉnh ủy Hưng Yên',
  typeCode: 'NQ',
  subject: 'về chuyển đổi số',
  secrecy: null,
  urgency: null,
  ...over,
});
// Friday 20/11/2026, 09:00 in Hà Nội.
const NOW = vn('2026-11-20T09:00:00');
const plan = (over: Partial<IncomingInput> = {}, actor = clerk, now = NOW, cfg = config) => planIncoming(input(over), { config: cfg, now, actor });

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).details.map((d) => `${d.path}: ${d.message}`);
  }
  throw new Error('expected a ValidationError');
}

describe('planIncoming', () => {
  it('prepares the entry: register and year, arrival date, parsed symbol, type name, due date from urgency', () => {
    const p = plan();
    expect(p.registerKey).toBe('incoming/2026');
    expect(p.duplicateKey).toBe('party|10|nq|tu|||2026-11-18');
    expect(p.entry).toMatchObject({
      book: 'normal',
      arrivalYear: 2026,
      arrivalDate: '2026-11-20',
      arrivedAt: NOW.toISOString(),
      numberSymbol: 'Số 10-NQ/TU',
      parsedNumberSymbol: { form: 'party', number: 10, typeSymbol: 'NQ', issuerCode: 'TU', canonical: '10-NQ/TU' },
      issuerCode: 'TU',
      typeCode: 'NQ',
      typeName: 'Nghị quyết',
      status: 'registered',
      handler: null,
      // Normal handling: 10 working days after Friday 20/11 → Friday 04/12.
      dueDate: '2026-12-04',
      dueSource: 'urgency',
      createdBy: { sub: 'u-vt', username: 'vanthu' },
    });
  });

  it('the year is the office’s: 31/12 23:59 and 01/01 00:00 in Hà Nội fall in different registers', () => {
    expect(plan({ documentDate: '2026-12-30' }, clerk, vn('2026-12-31T23:59:00')).registerKey).toBe('incoming/2026');
    const newYear = plan({ documentDate: '2026-12-30' }, clerk, vn('2027-01-01T00:00:00'));
    expect(newYear.registerKey).toBe('incoming/2027');
    expect(newYear.entry.arrivalDate).toBe('2027-01-01');
  });

  it('secret documents go to the secret register when the configuration says so', () => {
    expect(plan({ secrecy: 'mat' }).entry).toMatchObject({ book: 'secret', registerKey: 'incoming-secret/2026' });
    const shared = edited((c) => (c.registers.incoming.secretSeparate = false));
    expect(plan({ secrecy: 'mat' }, clerk, NOW, shared).entry).toMatchObject({ book: 'normal', registerKey: 'incoming/2026' });
    const fromToiMat = edited((c) => (c.registers.incoming.secretFrom = 'toi-mat'));
    expect(plan({ secrecy: 'mat' }, clerk, NOW, fromToiMat).entry.book).toBe('normal');
    expect(plan({ secrecy: 'toi-mat' }, toiMatClerk, NOW, fromToiMat).entry.book).toBe('secret');
  });

  it('a handler given at registration assigns the entry; a due date by hand wins over urgency', () => {
    const p = plan({ handler: 'chuyenvien', dueDate: '2026-11-27', urgency: 'hoa-toc' });
    expect(p.entry).toMatchObject({ status: 'assigned', handler: 'chuyenvien', assignedAt: NOW.toISOString(), dueDate: '2026-11-27', dueSource: 'manual' });
    expect(p.entry.dueAt).toBe(new Date('2026-11-27T23:59:59.999+07:00').toISOString());
  });

  it('urgent documents are due within office hours', () => {
    expect(plan({ urgency: 'hoa-toc' }).entry.dueAt).toBe(vn('2026-11-20T11:00:00').toISOString());
    // Thượng khẩn: 8 office hours from Friday 09:00 — 6 on Friday (to 11:30, 13:30–17:00), 2 from Monday 07:30.
    expect(plan({ urgency: 'thuong-khan' }).entry.dueAt).toBe(vn('2026-11-23T09:30:00').toISOString());
  });

  it('State number-symbols are accepted and recognised as the same letter however they are spaced', () => {
    const a = plan({ numberSymbol: 'Số: 45/2026/NĐ-CP', typeCode: 'CV', issuer: 'Chính phủ' });
    const b = plan({ numberSymbol: '45 / 2026 / NĐ - CP', typeCode: 'CV', issuer: 'Chính phủ' });
    expect(a.duplicateKey).toBe(b.duplicateKey);
    expect(a.entry.parsedNumberSymbol).toMatchObject({ form: 'state', number: 45, issuerCode: 'CP' });
    expect(plan({ numberSymbol: '123/UBND-VP', typeCode: 'CV' }).entry.issuerCode).toBe('UBND');
  });

  it.each(['10-NQ/TU', 'Số 10 - NQ / TU', 'So: 010-NQ/TU', 'S6 l0-NQ/TU', 'Số 10–NQ/TU.'])('%s is the same letter as Số 10-NQ/TU', (spelling) => {
    expect(plan({ numberSymbol: spelling }).duplicateKey).toBe(plan().duplicateKey);
  });

  it.each(['Số 10-NQ/TU ngày 05', '10-NQ/TU, 11-NQ/TU', 'về việc 10-NQ/TU', 'NQ/TU', '10', 'Số: /UBND-VP'])('%s is not one number-symbol', (text) => {
    expect(problemsOf(() => plan({ numberSymbol: text }))).toEqual([expect.stringMatching(/^numberSymbol: ".*" is not a number-symbol/)]);
  });

  it('lists every problem at once', () => {
    expect(problemsOf(() => plan({ documentDate: '2026-02-31', typeCode: 'XX', numberSymbol: 'abc' }))).toEqual([
      'documentDate: documentDate 2026-02-31 is not a real date (31/2/2026 does not exist)',
      expect.stringMatching(/^typeCode: unknown document type "XX"; known: NQ, QĐ, CT/),
      expect.stringMatching(/^numberSymbol: "abc" is not a number-symbol/),
    ]);
  });

  it.each([
    [{ documentDate: '2026-11-21' }, /documentDate 2026-11-21 is in the future/],
    [{ numberSymbol: '10-NQ/TU', typeCode: 'CT' }, /10-NQ\/TU is a NQ document, but typeCode is CT/],
    [{ dueDate: '2026-11-19' }, /dueDate 2026-11-19 is before the arrival date 2026-11-20/],
    [{ dueDate: '2026-11-31' }, /dueDate 2026-11-31 is not a real date/],
  ])('refuses %o', (over, message) => {
    expect(problemsOf(() => plan(over)).join('\n')).toMatch(message);
  });

  it('a QĐ number-symbol fits both Quyết định and Quy định', () => {
    expect(plan({ numberSymbol: '5-QĐ/TU', typeCode: 'QĐ' }).entry.typeCode).toBe('QĐ');
    expect(plan({ numberSymbol: '5-QĐ/TU', typeCode: 'QĐi' }).entry.typeName).toBe('Quy định');
  });

  it('needs the clearance of the document, and takes metadata only for tối mật and tuyệt mật', () => {
    expect(() => plan({ secrecy: 'toi-mat' })).toThrow(ForbiddenError);
    expect(problemsOf(() => plan({ secrecy: 'toi-mat', scanId: 'scan-1' }, toiMatClerk))).toEqual([
      'scanId: a Tối mật (toi-mat) document is registered with metadata only: remove scanId',
    ]);
    expect(plan({ secrecy: 'mat', scanId: 'scan-1' }).entry.scanId).toBe('scan-1');
  });
});

describe('applyIncomingPatch', () => {
  const base = (over: Partial<IncomingEntry> = {}): IncomingEntry => ({
    ...(plan().entry as IncomingEntry),
    id: 'e1',
    arrivalNumber: 1,
    version: 1,
    ...over,
  });
  const later = vn('2026-11-23T10:00:00');
  const apply = (e: IncomingEntry, patch: Parameters<typeof applyIncomingPatch>[1], actor: Caller = clerk) => applyIncomingPatch(e, patch, { config, now: later, actor });

  it('assigning moves a registered entry to assigned and stamps the hand-over', () => {
    const e = apply(base(), { handler: 'chuyenvien' });
    expect(e).toMatchObject({ status: 'assigned', handler: 'chuyenvien', assignedAt: later.toISOString(), version: 2, updatedBy: { username: 'vanthu' } });
  });

  const ALL: IncomingStatus[] = ['registered', 'assigned', 'in-progress', 'done'];
  const pairs = ALL.flatMap((from) => ALL.filter((to) => to !== from).map((to) => [from, to] as const));
  const allowed = pairs.filter(([from, to]) => STATUS_MOVES[from].includes(to));
  const refused = pairs.filter(([from, to]) => !STATUS_MOVES[from].includes(to));

  it('the allowed moves are registered → assigned → in-progress → done (assigned may go straight to done)', () => {
    expect(allowed).toEqual([
      ['registered', 'assigned'],
      ['assigned', 'in-progress'],
      ['assigned', 'done'],
      ['in-progress', 'done'],
    ]);
  });
  it.each(allowed)('status %s → %s is allowed', (from, to) => {
    expect(apply(base({ status: from, handler: 'chuyenvien' }), { status: to }).status).toBe(to);
  });
  it.each(refused)('status %s → %s is a 409', (from, to) => {
    expect(() => apply(base({ status: from, handler: 'chuyenvien' }), { status: to })).toThrow(ConflictError);
  });

  it('done stamps doneAt and is final but for the note', () => {
    const done = apply(base({ status: 'in-progress', handler: 'chuyenvien' }), { status: 'done' });
    expect(done.doneAt).toBe(later.toISOString());
    expect(apply(done, { note: 'đã lưu hồ sơ' }).note).toBe('đã lưu hồ sơ');
    expect(() => apply(done, { handler: 'x' })).toThrow(/done; only its note can change/);
  });

  it('the handler may move their own entry and write its note, nothing else; others may not', () => {
    const mine = base({ status: 'assigned', handler: 'chuyenvien' });
    expect(apply(mine, { status: 'in-progress', note: 'đang xử lý' }, handlerCaller)).toMatchObject({ status: 'in-progress', note: 'đang xử lý' });
    expect(() => apply(mine, { dueDate: '2026-12-31' }, handlerCaller)).toThrow(/may change only status and note, not dueDate/);
    expect(() => apply(base({ status: 'assigned', handler: 'someone' }), { status: 'in-progress' }, handlerCaller)).toThrow(ForbiddenError);
  });

  it('removing the handler sends an assigned entry back to registered, but not one being handled', () => {
    expect(apply(base({ status: 'assigned', handler: 'chuyenvien' }), { handler: null })).toMatchObject({ status: 'registered', handler: null, assignedAt: null });
    expect(() => apply(base({ status: 'in-progress', handler: 'chuyenvien' }), { handler: null })).toThrow(ConflictError);
  });

  it('a due date set by hand, or null to return to the urgency rule', () => {
    const manual = apply(base(), { dueDate: '2026-12-15' });
    expect(manual).toMatchObject({ dueDate: '2026-12-15', dueSource: 'manual' });
    expect(apply(manual, { dueDate: null })).toMatchObject({ dueDate: '2026-12-04', dueSource: 'urgency' });
  });

  it('an empty change is refused', () => {
    expect(() => apply(base(), {})).toThrow(/nothing to change/);
  });
});

describe('incomingOverdue', () => {
  const due = vn('2026-12-04T17:00:00').toISOString();
  it.each([
    ['assigned', '2026-12-04T16:59:00', false],
    ['assigned', '2026-12-04T17:01:00', true],
    ['registered', '2027-01-01T00:00:00', true],
    ['done', '2027-01-01T00:00:00', false],
  ] as const)('%s at %s → %s', (status, at, overdue) => {
    expect(incomingOverdue({ status, dueAt: due }, vn(at))).toBe(overdue);
  });
  it('no due date is never overdue', () => {
    expect(incomingOverdue({ status: 'registered', dueAt: null }, vn('2030-01-01T00:00:00'))).toBe(false);
  });
});
