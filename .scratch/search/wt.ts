import { Worker } from 'node:worker_threads';
const target = new URL('./wt-child.ts', import.meta.url).href;
const boot = `import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(target)}));`;
const w = new Worker(boot, { eval: true });
w.on('message', (m) => { console.log('got', m); void w.terminate(); });
w.on('error', (e) => console.log('err', e.message));
