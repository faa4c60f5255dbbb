/**
 * `npm run --silent token -- <username> [--expired]`: prints a person's access token. With the
 * office running (PORT, default 3000) it signs in there, as the web app does with Cognito, so the
 * token carries the person's roles and clearance as an administrator last set them; otherwise it
 * mints one from the seeded demo user (said on stderr).
 */
import { decodeProtectedHeader } from 'jose';
import { ensureKeys } from './keys';
import { DEMO_USERS, findDemoUser, poolUser } from './demo-users';
import { personAccessToken, LOCAL_WEB_CLIENT_ID } from './issuer';
import { DEMO_PASSWORD, INITIATE_AUTH_TARGET } from './oauth';
import { dataDir } from './paths';

const [username, flag] = process.argv.slice(2);
if (!username) {
  console.error(`usage: npm run --silent token -- <username>\nusers: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  process.exit(2);
}
const keys = await ensureKeys(dataDir());

async function fromRunningOffice(): Promise<string | undefined> {
  if (flag === '--expired') return undefined;
  const url = `http://127.0.0.1:${process.env.PORT ?? 3000}/`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': INITIATE_AUTH_TARGET },
      body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: LOCAL_WEB_CLIENT_ID, AuthParameters: { USERNAME: username, PASSWORD: DEMO_PASSWORD } }),
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    return undefined;
  }
  const body = (await res.json().catch(() => ({}))) as { AuthenticationResult?: { AccessToken?: string }; message?: string };
  if (!res.ok) {
    console.error(`sign-in refused by ${url}: ${body.message ?? res.status}`);
    process.exit(1);
  }
  const token = body.AuthenticationResult?.AccessToken;
  // Another office may answer on that port (another data directory, other keys): not ours.
  if (token && decodeProtectedHeader(token).kid !== keys.privateJwk.kid) {
    console.error(`the office at ${url} signs with other keys than ${dataDir()}: not using it`);
    return undefined;
  }
  return token;
}

const token = await fromRunningOffice();
if (token) {
  process.stdout.write(`${token}\n`);
} else {
  const user = findDemoUser(username);
  if (!user) {
    console.error(`no demo user ${username}\nusers: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
    process.exit(2);
  }
  if (flag !== '--expired') console.error('(no office answering: a token for the seeded demo user)');
  process.stdout.write(`${await personAccessToken(keys, poolUser(user), flag === '--expired' ? { expiresInSeconds: -60 } : {})}\n`);
}
