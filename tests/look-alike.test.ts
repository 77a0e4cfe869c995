import { describe, expect, it } from 'vitest';
import { createLookAlikeFinder } from '../src/link/find-look-alikes.ts';
import { isPlainName, lookAlikeKey, looseKeys, skeleton } from '../src/link/look-alike.ts';

describe('look-alike names', () => {
  it('should give letters of other scripts the skeleton of the Latin ones they imitate (UTS #39)', () => {
    expect(skeleton('Тan Chengxu')).toBe(skeleton('Tan Chengxu'));
    expect(skeleton('\u0391nshan')).toBe(skeleton('Anshan'));
    expect(skeleton('Tán Chengxu')).not.toBe(skeleton('Tan Chengxu'));
  });

  it('should fold full-width letters, invisible characters and odd spaces into the same look', () => {
    for (const name of ['Ｔａｎ Chengxu', 'Tan\u00a0Chengxu', 'Tan Cheng\u200bxu', 'Tan  Chengxu']) {
      expect(lookAlikeKey(name), name).toBe(lookAlikeKey('Tan Chengxu'));
    }
  });

  it('should tell names apart by case, spacing and accents only in the loose keys', () => {
    for (const name of ['TAN CHENGXU', 'TanChengxu', 'Tan Chéngxu', 'LI Jinke']) {
      const other = name === 'LI Jinke' ? 'Li Jinke' : 'Tan Chengxu';
      expect(
        looseKeys(name).some((key) => looseKeys(other).includes(key)),
        name,
      ).toBe(true);
      expect(lookAlikeKey(name)).not.toBe(lookAlikeKey(other));
    }
  });

  it('should call a name plain only when no character imitates a basic Latin one', () => {
    expect(isPlainName('Tan Chengxu')).toBe(true);
    expect(isPlainName('Lü Bin')).toBe(true);
    expect(isPlainName('谭成旭')).toBe(true);
    expect(isPlainName('Тan Chengxu')).toBe(false);
    expect(isPlainName('Ｔａｎ Chengxu')).toBe(false);
  });
});

describe('createLookAlikeFinder', () => {
  const find = createLookAlikeFinder(['Tan Chengxu', 'Lü Bin']);

  it('should find look-alikes of a name with their offsets, and never the name itself', () => {
    expect(find('Tan Chengxu met Тan Chengxu and Lu\u0308 Bin.')).toEqual([
      { text: 'Тan Chengxu', name: 'Tan Chengxu', start: 16, end: 27 },
      { text: 'Lu\u0308 Bin', name: 'Lü Bin', start: 32, end: 39 },
    ]);
  });

  it('should match whole words only, and leave ASCII text alone', () => {
    expect(find('XТan Chengxuy')).toEqual([]);
    expect(find('TAN CHENGXU and Lu Bin')).toEqual([]);
  });
});
