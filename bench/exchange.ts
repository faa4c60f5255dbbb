/**
 * `npm run bench -- exchange [documents] [concurrency]`: two embedded offices started as `npm start`
 * is (child processes, own ports and data), partners of each other. A issues each document (an
 * outgoing entry), sends it to B (rendering and signing the PDF with A's key, the edXML package,
 * the JWS over the message) and B receives it (the message's signature, the PDF's PAdES signature
 * checked against A's certificate, stored, in the inbox). Prints documents/s from A to B and the
 * p50/p95 time from the send request to the item's arrival in B's inbox (B's receivedAt).
 */
import { mkdtempSync } from 'node:fs';
import { removeDir, startOffice, type Office } from '../test/support/e2e';
import { call, until } from '../test/support/exchange';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function run(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 40);
  const concurrency = Number(args[1] ?? 4);
  const dirs = [mkdtempSync('/tmp/exchange-bench-a-'), mkdtempSync('/tmp/exchange-bench-b-')];
  let offices: Office[] = [];
  try {
    offices = await Promise.all([
      startOffice({ dataDir: dirs[0]!, env: { DAUMOI_OFFICE: 'tu-hy' } }),
      startOffice({ dataDir: dirs[1]!, env: { DAUMOI_OFFICE: 'hu-vl', DAUMOI_OFFICE_NAME: 'Văn phòng Huyện ủy Văn Lâm' } }),
    ]);
    const [A, B] = offices as [Office, Office];
    const [aAdmin, aClerk, bAdmin, bClerk] = [A.token('admin'), A.token('vanthu'), B.token('admin'), B.token('vanthu')];
    const a = (await call(A.url, 'GET', '/v1/exchange/identity')).body;
    const b = (await call(B.url, 'GET', '/v1/exchange/identity')).body;
    for (const [url, tok, p] of [[A.url, aAdmin, b], [B.url, bAdmin, a]] as const) {
      const r = await call(url, 'POST', '/v1/exchange/partners', tok, { ...p, encryptedChannel: false });
      if (r.status !== 201) throw new Error(`partner: ${r.status} ${JSON.stringify(r.body)}`);
    }
    const entries: { id: string; numberSymbol: string }[] = [];
    for (let i = 0; i < n; i++) {
      const r = await call(A.url, 'POST', '/v1/registers/outgoing/entries', aClerk, { typeCode: 'CV', issuerCode: 'TU', subject: `về việc thử tải liên thông số ${i + 1}`, signer: 'Nguyễn Hữu Nghĩa', recipients: ['Huyện ủy Văn Lâm'], secrecy: null, urgency: null });
      if (r.status !== 201) throw new Error(`entry: ${r.status} ${JSON.stringify(r.body)}`);
      entries.push(r.body);
    }
    const sentAt = new Map<string, number>();
    const t0 = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < entries.length) {
          const e = entries[next++]!;
          sentAt.set(e.numberSymbol, Date.now());
          const r = await call(A.url, 'POST', `/v1/registers/outgoing/entries/${e.id}/send`, aClerk, { to: ['hu-vl'] });
          if (r.status !== 202) throw new Error(`send: ${r.status} ${JSON.stringify(r.body)}`);
        }
      }),
    );
    const items = await until(async () => (await call(B.url, 'GET', '/v1/exchange/inbox?limit=200', bClerk)).body.items as { numberSymbol: string; receivedAt: string; signatures: { intact: boolean; chain: string }[] }[], (x) => x.length >= n, 600_000, `${n} documents in B's inbox`);
    const latencies = items.map((i) => Date.parse(i.receivedAt) - sentAt.get(i.numberSymbol)!);
    const last = Math.max(...items.map((i) => Date.parse(i.receivedAt)));
    const verified = items.filter((i) => i.signatures.length === 1 && i.signatures[0]!.intact && i.signatures[0]!.chain === 'trusted').length;
    console.log(`exchange A → B: ${n} documents, ${concurrency} sends at a time`);
    console.log(`  throughput       ${(n / ((last - t0) / 1000)).toFixed(2)} documents/s (first send request to last arrival in B's inbox)`);
    console.log(`  send → inbox     p50 ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, max ${Math.max(...latencies)} ms`);
    console.log(`  PDF signatures   ${verified}/${n} intact and trusted at B`);
  } finally {
    await Promise.all(offices.map((o) => o.stop()));
    for (const d of dirs) removeDir(d);
  }
}
