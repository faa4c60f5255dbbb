/** `npm start`: the embedded office, with demo data, printed URLs and tokens. Ctrl-C stops everything. */
import { startEmbedded } from './embedded';
import { dataDir, LOCAL_BUCKET } from './paths';
import { DEMO_USERS } from './demo-users';
import { seedDemo, type DemoSummary } from './demo';
import { removeOfficeMarker, writeOfficeMarker } from './office-marker';
import { ensureConsoleBuilt } from './console-build';
import { gatewayHost } from './listen';
import { applyOfficeIdentity } from './office-identity';

const port = Number(process.env.PORT ?? 3000);
const dir = dataDir();

/** A word for the shell, quoted only when it must be. */
const sh = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
/** The token command for this office, with the data directory and port it uses when they are not the defaults. */
const tokenCommand = (user: string) =>
  `${process.env.DAUMOI_DATA_DIR !== undefined ? `DAUMOI_DATA_DIR=${sh(dir)} ` : ''}${port !== 3000 ? `PORT=${port} ` : ''}npm run --silent token -- ${user}`;

/** Where a browser on this machine opens the console: localhost for a loopback or wildcard address (browsers try IPv4 too). */
function consoleUrl(address: string | undefined, p: number): string {
  const local = !address || ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(address);
  return `http://${local ? 'localhost' : address.includes(':') ? `[${address}]` : address}:${p}/`;
}

async function main() {
  const started = Date.now();
  console.log(`daumoi — starting the embedded office; the console will open at ${consoleUrl(gatewayHost(), port)}`);
  const who = applyOfficeIdentity(dir, (p) => { const h = gatewayHost(); return `http://${!h || ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(h) ? '127.0.0.1' : h.includes(':') ? `[${h}]` : h}:${p}`; }, port);
  if (who.id || who.name) console.log(`  · exchange: office ${who.id ?? '(configured id)'}${who.name ? `, ${who.name}` : ''}; partners reach it at ${process.env.DAUMOI_EXCHANGE_ENDPOINT}`);
  const building = ensureConsoleBuilt((l) => console.log(`  · ${l}`));
  const office = await startEmbedded({ dataDir: dir, port, testHooks: process.env.DAUMOI_TEST_HOOKS === '1', log: (l) => console.log(`  · ${l}`) });
  const built = await building;
  const url = office.url!;
  writeOfficeMarker(dir, { url, port, pid: process.pid, kid: String(office.keys.privateJwk.kid) });
  const demo = await seedDemo(url, office.keys, dir).catch((err: Error): DemoSummary => ({ incoming: 0, outgoing: 0, orgs: [], reportType: '', client: null, draftId: null, problems: [err.message] }));
  console.log(`
daumoi — the embedded office is up in ${((Date.now() - started) / 1000).toFixed(1)} s
  Console   ${consoleUrl(office.listening?.address, office.listening?.port ?? port)}   sign in as ${DEMO_USERS.map((u) => u.username).join(', ')} (password ${process.env.DAUMOI_DEMO_PASSWORD ? 'from DAUMOI_DEMO_PASSWORD' : 'demo'})${built === 'failed' ? ' — NOT BUILT: run npm run build:web' : ''}
  API       ${url}/v1   (OpenAPI: ${url}/v1/openapi.json)
  listening ${office.listening?.address}:${office.listening?.port}${office.listening?.address === '127.0.0.1' ? ' — this machine only; HOST=0.0.0.0 opens it to the network' : ' — set by HOST'}
  data      ${dir}
  S3        ${office.s3.endpoint}   bucket ${LOCAL_BUCKET}, path-style, access key S3RVER, secret S3RVER (upload URLs point here)
  users     ${DEMO_USERS.map((u) => u.username).join(', ')}
${demo ? demoLines(url, demo) : ''}
Get a token:   ${tokenCommand('vanthu')}

Try it:
  TOKEN=$(${tokenCommand('vanthu')})
  curl -s ${url}/v1/health
  curl -s -H "Authorization: Bearer $TOKEN" ${url}/v1/me
  curl -s -H "Authorization: Bearer $TOKEN" ${url}/v1/openapi.json | head -c 300

Ctrl-C stops DynamoDB Local, s3rver and the server; data is kept for the next start.
`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    removeOfficeMarker(dir);
    await office.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** What the demo data holds, and how to act as its organisation's machine client. */
function demoLines(url: string, d: DemoSummary): string {
  const lines = [
    `  demo      ${d.incoming} incoming and ${d.outgoing} outgoing documents, ${d.orgs.length} organisations reporting ${d.reportType} monthly, ${d.draftId ? `draft ${d.draftId} in its workflow` : 'no draft'} (DAUMOI_DEMO=0 skips it on a fresh data directory)`,
  ];
  if (d.client) {
    lines.push(
      `  client    ${d.client.orgId}: an organisation's machine client for the reports API`,
      `            curl -s -X POST ${url}/oauth2/token -d grant_type=client_credentials -d client_id=${d.client.clientId} -d client_secret=${d.client.clientSecret}`,
    );
  }
  for (const p of d.problems) lines.push(`  demo data not made: ${p}`);
  return `${lines.join('\n')}\n`;
}

main().catch((err: Error) => {
  console.error(`daumoi could not start: ${err.message}`);
  process.exit(1);
});
