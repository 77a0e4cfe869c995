/** One regular expression for all names, longest first, matching whole words only. */
export function namePattern(names: Iterable<string>): RegExp | undefined {
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (sorted.length === 0) return undefined;
  const alternatives = sorted.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}
