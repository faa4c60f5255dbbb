/** `npm start`: the embedded office, with demo data, printed URLs and tokens. Ctrl-C stops everything. */
import { startEmbedded } from './embedded';
import { dataDir } from './paths';
import { DEMO_USERS } from './demo-users';

const port = Number(process.env.PORT ?? 3000);
const dir = dataDir();

async function main() {
  const started = Date.now();
  const office = await startEmbedded({ dataDir: dir, port, testHooks: process.env.DAUMOI_TEST_HOOKS === '1', log: (l) => console.log(`  · ${l}`) });
  const url = office.url!;
  console.log(`
daumoi — the embedded office is up in ${((Date.now() - started) / 1000).toFixed(1)} s
  API       ${url}/v1   (OpenAPI: ${url}/v1/openapi.json)
  data      ${dir}
  users     ${DEMO_USERS.map((u) => u.username).join(', ')}

Get a token:   npm run --silent token -- vanthu

Try it:
  TOKEN=$(npm run --silent token -- vanthu)
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
    await office.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: Error) => {
  console.error(`daumoi could not start: ${err.message}`);
  process.exit(1);
});
