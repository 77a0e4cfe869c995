import type { OrganisationKind } from '../schema/index.ts';
import { INITIALS_FORM_PATTERN } from './vocabulary.ts';

// The organisation word decides the kind; anything else is `other`, for the editor to refine.
const ORGANISATION_KINDS: readonly [RegExp, OrganisationKind][] = [
  [/\bParty Committee\b/u, 'party-committee'],
  [/\bCommission\b/u, 'commission'],
  // Before `Government`: the "Foreign Affairs Office of X Government" is a department of it, and
  // the "Party and Government Delegation" a delegation.
  [/\b(?:Bureau|Office|Department|Ministry|Administration|Customs)\b/u, 'government-department'],
  [/\bDelegation\b/u, 'delegation'],
  [/\bGovernment\b/u, 'government'],
  [/\bBank\b/u, 'bank'],
  [/\bExchange\b/u, 'exchange'],
  [/\b(?:Industrial Park)\b/u, 'industrial-park'],
  [/\b(?:Zone|New Area)\b/u, 'development-zone'],
  [/\b(?:Co\.|Company|Corporation|Group|Ltd|LTD|Limited|Inc|GmbH|LLC)\b/u, 'company'],
  [new RegExp(`\\b(?:${INITIALS_FORM_PATTERN})$`, 'u'), 'company'],
];

/** The kind an organisation's name says it is: the organisation word decides, else `other`. */
export function organisationKind(name: string): OrganisationKind {
  return ORGANISATION_KINDS.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}
