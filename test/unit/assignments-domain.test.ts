/**
 * The pure rules of giao việc: due dates on the office calendar (working days back and forth),
 * reminder slots, and the stats kept as running totals of done work plus open rows — which must
 * always tell what counting every assignment would.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { officeConfig } from '../../shared/office/index';
import { cooperatingDueDate, shiftWorkingDays } from '../../shared/assignments/domain/calendar';
import { dueReminder, reminderSlots } from '../../shared/assignments/domain/reminders';
import { aggKey, aggregateDeltas, tally, type AggRow } from '../../shared/assignments/domain/stats';
import type { Assignment } from '../../shared/assignments/domain/model';

const config = officeConfig();

describe('working days', () => {
  // 2026: Tết Nguyên đán 14–22 February, Giỗ Tổ 27 April, 30/4–1/5 (config/domain.json).
  it.each([
    ['2026-02-12', 1, '2026-02-13'],
    ['2026-02-13', 1, '2026-02-23'],
    ['2026-02-23', -1, '2026-02-13'],
    ['2026-04-24', 2, '2026-04-29'],
    ['2026-05-04', -2, '2026-04-28'],
    ['2026-05-02', 0, '2026-04-29'],
    ['2026-11-20', 0, '2026-11-20'],
  ])('%s shifted by %i working days is %s', (from, n, to) => {
    expect(shiftWorkingDays(config, from, n)).toBe(to);
  });

  it('a co-operating unit is due the configured working days before the lead, never before today', () => {
    expect(cooperatingDueDate(config, '2026-11-02', '2026-11-16')).toBe('2026-11-12');
    expect(cooperatingDueDate(config, '2026-11-13', '2026-11-16')).toBe('2026-11-13');
  });
});

describe('reminder slots', () => {
  it('fall at 08:00 the configured working days before and after the due date, over weekends and holidays', () => {
    // Due Monday 23 February 2026, the first working day after Tết.
    expect(reminderSlots(config, '2026-02-23').map((s) => `${s.kind} ${s.days} ${s.at.toISOString()}`)).toEqual([
      'before 2 2026-02-12T01:00:00.000Z',
      'before 0 2026-02-23T01:00:00.000Z',
      'after 1 2026-02-24T01:00:00.000Z',
      'after 3 2026-02-26T01:00:00.000Z',
    ]);
  });

  it('the due one is the latest passed; none for done work, none before the first, none a week after the last', () => {
    const a = { status: 'open' as const, dueDate: '2026-02-23', dueAt: '2026-02-23T16:59:59.999Z' };
    expect(dueReminder(config, a, new Date('2026-02-12T00:59:00Z'))).toBeNull();
    expect(dueReminder(config, a, new Date('2026-02-20T09:00:00Z'))).toMatchObject({ kind: 'before', days: 2 });
    expect(dueReminder(config, a, new Date('2026-02-25T09:00:00Z'))).toMatchObject({ kind: 'after', days: 1 });
    expect(dueReminder(config, a, new Date('2026-03-05T00:59:00Z'))).toMatchObject({ kind: 'after', days: 3 });
    expect(dueReminder(config, a, new Date('2026-03-05T01:00:00Z'))).toBeNull();
    expect(dueReminder(config, { ...a, status: 'done' }, new Date('2026-02-20T09:00:00Z'))).toBeNull();
  });
});

describe('stats', () => {
  const NOW = new Date('2026-12-01T00:00:00Z');
  const people = ['u:an', 'u:binh', 'd:BTCTU', 'd:BTGTU'];
  const state = fc.record({
    who: fc.constantFrom(...people),
    dept: fc.constantFrom('BTCTU', 'BTGTU', null),
    month: fc.constantFrom('2026-10', '2026-11'),
    secrecy: fc.constantFrom(null, 'mat' as const),
    done: fc.boolean(),
    onTime: fc.boolean(),
    extensions: fc.nat(3),
    dueDay: fc.integer({ min: 1, max: 90 }), // due before NOW (overdue when open) or after it
  });
  type State = typeof state extends fc.Arbitrary<infer T> ? T : never;
  const assignment = (id: string, s: State): Assignment =>
    ({
      id,
      assignee: s.who.startsWith('u:') ? { user: s.who.slice(2) } : { dept: s.who.slice(2) },
      assigneeDept: s.who.startsWith('d:') ? s.who.slice(2) : s.dept,
      assignedDate: `${s.month}-05`,
      secrecy: s.secrecy,
      status: s.done ? 'done' : 'open',
      onTime: s.done ? s.onTime : null,
      extensions: s.extensions,
      dueAt: new Date(Date.parse('2026-10-01T00:00:00Z') + s.dueDay * 86_400_000).toISOString(),
    }) as Assignment;

  it('running totals moved by each write, plus the open rows, count as counting every assignment would', () => {
    fc.assert(
      fc.property(fc.array(fc.array(state, { minLength: 1, maxLength: 4 }), { maxLength: 12 }), fc.constantFrom('user' as const, 'dept' as const), (histories, by) => {
        // Each assignment goes through its states (kept in the month it was given); the totals see only the differences.
        const totals = new Map<string, AggRow>();
        const finals = histories.map((h, i) => {
          const states = h.map((s) => assignment(`a${i}`, { ...s, month: h[0]!.month, who: s.who, secrecy: h[0]!.secrecy }));
          let before: Assignment | null = null;
          for (const after of states) {
            for (const d of aggregateDeltas([before, after])) {
              const t = totals.get(aggKey(d)) ?? { ...d, assigned: 0, doneOnTime: 0, doneLate: 0, open: 0, extensions: 0 };
              for (const f of ['assigned', 'doneOnTime', 'doneLate', 'open', 'extensions'] as const) t[f] += d[f];
              totals.set(aggKey(d), t);
            }
            before = after;
          }
          return before!;
        });
        // The store gives the open rows not yet due (sk ≥ now).
        const fromTotals = tally([...totals.values()], finals.filter((a) => a.status === 'open' && a.dueAt >= NOW.toISOString()), by, NOW);
        // Counted one by one from the final states.
        const naive = new Map<string, Record<string, number>>();
        for (const a of finals) {
          const key = by === 'user' ? ('user' in a.assignee ? `u:${a.assignee.user}` : `d:${a.assignee.dept}`) : `d:${('dept' in a.assignee ? a.assignee.dept : a.assigneeDept) ?? ''}`;
          const t = naive.get(key) ?? { assigned: 0, doneOnTime: 0, doneLate: 0, open: 0, overdue: 0, extensions: 0 };
          t.assigned!++;
          t.extensions! += a.extensions;
          if (a.status === 'done') t[a.onTime ? 'doneOnTime' : 'doneLate']!++;
          else {
            t.open!++;
            if (NOW.getTime() > Date.parse(a.dueAt)) t.overdue!++;
          }
          naive.set(key, t);
        }
        const keyOf = (l: { user?: string; dept?: string | null }) => ('user' in l && l.user !== undefined ? `u:${l.user}` : `d:${l.dept ?? ''}`);
        const got = Object.fromEntries(
          fromTotals.map((line) => {
            const { user, dept, ...t } = line as unknown as { user?: string; dept?: string | null } & Record<string, number>;
            return [keyOf({ user, dept }), t];
          }),
        );
        expect(got).toEqual(Object.fromEntries(naive));
      }),
    );
  });
});
