import { describe, expect, it } from 'vitest';
import { findNames } from '../src/import/find-names.ts';
import { loadGazetteer } from '../src/import/gazetteer.ts';
import { organisationKind } from '../src/import/organisation-kind.ts';

describe('organisations named by their last word', () => {
  it('should read ports, customs, oilfields, guesthouses, alliances and foreign company forms, initials too, as organisations', () => {
    const text =
      'On Tuesday, officials of Yingkou Customs, Panjin Oilfield and Changxing Island Port met representatives ' +
      'of the Harbour Reefer Cooperative, the Baltic Fruit Alliance and Nordkap Shipping GmbH at Binhai ' +
      'Guesthouse. Kessler Trade LLC also sent a delegation. The cargo line of Cordillera Fruit Lines S.A., ' +
      'the cold store of Zeeland Koel N.V. and Tarragona Logistica S.L. will serve it.';
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
      // A legal form of initials ends the name, though its dots cut it into words.
      'Cordillera Fruit Lines S.A.',
      'Zeeland Koel N.V.',
      'Tarragona Logistica S.L.',
    ]);
  });

  it('should give the kind their last word says, and leave the rest to the editor', () => {
    expect(organisationKind('Yingkou Customs')).toBe('government-department');
    expect(organisationKind('Nordkap Shipping GmbH')).toBe('company');
    expect(organisationKind('Kessler Trade LLC')).toBe('company');
    expect(organisationKind('Cordillera Fruit Lines S.A.')).toBe('company');
    expect(organisationKind('Zeeland Koel N.V.')).toBe('company');
    // A port or an oilfield may be a company or an authority: the release does not say which.
    expect(organisationKind('Changxing Island Port')).toBe('other');
    expect(organisationKind('Panjin Oilfield')).toBe('other');
  });
});
