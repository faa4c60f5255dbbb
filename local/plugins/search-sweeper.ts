/** Embedded stand-in for the scheduled search sweeper: indexes what indexing missed, every few seconds. */
import { periodicPlugin } from './periodic';

export const searchSweeperPlugin = periodicPlugin('search sweeper', 5000, async (edge) => {
  const handler = (await import('../../functions/search-sweeper')).compose(edge);
  return () => handler();
});
