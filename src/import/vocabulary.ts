/**
 * The words that tell what a capitalised phrase names. These are English words of office and of
 * organisation, not names: the names themselves come from the gazetteer, pinyin and compromise.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

/** Companies' legal forms written as initials after the name, without a comma ("… Lines S.A."). */
export const INITIALS_FORMS: readonly string[] = ['S.A.', 'S.A.S.', 'S.L.', 'S.p.A.', 'N.V.', 'B.V.'];

/** A regular expression of {@link INITIALS_FORMS}, longest first, dots matched as dots. */
export const INITIALS_FORM_PATTERN = [...INITIALS_FORMS]
  .sort((a, b) => b.length - a.length)
  .map((form) => form.replaceAll('.', '\\.'))
  .join('|');

/** Last words of organisation names ("… Municipal Government", "… Co., Ltd.", "… S.A."). */
export const ORGANISATION_HEADS = words(`
  Government Committee Commission Bureau Office Department Ministry Administration Association
  Delegation Group Company Corporation Co., Ltd. LTD Ltd Limited Inc Bank Exchange Hotel University
  Council Congress Embassy Consulate Chamber Federation Institute Center Centre Agency Authority Park
  Zone Airlines Foundation Academy Society Union League Senate Assembly Parliament Court Procuratorate
  School College Hospital Base Museum Secretariat Cabinet Organization Organisation Corp Corp.
  Port Customs Oilfield Guesthouse Cooperative Alliance GmbH LLC ${INITIALS_FORMS.join(' ')}
`);

/** Titles written before a name ("Mayor Tan", "Ambassador Porozhanov"); also the capitalised start of a role. */
export const TITLES = words(`
  Mayor Vice Deputy Executive Governor Ambassador President Vice-President Premier Vice-Premier Prime
  Minister Chairman Chairwoman Chairperson Secretary Secretary-General General Consul Consul-General
  Director Director-General Mr Mr. Ms Ms. Mrs Mrs. Dr Dr. Madam King Queen Prince Princess Senator
  Speaker Comrade Commissioner Chief Sir Excellency Professor Prof. Party Member Head Leader
  Counsellor Counselor Envoy Representative Lord
`);

/** Capitalised words that start sentences or dates, never names. */
export const NOT_NAMES = words(`
  On In At The A An He She It They We This That These Those During After Before When While Firstly
  Secondly Thirdly Finally Also And But As By With From To For Of According Since Meanwhile Moreover
  However Both Each All His Her Their Our Its There Then Today Yesterday Recently Last Next Under
  Over Through Besides Furthermore Lastly First Second Third Such Some Many Other Another Every
  January February March April May June July August September October November December
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Date Source Title URL
`);

/** Words of office that make an appositive a role ("X, the ambassador of Bulgaria to China,"). */
export const ROLE_WORD =
  /\b(?:ambassador|secretary|mayor|governor|minister|member|chairman|chairwoman|chairperson|president|director|leader|head|consul|envoy|manager|officer|chief|deputy|vice|premier|commissioner|representative|senator|speaker|founder|dean|professor|executive|administrator|commander|counsellor|counselor|attach[eé]|chancellor|king|queen|prince|princess|editor|general|CEO|chair)s?\b/iu;

/** Words after a place name that say what kind of place it is. */
export const PLACE_WORDS: ReadonlyMap<string, 'city' | 'province' | 'district' | 'county' | 'region' | 'new-area'> =
  new Map([
    ['city', 'city'],
    ['municipality', 'city'],
    ['province', 'province'],
    ['prefecture', 'region'],
    ['region', 'region'],
    ['county', 'county'],
    ['district', 'district'],
    ['new area', 'new-area'],
    ['new district', 'new-area'],
    ['krai', 'province'],
    ['oblast', 'province'],
    ['community', 'province'],
  ]);

/** Capitalised words that end the name of a site or a natural place ("Guanglu Island", "Olle Trail"). */
export const SITE_WORDS = words(`
  island islands beach square trail sea ocean bay gulf strait lake river delta valley mountain
  mountains peninsula coast
`);

/** Words that describe a body without naming it: "Municipal Government" alone names no one government. */
export const GENERIC_WORDS = words(`
  Municipal Provincial Central People's Peoples Standing National State City County District Party
  Communist Local Regional General Special Joint Relevant Administrative Economic Development
`);
