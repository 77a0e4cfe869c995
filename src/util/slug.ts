import { MAX_SLUG_LENGTH } from '../schema/common.ts';

/**
 * A slug from a title: ASCII letters and digits joined by hyphens, accents dropped
 * ("Zhōu Bō" → "zhou-bo"). Empty when the title has no Latin letters or digits at all.
 */
export function slugFromTitle(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A single word longer than the limit is cut rather than dropped.
  return slug === '' && words[0] ? words[0].slice(0, maxLength) : slug;
}
