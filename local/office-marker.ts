/**
 * `<data dir>/office.json`: written by `npm start` while the office runs, so that
 * `DAUMOI_DATA_DIR=<dir> npm run --silent token -- <user>` finds the office of that data
 * directory (its port), and removed when it stops. A marker of a process that is gone is ignored.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface OfficeMarker {
  url: string;
  port: number;
  pid: number;
  kid: string;
}

const file = (dir: string) => path.join(dir, 'office.json');

export function writeOfficeMarker(dir: string, marker: OfficeMarker): void {
  writeFileSync(file(dir), JSON.stringify(marker));
}

export function removeOfficeMarker(dir: string, pid = process.pid): void {
  if (readOfficeMarker(dir)?.pid === pid) rmSync(file(dir), { force: true });
}

/** The marker of the office running on this data directory, if its process is alive. */
export function readOfficeMarker(dir: string): OfficeMarker | undefined {
  if (!existsSync(file(dir))) return undefined;
  try {
    const m = JSON.parse(readFileSync(file(dir), 'utf8')) as OfficeMarker;
    process.kill(m.pid, 0);
    return m;
  } catch {
    return undefined;
  }
}
