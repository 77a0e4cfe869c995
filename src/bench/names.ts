import type { Random } from './random.ts';

// Pinyin-like syllables: enough for thousands of distinct place and given names.
const SYLLABLES = (
  'an bai bao bei chang cheng chong da dan de dong fu gan guang gui hai han he heng hu hua huai jia ' +
  'jian jin jing kai lan li lian lin ling long lu luo ma mei nan ning pan ping qi qian qing quan rui ' +
  'sha shan shang shao shen shi shu song tai tang tian tong wei wen wu xi xia xian xin xing xu ya yan ' +
  'yang yi ying yong yu yuan yue zhang zhao zhen zheng zhong zhou zhu'
).split(' ');

const SURNAMES = (
  'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie ' +
  'Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu ' +
  'Ding Ren Shen Yao Tan Fan Fang Shi Jin Qian Hou Bai Meng Qin Xiong Mao Kong'
).split(' ');

/** Policy areas that events, documents and article paragraphs are about. */
export const TOPICS: readonly string[] = (
  'counterpart cooperation|coastal economic belt development|rural revitalization|green development|' +
  'high-quality development|the digital economy|port logistics|advanced manufacturing|' +
  'science and technology innovation|foreign trade|cultural tourism|ecological protection|' +
  'urban renewal|the marine economy|new energy vehicles|integrated circuits|' +
  'targeted poverty alleviation|education exchanges|medical and health reform|cross-border e-commerce|' +
  'smart cities|the private economy|industrial upgrading|talent cooperation|financial services|' +
  'food security|clean energy|regional coordination|the business environment|biomedicine'
).split('|');

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];

/** Names handed out once each: no two records of the corpus may claim the same name. */
export interface NameBook {
  /** Reserves `name`; false when it is taken. */
  readonly claim: (name: string) => boolean;
  /** Tries `make` until it gives an unclaimed name, then claims it. */
  readonly unique: (make: () => string) => string;
}

/** A fresh book of claimed names. */
export function createNameBook(): NameBook {
  const used = new Set<string>();
  const claim = (name: string) => {
    if (used.has(name)) return false;
    used.add(name);
    return true;
  };
  const unique = (make: () => string) => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const name = make();
      if (claim(name)) return name;
    }
    throw new RangeError('ran out of distinct names: lower the corpus size or widen the name lists');
  };
  return { claim, unique };
}

/** A pinyin-like word of `count` syllables, capitalised: `Jinzhou`. */
export function word(random: Random, count: number): string {
  const text = Array.from({ length: count }, () => random.pick(SYLLABLES)).join('');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A person's name: surname and a one- or two-syllable given name, `Tan Chengxu`. */
export function personName(random: Random): string {
  return `${random.pick(SURNAMES)} ${word(random, random.chance(0.8) ? 2 : 1)}`;
}

/** `First` … `Tenth`. */
export function ordinal(random: Random): string {
  return random.pick(ORDINALS);
}

/** A slug from a name: lower-case ASCII words joined by hyphens, at most 80 characters. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 72).replace(/-+$/, '');
}

/** Slugs handed out once each; a clash gets a numeric suffix. */
export function createSlugBook(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const base = slugify(name);
    let slug = base;
    for (let suffix = 2; used.has(slug); suffix++) slug = `${base}-${suffix}`;
    used.add(slug);
    return slug;
  };
}
