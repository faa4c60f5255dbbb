import { Worker } from 'node:worker_threads';
const w = new Worker(new URL('./wt-child.ts', import.meta.url), { execArgv: [...process.execArgv, '--import', 'tsx'] });
w.on('message', (m) => { console.log('got', m); void w.terminate(); });
w.on('error', (e) => console.log('err', e.message));
