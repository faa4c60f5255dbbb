/**
 * The synthetic scans the tests read, committed under test/fixtures/scans (copies of the
 * handbook's, see the README there): a clone of the repository alone runs every test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SCANS = path.resolve(import.meta.dirname, '../fixtures/scans');
export const scanFile = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(SCANS, name)));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const scanTruth = (id: string): any => JSON.parse(readFileSync(path.join(SCANS, `${id}.json`), 'utf8'));
