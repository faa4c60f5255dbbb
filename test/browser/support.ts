/**
 * Browser tests' parts: Debian's chromium driven by playwright-core (no browser download), with a
 * fresh profile per launch, and helpers that act as a person does (by accessible names).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect } from 'vitest';
import { removeDir, startOffice, type Office } from '../support/e2e';
import { ensureConsoleBuilt } from '../../local/console-build';
import { REPO_ROOT } from '../../local/paths';

export const CHROMIUM = process.env.DAUMOI_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface RunningBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Where the browser tests' screenshots go (gitignored). */
export const SHOTS = path.join(REPO_ROOT, '.test-data', 'screenshots');

/**
 * Where the few screenshots of the main screens go: DAUMOI_SCREENSHOTS when set (`npm run
 * screenshots` sets it to docs/screenshots, the README's), otherwise with the others.
 */
export const MAIN_SHOTS = process.env.DAUMOI_SCREENSHOTS ? path.resolve(REPO_ROOT, process.env.DAUMOI_SCREENSHOTS) : SHOTS;

/** The viewport of the main screens' screenshots (a common laptop's). */
export const MAIN_VIEWPORT = { width: 1366, height: 768 } as const;

/**
 * A screenshot of one of the main screens, named for the README: the page as seen in a 1366×768
 * window (not the full page), after which the page's own viewport is restored.
 */
export async function mainScreenshot(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(MAIN_VIEWPORT);
  mkdirSync(MAIN_SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(MAIN_SHOTS, `${name}.png`) });
  if (before) await page.setViewportSize(before);
}

/**
 * One office per test file, started as `npm start` starts it (the console built first), handed to
 * `started` once it answers; every page `newPage` opened is closed, then the office is stopped and
 * its data removed. A file's own afterAll hooks run before this one's (vitest runs them as a stack).
 */
export function useConsoleOffice(started: (office: Office) => void): { newPage: () => Promise<Page> } {
  let office: Office | undefined;
  const browsers: RunningBrowser[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    expect(await ensureConsoleBuilt(() => undefined)).not.toBe('failed');
    office = await startOffice();
    started(office);
  }, 180_000);
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await office?.stop();
    if (office) removeDir(office.dataDir);
  });
  return {
    async newPage() {
      const b = await launchChromium();
      browsers.push(b);
      return b.context.newPage();
    },
  };
}

/** A chromium with a profile of its own (removed on close). */
export async function launchChromium(): Promise<RunningBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium; .ci/run does) or set DAUMOI_CHROMIUM`);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'daumoi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1440, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Every response the page receives, with its body (text), for checks on what reached the browser. */
export interface Recorded {
  url: string;
  status: number;
  body: string;
}

export function recordResponses(page: Page): { all: Recorded[]; settled(): Promise<void> } {
  const all: Recorded[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (r: Response) => {
    pending.push(
      r
        .body()
        .then((b) => void all.push({ url: r.url(), status: r.status(), body: b.toString('utf8') }))
        .catch(() => void all.push({ url: r.url(), status: r.status(), body: '' })),
    );
  });
  return { all, settled: async () => void (await Promise.all(pending)) };
}

/**
 * axe-core rules switched off for the console, each with the reason (none so far: every serious or
 * critical finding is fixed instead).
 */
export const AXE_RULES_OFF: Record<string, string> = {};

/**
 * The serious and critical accessibility violations axe-core (every rule it runs by default: WCAG 2.x
 * A/AA and best practices) finds on the page as it is now, one line each with where.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const off = Object.keys(AXE_RULES_OFF);
  const result = await (off.length ? new AxeBuilder({ page }).disableRules(off) : new AxeBuilder({ page })).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}]` : ''}`).join('; ')}`);
}

/** Signs in on the office's sign-in page as a person would, and waits for the console to show them. */
export async function signIn(page: Page, base: string, username: string, password = 'demo', path = '/'): Promise<void> {
  await page.goto(base + path);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Văn bản đến', exact: true }).waitFor({ timeout: 30_000 });
}

/** The same, with the keyboard only: the user name field has the focus, Tab to the password, Enter to send. */
export async function signInWithKeyboard(page: Page, base: string, username: string, password = 'demo'): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Tên đăng nhập').waitFor();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Văn bản đến', exact: true }).waitFor({ timeout: 30_000 });
}

export type { Browser, Page };
