/** Embedded stand-in for the scheduled audit sealer: seals every few seconds. */
import type { EmbeddedPlugin } from '../plugins';

export const auditSealerPlugin: EmbeddedPlugin = {
  name: 'audit sealer (every 5 s)',
  async start() {
    const { handler } = await import('../../functions/audit-sealer');
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      handler()
        .catch((err: Error) => console.error(`[audit sealer] ${err.message}`))
        .finally(() => (running = false));
    }, 5000);
    timer.unref();
    return { stop: async () => clearInterval(timer) };
  },
};
