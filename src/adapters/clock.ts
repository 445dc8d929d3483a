/** Time is an input of the core: the view asks this adapter, tests pass a fixed one. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
