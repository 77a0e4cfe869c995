import { compareDates, type DateClaim, NOT_STATED } from './date.ts';

/** Why an event's `end` does not fit its `date`, as a message that says how to fix it, and its rule. */
export interface EndProblem {
  readonly message: string;
  readonly params: { readonly ruleId: 'end-not-stated' | 'end-without-start' | 'end-before-start' };
}

/**
 * Checks that `date` and `end` make one honest range: an end that says something, after a start
 * that is known, and not before it at the precision both share.
 */
export function checkEnd(start: DateClaim, end: DateClaim): EndProblem | undefined {
  // "Date not stated – 17 October 2019" reads as a range but claims nothing about the start.
  if (end.precision === 'unknown') {
    return {
      message: `"${NOT_STATED}" says nothing about the event: remove \`end\` (an event without one took place on its \`date\`)`,
      params: { ruleId: 'end-not-stated' },
    };
  }
  if (start.precision === 'unknown') {
    return {
      message: `ends (${end.value}) but its start is not stated: give \`date\` the start the source gives, or remove \`end\` and say “until …” in a \`note\``,
      params: { ruleId: 'end-without-start' },
    };
  }
  if ((compareDates(end, start) ?? 0) < 0) {
    return {
      message: `ends (${end.value}) before it starts (${start.value}): swap \`date\` and \`end\`, or correct one of them`,
      params: { ruleId: 'end-before-start' },
    };
  }
  return undefined;
}
