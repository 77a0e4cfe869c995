/**
 * Hanyu Pinyin without tone marks: every syllable of Mandarin, and the common surnames. Used to tell
 * a romanised Chinese name ("Li Jinke", "Anshan") from an English word ("March", "Party").
 */

// Syllables by initial. `ü` is written out, as in names such as "Lü".
const SYLLABLES_BY_INITIAL = [
  'a ai an ang ao e ei en eng er o ou yi ya yao ye you yan yin yang ying yong yo wu wa wo wai wei wan wen wang weng yu yue yuan yun',
  'ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu',
  'pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu',
  'ma mo me mai mei mao mou man men mang meng mi mie miao miu mian min ming mu',
  'fa fo fei fou fan fen fang feng fu',
  'da de dai dei dao dou dan den dang deng dong di die diao diu dian ding du duo dui duan dun',
  'ta te tai tao tou tan tang teng tong ti tie tiao tian ting tu tuo tui tuan tun',
  'na ne nai nei nao nou nan nen nang neng nong ni nie niao niu nian nin niang ning nu nuo nuan nü nüe',
  'la le lai lei lao lou lan lang leng long li lia lie liao liu lian lin liang ling lu luo luan lun lü lüe',
  'ga ge gai gei gao gou gan gen gang geng gong gu gua guo guai gui guan gun guang',
  'ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui kuan kun kuang',
  'ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang',
  'ji jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun',
  'qi qia qie qiao qiu qian qin qiang qing qiong qu que quan qun',
  'xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun',
  'zha zhe zhi zhai zhei zhao zhou zhan zhen zhang zheng zhong zhu zhua zhuo zhuai zhui zhuan zhun zhuang',
  'cha che chi chai chao chou chan chen chang cheng chong chu chua chuo chuai chui chuan chun chuang',
  'sha she shi shai shei shao shou shan shen shang sheng shu shua shuo shuai shui shuan shun shuang',
  're ri rao rou ran ren rang reng rong ru rua ruo rui ruan run',
  'za ze zi zai zei zao zou zan zen zang zeng zong zu zuo zui zuan zun',
  'ca ce ci cai cao cou can cen cang ceng cong cu cuo cui cuan cun',
  'sa se si sai sao sou san sen sang seng song su suo sui suan sun',
];

const SYLLABLES: ReadonlySet<string> = new Set(SYLLABLES_BY_INITIAL.flatMap((row) => row.split(' ')));

/** Common Chinese surnames as they are romanised in English texts, compound ones included. */
export const SURNAMES: readonly string[] = [
  ...'Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo Liang Song Zheng'.split(' '),
  ...'Xie Han Tang Feng Yu Dong Xiao Cheng Cao Yuan Deng Fu Shen Zeng Peng Lü Lu Su Jiang Cai Jia Ding'.split(' '),
  ...'Wei Xue Ye Yan Pan Du Dai Xia Zhong Tian Ren Fan Fang Shi Yao Tan Liao Zou Xiong Jin Hao Kong Bai'.split(' '),
  ...'Cui Kang Mao Qiu Qin Gu Hou Shao Meng Long Wan Duan Lei Qian Yin Yi Chang Qiao Lai Gong Wen Ying'.split(' '),
  ...'An Zuo Xi Hong Ni Niu Mo Geng Hua Bao Lan Mu Sheng Tao Yue Zhan Zhuang Rao Qi Ji Ge Bi Chu Ning'.split(' '),
  ...'Pang Pei Rong Ruan Shang Tong Xiang Xing You Zhai Zhen Bian Lou Miao Nie Quan Tu Zang Che Chai'.split(' '),
  ...'Zhuge Ouyang Sima Situ Shangguan Dongfang Huangfu Xiahou Murong Gongsun Linghu Duanmu'.split(' '),
];

/**
 * How many pinyin syllables `word` splits into (at most `max`), or 0 when it is not pinyin.
 * An apostrophe may separate syllables, as in "Xi'an".
 */
export function countSyllables(word: string, max: number): number {
  const parts = word.toLowerCase().split(/['’]/);
  let total = 0;
  for (const part of parts) {
    const count = fewestSyllables(part, max - total);
    if (count === 0) return 0;
    total += count;
  }
  return total;
}

// The fewest syllables `text` splits into, up to `max`; 0 when there is no such split.
function fewestSyllables(text: string, max: number): number {
  if (max <= 0 || text === '') return 0;
  if (SYLLABLES.has(text)) return 1;
  let best = 0;
  // No syllable is longer than six letters ("zhuang", "shuang").
  for (let cut = 1; cut <= Math.min(6, text.length - 1); cut++) {
    if (!SYLLABLES.has(text.slice(0, cut))) continue;
    const rest = fewestSyllables(text.slice(cut), max - 1);
    if (rest > 0 && (best === 0 || rest + 1 < best)) best = rest + 1;
  }
  return best;
}
