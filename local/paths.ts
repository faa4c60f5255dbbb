/** Where the embedded office keeps its state: `.daumoi/` in the repository, or DAUMOI_DATA_DIR. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function dataDir(): string {
  return path.resolve(process.env.DAUMOI_DATA_DIR ?? path.join(REPO_ROOT, '.daumoi'));
}

export const LOCAL_ISSUER = 'https://daumoi.local/issuer';
export const LOCAL_BUCKET = 'daumoi-scans';
