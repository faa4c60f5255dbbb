/** The console's sources type-check on their own configuration (web/tsconfig.json: DOM, JSX), apart from the root's. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../local/paths';

describe('web/ (tsc -p web)', () => {
  it('has no type errors, with the generated API types', () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'web', '--noEmit'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
