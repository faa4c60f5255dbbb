/**
 * Độ khẩn is one set (shared/office/domain/urgency.ts): the three levels of domain.md (f) —
 * Hỏa tốc > Thượng khẩn > Khẩn — that api.md accepts besides null, and the office's handling
 * deadlines, which have one entry per level and one for a document without urgency.
 */
import { describe, expect, it } from 'vitest';
import { addWorkingDays, dueDateForUrgency, loadDomainConfig, URGENCY_LEVELS, type HandlingLevel } from '../../shared/office';
import { readFileSync } from 'node:fs';

const config = loadDomainConfig(readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8'), 'config/domain.json');

describe('urgency', () => {
  it('is the three levels api.md accepts, as it lists them', () => {
    expect(URGENCY_LEVELS).toEqual(['khan', 'thuong-khan', 'hoa-toc']);
  });

  it('the handling deadlines have exactly one entry per level and one for no urgency', () => {
    expect(Object.keys(config.deadlines.handling).sort()).toEqual([...URGENCY_LEVELS, 'normal'].sort());
  });

  it('a more urgent document is due no later (Hỏa tốc ≤ Thượng khẩn ≤ Khẩn ≤ thường), wherever in the week it arrives', () => {
    const mostUrgentFirst: HandlingLevel[] = ['hoa-toc', 'thuong-khan', 'khan', 'normal'];
    // Every hour of two weeks, office hours, nights, weekends and a holiday included.
    const start = addWorkingDays(config, new Date('2026-04-20T00:00:00+07:00'), 0);
    for (let h = 0; h < 14 * 24; h++) {
      const received = new Date(start.getTime() + h * 3_600_000);
      const due = mostUrgentFirst.map((level) => dueDateForUrgency(config, received, level).getTime());
      for (let i = 1; i < due.length; i++) expect(due[i - 1]).toBeLessThanOrEqual(due[i]!);
      expect(dueDateForUrgency(config, received, null)).toEqual(dueDateForUrgency(config, received, 'normal'));
    }
  });
});
