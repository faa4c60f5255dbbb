/** Time source. Injected so tests can move the clock (year boundaries, deadlines). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
