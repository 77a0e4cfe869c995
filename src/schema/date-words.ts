const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** An ISO value in words, with only the parts it has: "20 June 2018", "June 2018", "2018", "9 June". */
export function spellDate(value: string): string {
  const [year, month, day] = value.startsWith('--') ? [undefined, ...value.slice(2).split('-')] : value.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  return [day === undefined ? undefined : String(Number(day)), monthName, year].filter(Boolean).join(' ');
}
