import { readFileSync } from 'node:fs';
import { startOffice } from '../../test/support/e2e';
const office = await startOffice();
try {
  const token = office.token('vanthu');
  const bytes = readFileSync('/work/shared/fixtures/scans/s1-012.pdf');
  const c = await fetch(`${office.url}/v1/scans`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ fileName: 'x.pdf', contentType: 'application/pdf', size: bytes.length }) });
  const body = await c.json() as any;
  console.log(c.status, body.uploadUrl?.slice(0, 80));
  try { const put = await fetch(body.uploadUrl, { method: 'PUT', headers: body.uploadHeaders, body: bytes }); console.log('put', put.status); } catch (e) { console.log('put err', (e as Error).message, (e as any).cause); }
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    try { const g = await fetch(`${office.url}/v1/scans/${body.scanId}`, { headers: { authorization: `Bearer ${token}` } }); const b = await g.json() as any; console.log(i, b.status, b.message?.slice(0, 100)); if (b.status !== 'processing' && b.status !== 'awaiting-upload') break; } catch (e) { console.log('get err', (e as Error).message); break; }
  }
} finally {
  console.log('exit', office.process.exitCode, office.process.signalCode);
  console.log(office.output().slice(-3000));
  await office.stop();
}
