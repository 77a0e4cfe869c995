import { editDistance } from '../util/did-you-mean.ts';
import type { MentionTarget } from './registry.ts';

/** A registered name that an unregistered one probably spells differently. */
export interface ProbableVariant {
  /** The registered name it is close to ("Tan Chengxu" for "Tan Chengxun"). */
  readonly registered: string;
  readonly target: MentionTarget;
  /** Why they look like one name, for the reviewer. */
  readonly reason: string;
}

// Given names are compared without hyphens, spaces and case: "Cheng-xu" is "chengxu".
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s'’-]/g, '')
    .toLowerCase();

/**
 * The registered person's name that `spelling` is probably a variant of: same surname, and a given
 * name that differs by at most one letter ("Chengxun", "Cheng-xu" for "Chengxu"; "Lin" for "Ling";
 * "Chenlei" for "Shenlei"), or by two when the first syllable is the same ("Zuoyu" for "Zuojun"); or
 * the same given name under a surname that differs only by a final -n/-ng ("Yin Yong", "Ying Yong").
 * Of several, the closest. `undefined` when none is close, or the spelling is itself registered.
 */
export function findProbableVariant(
  spelling: string,
  names: ReadonlyMap<string, MentionTarget>,
): ProbableVariant | undefined {
  if (names.has(spelling)) return undefined;
  const [surname, ...given] = spelling.split(' ');
  if (surname === undefined || given.length === 0) return undefined;
  let best: (ProbableVariant & { distance: number }) | undefined;
  for (const [name, target] of names) {
    if (target.kind !== 'official') continue;
    const [otherSurname, ...otherGiven] = name.split(' ');
    if (otherSurname === undefined || otherGiven.length === 0) continue;
    // A surname may differ only by a final -n/-ng ("Yin" for "Ying", as "Lin" for "Ling"), and then
    // the given name must be the same.
    const surnameSlip = fold(otherSurname) !== fold(surname);
    if (surnameSlip && !nasalSlip(fold(surname), fold(otherSurname))) continue;
    const a = fold(given.join(''));
    const b = fold(otherGiven.join(''));
    const distance = editDistance(a, b) + (surnameSlip ? 1 : 0);
    const close = surnameSlip
      ? a === b
      : distance <= 1 || (distance === 2 && a.length >= 4 && a.slice(0, 3) === b.slice(0, 3));
    if (!close || (best && best.distance <= distance)) continue;
    const reason =
      distance === 0
        ? `written “${spelling}”, the same letters as “${name}” split differently`
        : surnameSlip
          ? `the same given name, and the surname differs from “${name}” only by a final -n/-ng`
          : `same surname, and the given name differs from “${name}” by ${distance === 1 ? 'one letter' : 'two letters'}`;
    best = { registered: name, target, reason, distance };
  }
  if (!best) return undefined;
  const { distance: _distance, ...variant } = best;
  return variant;
}

// "yin" and "ying", "chen" and "cheng": the same syllable but for its final nasal.
function nasalSlip(a: string, b: string): boolean {
  return (a.endsWith('n') && b === `${a}g`) || (b.endsWith('n') && a === `${b}g`);
}

/**
 * The advice for a probable variant, the same in `npm run check` and `npm run import`: never a new
 * record, but the record it probably belongs to and how to decide.
 */
export function variantAdvice(spelling: string, variant: ProbableVariant, file: string | undefined): string {
  const where = file === undefined ? `official \`${variant.target.slug}\`` : file;
  return `“${spelling}” is probably another spelling of “${variant.registered}” (${where}; ${variant.reason}): if it names that person, add it under \`variants\` there (or accept the import's proposal); if not, add its own record`;
}
