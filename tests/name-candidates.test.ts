import { describe, expect, it } from 'vitest';
import { findNameCandidates, slugify } from '../src/link/name-candidates.ts';
import { countSyllables, SURNAMES } from '../src/link/pinyin.ts';

const found = (text: string) =>
  findNameCandidates(text).map((candidate) => {
    const place = candidate.kind === 'place' ? ` (${candidate.placeKind})` : '';
    return `${candidate.kind} ${candidate.start}-${candidate.end} ${candidate.text} → ${candidate.slug}${place}`;
  });

describe('findNameCandidates', () => {
  it('should find a surname followed by a pinyin given name, at its exact offsets', () => {
    expect(found('Li Jinke met Ying Yong, Zhuge Yujie and Lü Bin.')).toEqual([
      'official 0-8 Li Jinke → li-jinke',
      'official 13-22 Ying Yong → ying-yong',
      'official 24-35 Zhuge Yujie → zhuge-yujie',
      'official 40-46 Lü Bin → lu-bin',
    ]);
  });

  it('should find a person after a title and before a possessive', () => {
    expect(found("Vice Mayor Wang Xiaoming, Comrade Xi Jinping's ideas")).toEqual([
      'official 11-24 Wang Xiaoming → wang-xiaoming',
      'official 34-44 Xi Jinping → xi-jinping',
    ]);
  });

  it('should find a pinyin place name followed by a place word, with the kind and slug to use', () => {
    expect(found("Anshan city, Jilin Province, Yuzhong County, Pudong New Area, Xi'an city")).toEqual([
      'place 0-11 Anshan city → anshan (city)',
      'place 13-27 Jilin Province → jilin (province)',
      'place 29-43 Yuzhong County → yuzhong-county (county)',
      'place 45-60 Pudong New Area → pudong-new-area (new-area)',
      "place 62-72 Xi'an city → xian (city)",
    ]);
  });

  it('should still find a name after a pair it turned down', () => {
    expect(found('He Li Qiang')).toEqual(['official 3-11 Li Qiang → li-qiang']);
  });

  it.each([
    'the Party Central Committee with the State Council',
    'Firstly, Secondly, Thirdly, Fourthly and Fifthly.',
    'Comrade, General Secretary, Vice Mayor and Premier spoke.',
    'the Belt and the Road, the Long March, Long Live',
    'Hong Kong, Feng Shui, Yin Yang and Qi Gong',
    'He Said. He Also Said. An Important Meeting. Ma Said So.',
    'On June 20, from June 19 to June 21, in March and May',
    'Shanghai Stock Exchange, Shanghai Pudong Development Bank, Jin Jiang Hotel',
    'CPC, PRC, LTD, SPDB, Co., LTD and the NDRC',
    'Han Chinese, the Tang Dynasty, the Song Dynasty',
    'The city, This city, Each county, Liaoning Provinces, Shanghai Municipal Party Committee',
    'Ma Ying-jeou and Tung Chee-hwa',
  ])('should find nothing in ordinary capitals: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('countSyllables', () => {
  it('should split pinyin into the fewest syllables', () => {
    expect(['Jinping', 'Qiang', 'Zuoxiu', 'Huludao', "Xi'an", 'Shuang'].map((word) => countSyllables(word, 4))).toEqual(
      [2, 1, 2, 3, 2, 1],
    );
  });

  it('should refuse English words and names with more syllables than allowed', () => {
    expect(['March', 'Said', 'Party', 'Central', 'Chinese'].map((word) => countSyllables(word, 2))).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(countSyllables('Heilongjiang', 2)).toBe(0);
    expect(countSyllables('Heilongjiang', 3)).toBe(3);
  });
});

describe('pinyin tables', () => {
  it('should list each surname once, and only pinyin surnames', () => {
    expect(new Set(SURNAMES).size).toBe(SURNAMES.length);
    expect(SURNAMES.filter((surname) => countSyllables(surname, 2) === 0)).toEqual([]);
  });

  it('should make slugs the archive accepts', () => {
    expect(['Lü Bin', "Xi'an city", 'Pudong New Area'].map(slugify)).toEqual([
      'lu-bin',
      'xian-city',
      'pudong-new-area',
    ]);
  });
});
