/** Parts of the browser tests of Việc của tôi, drafts and the overview: people signing in, the API with a token, the office's days. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Office } from '../support/e2e';

/** Signs in on the office's sign-in page and waits for a navigation entry this person has (a department has no "Văn bản đến"). */
export async function signInAs(page: Page, base: string, username: string, landing: string, path = '/'): Promise<void> {
  await page.goto(base + path);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: landing, exact: true }).waitFor({ timeout: 30_000 });
}

export async function call(office: Office, token: string, method: string, p: string, body?: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`${office.url}${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

/** Reads a draft until `done` holds (the workflow runs on its own). */
export async function draftWhen(office: Office, token: string, id: string, done: (d: any) => boolean): Promise<any> {
  let last: any;
  for (let i = 0; i < 150; i++) {
    last = (await call(office, token, 'GET', `/v1/drafts/${id}`)).body;
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect.fail(`draft ${id} never reached the expected state: ${JSON.stringify(last?.status)}`);
}

/** A day in the office's time zone, `days` from today, as YYYY-MM-DD. */
export function officeDay(days = 0): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })
      .formatToParts(new Date(Date.now() + days * 86_400_000))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}`;
}
