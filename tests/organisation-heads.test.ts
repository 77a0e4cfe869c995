import { describe, expect, it } from 'vitest';
import { findNames } from '../src/import/find-names.ts';
import { loadGazetteer } from '../src/import/gazetteer.ts';
import { organisationKind } from '../src/import/organisation-kind.ts';

describe('organisations named by their last word', () => {
  it('should read ports, customs, oilfields, guesthouses, alliances and foreign company forms as organisations', () => {
    const text =
      'On Tuesday, officials of Yingkou Customs, Panjin Oilfield and Changxing Island Port met representatives ' +
      'of the Harbour Reefer Cooperative, the Baltic Fruit Alliance and Nordkap Shipping GmbH at Binhai ' +
      'Guesthouse. Kessler Trade LLC also sent a delegation.';
    const organisations = findNames(text, loadGazetteer())
      .filter((name) => name.kind === 'organisation')
      .map((name) => name.text);
    expect(organisations).toEqual([
      'Yingkou Customs',
      'Panjin Oilfield',
      'Changxing Island Port',
      'Harbour Reefer Cooperative',
      'Baltic Fruit Alliance',
      'Nordkap Shipping GmbH',
      'Binhai Guesthouse',
      'Kessler Trade LLC',
    ]);
  });

  it('should give the kind their last word says, and leave the rest to the editor', () => {
    expect(organisationKind('Yingkou Customs')).toBe('government-department');
    expect(organisationKind('Nordkap Shipping GmbH')).toBe('company');
    expect(organisationKind('Kessler Trade LLC')).toBe('company');
    expect(organisationKind('Cordillera Fruit Lines S.A.')).toBe('company');
    // A port or an oilfield may be a company or an authority: the release does not say which.
    expect(organisationKind('Changxing Island Port')).toBe('other');
    expect(organisationKind('Panjin Oilfield')).toBe('other');
  });
});
