/** Pure parts of the overview of the day: which reporting period is being reported now. */
export type PeriodKind = 'monthly' | 'quarterly' | 'half-year' | 'annual' | 'ad-hoc';

/**
 * The period whose reports are due now: the last one that ended before `today` (YYYY-MM-DD, the
 * office's day), in the API's notation ("2026-10", "2026-Q3", "2026-H1", "2026"); undefined for
 * ad-hoc types (the API knows their one period).
 */
export function periodDueNow(kind: PeriodKind, today: string): string | undefined {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (kind) {
    case 'monthly':
      return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    case 'quarterly': {
      const q = Math.ceil(month / 3) - 1;
      return q === 0 ? `${year - 1}-Q4` : `${year}-Q${q}`;
    }
    case 'half-year':
      return month <= 6 ? `${year - 1}-H2` : `${year}-H1`;
    case 'annual':
      return String(year - 1);
    case 'ad-hoc':
      return undefined;
  }
}
