/** Dates as the office reads them: dd/mm/yyyy, in Asia/Ho_Chi_Minh. */
const TZ = 'Asia/Ho_Chi_Minh';
const dateFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });

const parts = (d: Date) => {
  const p = Object.fromEntries(dateFmt.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year}`;
};

/** A calendar day `YYYY-MM-DD` (no time zone of its own) or an instant, as dd/mm/yyyy. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : parts(d);
}

/** An instant as `dd/mm/yyyy hh:mm` in the office's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : `${parts(d)} ${timeFmt.format(d)}`;
}

/** Today in the office's time zone, as `YYYY-MM-DD`. */
export function todayInOffice(now = new Date()): string {
  const p = Object.fromEntries(dateFmt.formatToParts(now).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** `dd/mm/yyyy` typed by a person → `YYYY-MM-DD`, or undefined when it is not a date of that shape. */
export function parseDayInput(text: string): string | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}
