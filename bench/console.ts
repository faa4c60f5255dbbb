/**
 * `npm run bench -- console [--sizes 100,10000] [--reps 5] [--deep 50] [--search-wait 1800]`: a register of 100 and of
 * 10,000 incoming letters, paged from the server in the console. For each size an embedded office
 * (`npm start`, ports 3151…, data in /tmp/console-bench-*) gets the letters over HTTP, 32 at a
 * time (the fastest path bench/registers measures: 230 registrations/s), every third a Thông báo;
 * then Debian's chromium signs in as the văn thư and measures the time
 * from asking to the table showing the expected rows for: the register's first page (a fresh
 * load), page 2, every page up to `deep` (by "Trang sau"), a page filtered by type and a searched
 * page (once search, following the stream, finds the last letter; at most --search-wait s). Next to
 * each, the API's time for the same request (fetch from this process, same token).
 * Prints p50/p95 in ms; the 10,000's figures should be those of the 100's.
 */
import { rmSync } from 'node:fs';
import { startOffice, type Office } from '../test/support/e2e';
import { percentile, runTag } from '../test/support/register-load';
import { launchChromium, signIn, type Page } from '../test/browser/support';
import { ensureConsoleBuilt } from '../local/console-build';

const option = (args: string[], flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const fmt = (xs: number[]) => (xs.length ? `${percentile(xs, 50).toFixed(0).padStart(5)} / ${percentile(xs, 95).toFixed(0).padStart(5)}` : '    – /     –');

interface Page1 {
  items: { numberSymbol: string; id: string }[];
  nextCursor?: string | null;
}

/** The API's answer and its time, as the console asks it. */
async function api(office: Office, token: string, pathAndQuery: string): Promise<{ ms: number; body: Page1 }> {
  const t0 = performance.now();
  const r = await fetch(office.url + pathAndQuery, { headers: { authorization: `Bearer ${token}` } });
  const body = (await r.json()) as Page1;
  if (r.status !== 200) throw new Error(`${pathAndQuery}: ${r.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { ms: performance.now() - t0, body };
}

/** The link of the register's row holding this number-symbol ("Số đến N, <số, ký hiệu>": not one whose number merely ends the same). */
const rowOf = (page: Page, numberSymbol: string) => page.getByRole('link', { name: new RegExp(`, ${escape(numberSymbol)}$`) });

async function measure(size: number, port: number, reps: number, deep: number, searchWaitS: number): Promise<Record<string, { ui: number[]; api: number[] }>> {
  const dataDir = `/tmp/console-bench-${size}`;
  rmSync(dataDir, { recursive: true, force: true });
  const office = await startOffice({ port, dataDir, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
  const out: Record<string, { ui: number[]; api: number[] }> = { 'trang đầu': { ui: [], api: [] }, 'trang 2': { ui: [], api: [] }, [`trang 3–${deep}`]: { ui: [], api: [] }, 'lọc theo loại': { ui: [], api: [] }, 'tìm kiếm': { ui: [], api: [] } };
  const browser = await launchChromium();
  try {
    const token = office.token('vanthu');
    const tag = runTag();
    const t0 = performance.now();
    let next = 0;
    // Numbers from 10001, five digits each (a busy year's numbers).
    const letters = (i: number) => ({ numberSymbol: `${10_001 + i}-${i % 3 === 0 ? 'TB' : 'CV'}/${tag}`, documentDate: new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }), issuer: 'Ban Tổ chức Tỉnh ủy', typeCode: i % 3 === 0 ? 'TB' : 'CV', subject: `về việc chuẩn bị hội nghị ${i % 7 === 0 ? 'sơ kết' : 'tổng kết'} công tác năm, đợt ${tag.toLowerCase()} số ${i + 1}`, secrecy: null, urgency: null });
    // Registered as the console does, 32 at a time (register-load's letters are all Công văn: these mix in Thông báo).
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < size) {
          const i = next++;
          const r = await fetch(`${office.url}/v1/registers/incoming/entries`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(letters(i)) });
          if (r.status !== 201) throw new Error(`registration ${i}: ${r.status} ${(await r.text()).slice(0, 300)}`);
        }
      }),
    );
    console.log(`${size}: registered in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const year = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 4);
    const list = (extra = '', cursor?: string) => `/v1/registers/incoming/entries?year=${year}&limit=20${extra}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    // The pages as the API gives them (what each page's first row is), following cursors.
    const pages: Page1[] = [];
    for (let cursor: string | undefined, k = 0; k < deep; k++) {
      const r = await api(office, token, list('', cursor));
      pages.push(r.body);
      if (!r.body.nextCursor) break;
      cursor = r.body.nextCursor;
    }
    /** One case of one round; a failure is said and the other cases go on. */
    const attempt = async (what: string, f: () => Promise<void>) => {
      try {
        await f();
      } catch (err) {
        console.log(`${size}: ${what} failed: ${(err as Error).message.split('\n')[0]}`);
      }
    };
    const page = await browser.context.newPage();
    await signIn(page, office.url, 'vanthu', 'demo', '/van-ban-den');
    // Filtered and searched pages start from the first page: the row waited for is one the first page does not hold.
    const notOnFirst = (items: Page1['items']) => items.find((i) => !pages[0]!.items.some((f) => f.numberSymbol === i.numberSymbol))!.numberSymbol;
    const firstPage = async () => {
      await page.goto(`${office.url}/van-ban-den`);
      await rowOf(page, pages[0]!.items[0]!.numberSymbol).first().waitFor({ timeout: 60_000 });
    };
    for (let rep = 0; rep < reps; rep++) {
      const s0 = performance.now();
      await page.goto(`${office.url}/van-ban-den`);
      await rowOf(page, pages[0]!.items[0]!.numberSymbol).first().waitFor({ timeout: 60_000 });
      out['trang đầu']!.ui.push(performance.now() - s0);
      out['trang đầu']!.api.push((await api(office, token, list())).ms);
      for (let k = 1; k < pages.length; k++) {
        const key = k === 1 ? 'trang 2' : `trang 3–${deep}`;
        const s = performance.now();
        await page.getByRole('button', { name: 'Trang sau' }).click();
        await rowOf(page, pages[k]!.items[0]!.numberSymbol).first().waitFor({ timeout: 60_000 });
        out[key]!.ui.push(performance.now() - s);
        out[key]!.api.push((await api(office, token, list('', pages[k - 1]!.nextCursor!))).ms);
        if (rep > 0 && k >= 3) break; // the deep walk once; the first pages every time
      }
      // Filtered by type (Thông báo), from the first page.
      await attempt('lọc theo loại', async () => {
        await firstPage();
        const tb = await api(office, token, list('&typeCode=TB'));
        const f0 = performance.now();
        await page.getByRole('button', { name: /^Loại văn bản/ }).click();
        await page.getByRole('option', { name: 'Thông báo (TB)' }).click();
        await rowOf(page, notOnFirst(tb.body.items)).first().waitFor({ timeout: 60_000 });
        out['lọc theo loại']!.ui.push(performance.now() - f0);
        out['lọc theo loại']!.api.push(tb.ms);
      });
    }
    // Search follows the Data table's stream: the searched page once the last letter is found by its number-symbol.
    const t1 = performance.now();
    let indexed = false;
    while (!indexed && performance.now() - t1 < searchWaitS * 1000) {
      const r = await api(office, token, `/v1/search?q=${encodeURIComponent(letters(size - 1).numberSymbol)}&register=incoming&limit=5`);
      indexed = r.body.items.some((h) => h.numberSymbol === letters(size - 1).numberSymbol);
      if (!indexed) await new Promise((r) => setTimeout(r, 2000));
    }
    console.log(indexed ? `${size}: indexed ${((performance.now() - t1) / 1000).toFixed(1)} s after the list's rounds` : `${size}: search had not caught up after ${searchWaitS} s: no searched page measured`);
    for (let rep = 0; rep < reps && indexed; rep++) {
      // Searched, typed without diacritics: the oldest letter (a sơ kết, "số 1"), which the first page does not hold.
      await attempt('tìm kiếm', async () => {
        await firstPage();
        const q = `so ket ${tag.toLowerCase()} so 1`;
        const found = await api(office, token, `/v1/search?q=${encodeURIComponent(q)}&register=incoming&year=${year}&limit=20`);
        if (!found.body.items.some((h) => h.numberSymbol === letters(0).numberSymbol)) throw new Error(`search for "${q}" did not find ${letters(0).numberSymbol}`);
        const q0 = performance.now();
        await page.getByLabel('Tìm văn bản đến').fill(q);
        await page.getByRole('button', { name: 'Tìm', exact: true }).click();
        await rowOf(page, letters(0).numberSymbol).first().waitFor({ timeout: 60_000 });
        out['tìm kiếm']!.ui.push(performance.now() - q0);
        out['tìm kiếm']!.api.push(found.ms);
      });
    }
    return out;
  } finally {
    await browser.close();
    await office.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(argv: string[]): Promise<void> {
  const sizes = (option(argv, '--sizes') ?? '100,10000').split(',').map(Number);
  const reps = Number(option(argv, '--reps') ?? 5);
  const deep = Number(option(argv, '--deep') ?? 50);
  const searchWaitS = Number(option(argv, '--search-wait') ?? 1800);
  if ((await ensureConsoleBuilt(() => undefined)) === 'failed') throw new Error('the console did not build');
  const results = new Map<number, Record<string, { ui: number[]; api: number[] }>>();
  for (const [i, size] of sizes.entries()) results.set(size, await measure(size, 3151 + i, reps, deep, searchWaitS));
  console.log(`\nregister paged in chromium (ms, p50 / p95; ${reps} rounds; table showing its rows | API alone)`);
  console.log(`${'case'.padEnd(16)}${sizes.map((s) => `${`${s} entries: UI`.padStart(22)}${'API'.padStart(15)}`).join('')}`);
  for (const key of Object.keys(results.get(sizes[0]!)!)) {
    console.log(`${key.padEnd(16)}${sizes.map((s) => `${fmt(results.get(s)![key]!.ui).padStart(22)}${fmt(results.get(s)![key]!.api).padStart(15)}`).join('')}`);
  }
}
