/** A test file's temporary files go to a directory of its own (test/support/own-tmpdir.ts), removed after it. */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run\'s temporary directory', () => {
  it('is this file\'s own, made for it', () => {
    expect(path.basename(tmpdir())).toMatch(/^daumoi-test-/);
    expect(existsSync(tmpdir())).toBe(true);
  });
});
