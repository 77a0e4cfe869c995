/** A seeded source of random choices, so the same seed always gives the same corpus. */
export interface Random {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** An integer in [min, max]. */
  readonly int: (min: number, max: number) => number;
  /** One item of a non-empty list. */
  readonly pick: <T>(items: readonly T[]) => T;
  /** True with the given probability. */
  readonly chance: (probability: number) => boolean;
  /** `count` distinct items of `items` (fewer when the list is shorter). */
  readonly sample: <T>(items: readonly T[], count: number) => T[];
}

/** mulberry32: tiny, fast and good enough for test data; not for anything secret. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new TypeError('cannot pick from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const chosen = new Set<number>();
    const wanted = Math.min(count, items.length);
    while (chosen.size < wanted) chosen.add(int(0, items.length - 1));
    return [...chosen].map((position) => items[position] as T);
  };
  return { next, int, pick, chance: (probability) => next() < probability, sample };
}
