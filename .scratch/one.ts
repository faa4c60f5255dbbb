import { mkdtempSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
import { startEmbedded } from '../local/embedded';
import { callerWith, incomingBody, vnClock } from '../test/integration/registers-support';
import { services, overrideServices } from '../shared/composition';
const dir = mkdtempSync(path.join(os.tmpdir(), 'exp-'));
const office = await startEmbedded({ dataDir: dir, inMemory: true, plugins: false });
const clerk = callerWith('vanthu', ['van-thu'], 'mat');
overrideServices({ clock: vnClock('2040-06-01T10:00:00') });
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = await services().registers.registerIncoming(incomingBody('2040-05-30') as never, { actor: clerk });
  console.log('one', r.entry.arrivalNumber, (performance.now() - t0).toFixed(0), 'ms');
}
await office.stop();
