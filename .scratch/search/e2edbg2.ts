import { readFileSync, mkdtempSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { freePort } from '../../local/ports';
const port = await freePort();
const dir = mkdtempSync('/tmp/dbg2-');
const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], { env: { ...process.env, PORT: String(port), DAUMOI_DATA_DIR: dir, POWERTOOLS_LOG_LEVEL: 'INFO' }, stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
child.stdout.on('data', (d) => (out += d)); child.stderr.on('data', (d) => (out += d));
child.on('exit', (code, sig) => console.log('EXIT', code, sig));
for (;;) { try { if ((await fetch(`http://localhost:${port}/v1/health`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 300)); }
const { spawnSync } = await import('node:child_process');
const token = spawnSync(process.execPath, ['--import', 'tsx', 'local/token-cli.ts', 'vanthu'], { env: { ...process.env, DAUMOI_DATA_DIR: dir }, encoding: 'utf8' }).stdout.trim();
const bytes = readFileSync('/work/shared/fixtures/scans/s1-012.pdf');
const c = await fetch(`http://localhost:${port}/v1/scans`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ fileName: 'x.pdf', contentType: 'application/pdf' }) });
const body = await c.json() as any;
await fetch(body.uploadUrl, { method: 'PUT', headers: body.uploadHeaders, body: bytes });
for (let i = 0; i < 90 && child.exitCode === null && child.signalCode === null; i++) await new Promise((r) => setTimeout(r, 1000));
console.log(out.split('\n').filter((l) => !l.includes('audit sealed')).slice(-25).join('\n'));
child.kill('SIGINT');
