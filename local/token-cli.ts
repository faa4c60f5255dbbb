/**
 * `npm run --silent token -- <username> [--expired]`: prints a person's access token for the
 * running office, signed in there as the web app does with Cognito, so the token carries the
 * person's roles and clearance as an administrator last set them.
 *
 * Which office: the one on PORT; without PORT, the one `npm start` recorded in DAUMOI_DATA_DIR
 * (`office.json`); else port 3000. The banner of `npm start` prints the exact command.
 * - DAUMOI_DATA_DIR given and the office answering there signs with other keys (or the directory
 *   holds none): it is not that directory's office — refused (exit 1), naming both.
 * - No office answering: a token minted from the seeded demo user with the data directory's keys,
 *   said on stderr; without keys there (no office ever started on it) — refused (exit 1).
 * - `--expired`: an expired token signed with the office's keys (for testing 401).
 * Nothing is written: the command never makes keys, so it never prints a token no office accepts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { ensureKeys, type LocalKeys } from './keys';
import { DEMO_USERS, findDemoUser, poolUser } from './demo-users';
import { personAccessToken, LOCAL_WEB_CLIENT_ID } from './issuer';
import { DEMO_PASSWORD, INITIATE_AUTH_TARGET } from './oauth';
import { dataDir } from './paths';
import { readOfficeMarker } from './office-marker';

const [username, flag] = process.argv.slice(2);
const usage = `usage: [DAUMOI_DATA_DIR=<dir>] [PORT=<port>] npm run --silent token -- <username> [--expired]\nusers: ${DEMO_USERS.map((u) => u.username).join(', ')}`;
if (!username || (flag !== undefined && flag !== '--expired')) {
  console.error(usage);
  process.exit(2);
}

const fail = (message: string): never => {
  console.error(`token: ${message}`);
  process.exit(1);
};

const dir = dataDir();
const dirGiven = process.env.DAUMOI_DATA_DIR !== undefined;
const marker = readOfficeMarker(dir);
const port = process.env.PORT ?? (marker ? String(marker.port) : '3000');
const url = `http://127.0.0.1:${port}`;
const hasKeys = existsSync(path.join(dir, 'keys', 'private.jwk.json')) && existsSync(path.join(dir, 'keys', 'jwks.json'));
const keys: LocalKeys | undefined = hasKeys ? await ensureKeys(dir) : undefined;
const bannerHint = 'run the token command the banner of `npm start` printed (it names the DAUMOI_DATA_DIR and PORT of that office)';

/** Signs in at the office on `url`; undefined when nothing answers there. */
async function signIn(): Promise<string | undefined> {
  let res: Response;
  try {
    res = await fetch(`${url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': INITIATE_AUTH_TARGET },
      body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: LOCAL_WEB_CLIENT_ID, AuthParameters: { USERNAME: username, PASSWORD: DEMO_PASSWORD } }),
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    return undefined;
  }
  const body = (await res.json().catch(() => ({}))) as { AuthenticationResult?: { AccessToken?: string }; message?: string };
  if (!res.ok) return fail(`sign-in refused by the office at ${url}: ${body.message ?? res.status}`);
  const token = body.AuthenticationResult?.AccessToken;
  if (!token) return fail(`the server at ${url} answered the sign-in without a token: is it a daumoi office?`);
  return token;
}

const token = await signIn();
if (token) {
  const kid = decodeProtectedHeader(token).kid;
  const ours = keys !== undefined && kid === keys.privateJwk.kid;
  if (dirGiven && !ours) {
    fail(
      `the office at ${url} is not the office of DAUMOI_DATA_DIR=${dir}: ` +
        (keys ? 'it signs with other keys' : 'that directory holds no signing keys (no office was started on it)') +
        (marker ? `; the office of ${dir} is at ${marker.url}` : '') +
        `. ${bannerHint}.`,
    );
  }
  if (flag === '--expired') {
    if (!ours) fail(`the office at ${url} signs with other keys than ${dir}: an expired token needs that office's keys; ${bannerHint}.`);
    process.stdout.write(`${await personAccessToken(keys!, poolUser(findDemoUser(username) ?? fail(`no demo user ${username}`)), { expiresInSeconds: -60 })}\n`);
  } else {
    if (!ours) console.error(`(signed in at the office on ${url}, which keeps its data elsewhere than ${dir})`);
    process.stdout.write(`${token}\n`);
  }
} else {
  // No office answering: a token from the seeded demo user, with this data directory's keys.
  if (!keys) {
    fail(`no office answers at ${url}, and ${dir} holds no signing keys: start the office (npm start), or ${bannerHint}.`);
  }
  const user = findDemoUser(username) ?? fail(`no demo user ${username}\n${usage}`);
  if (flag !== '--expired') console.error(`(no office answering at ${url}: a token for the seeded demo user, signed with the keys of ${dir})`);
  process.stdout.write(`${await personAccessToken(keys!, poolUser(user), flag === '--expired' ? { expiresInSeconds: -60 } : {})}\n`);
}
