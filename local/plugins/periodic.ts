/** An embedded stand-in for a scheduled function: runs it every few seconds, one run at a time. */
import type { EmbeddedPlugin } from './types';
import type { EmbeddedEdge } from '../edge';

export function periodicPlugin(name: string, everyMs: number, load: (edge: EmbeddedEdge) => Promise<() => Promise<unknown>>): EmbeddedPlugin {
  return {
    name: `${name} (every ${everyMs / 1000} s)`,
    async start(ctx) {
      const run = await load(ctx.edge);
      let running: Promise<unknown> | undefined;
      const timer = setInterval(() => {
        running ??= run()
          .catch((err: Error) => ctx.log(`[${name}] ${err.message}`))
          .finally(() => (running = undefined));
      }, everyMs);
      timer.unref();
      return {
        stop: async () => {
          clearInterval(timer);
          await running;
        },
      };
    },
  };
}
