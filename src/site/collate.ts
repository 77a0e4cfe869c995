/**
 * Compares texts as English readers order them, the same way on every machine. Without a locale,
 * `localeCompare` follows the machine's (under LANG=C it is plain code-point order, and in some
 * locales letters sort differently), so the same archive could list its pages in another order.
 */
export const compareText: (a: string, b: string) => number = new Intl.Collator('en').compare;
