/** `npm run --silent token -- <username> [--expired]`: prints a token for a seeded demo user. */
import { ensureKeys, signToken } from './keys';
import { DEMO_USERS, findDemoUser, userClaims } from './demo-users';
import { dataDir } from './paths';

const [username, flag] = process.argv.slice(2);
const user = username ? findDemoUser(username) : undefined;
if (!user) {
  console.error(`usage: npm run --silent token -- <username>\nusers: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  process.exit(2);
}
const keys = await ensureKeys(dataDir());
process.stdout.write(`${await signToken(keys, userClaims(user), flag === '--expired' ? -60 : undefined)}\n`);
