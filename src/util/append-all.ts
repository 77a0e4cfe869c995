/**
 * Appends every item to `target`. `target.push(...items)` passes each item as an argument, and past
 * about 100,000 of them (the articles of one large archive's folder) V8 throws "Maximum call stack
 * size exceeded".
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
