/**
 * `npm start` builds the console (web/) when web/dist is missing or older than its sources, so
 * a fresh clone opens at http://localhost:3000/ with no separate step. The build runs Vite as
 * `npm run build:web` does, in a child process, into a directory of its own that then replaces
 * web/dist: offices started side by side (tests) never serve or delete each other's half build.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';
import { CONSOLE_DIST } from './console-serving';

const WEB = path.join(REPO_ROOT, 'web');
/** What the built console is made from. */
const SOURCES = [path.join(WEB, 'src'), path.join(WEB, 'index.html'), path.join(WEB, 'vite.config.ts'), path.join(REPO_ROOT, 'config', 'domain.json')];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), s.mtimeMs);
}

/** True when web/dist is missing or older than a source of the console. */
export function consoleIsStale(dist = CONSOLE_DIST): boolean {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newest(s) > built);
}

/** Builds the console when it is stale; resolves with what happened (a failed build leaves the API running). */
export async function ensureConsoleBuilt(log: (line: string) => void): Promise<'fresh' | 'built' | 'failed'> {
  if (!consoleIsStale()) return 'fresh';
  log('building the console (web/ → web/dist)…');
  const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const out = `${CONSOLE_DIST}.build-${process.pid}-${Date.now()}`;
  const code = await new Promise<number | null>((resolve) => {
    // A production build whoever starts the office (vitest sets NODE_ENV=test, which would give React's development build).
    const child = spawn(process.execPath, [vite, 'build', '--config', path.join(WEB, 'vite.config.ts'), '--outDir', out], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    child.once('exit', resolve);
    child.once('error', () => resolve(null));
  });
  if (code === 0) {
    const old = `${CONSOLE_DIST}.old-${process.pid}-${Date.now()}`;
    try {
      if (existsSync(CONSOLE_DIST)) renameSync(CONSOLE_DIST, old);
    } catch {
      /* another office moved it away first */
    }
    try {
      renameSync(out, CONSOLE_DIST);
    } catch {
      /* another office's build took its place: as good as this one */
    }
    rmSync(old, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    return 'built';
  }
  rmSync(out, { recursive: true, force: true });
  log(`the console could not be built (vite exited ${code}); the API runs, the console page says so`);
  return 'failed';
}
