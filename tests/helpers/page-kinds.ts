/** One page of each kind of the shipped content, as a reader reaches it (relative to the site root). */
export const PAGE_KINDS = {
  home: '',
  article: 'articles/second-shanghai-dalian-joint-conference/',
  articles: 'articles/',
  year: 'years/date-not-stated/',
  event: 'events/liaoning-delegation-visit-to-shanghai/',
  events: 'events/',
  official: 'officials/tan-chengxu/',
  officials: 'officials/',
  city: 'cities/dalian/',
  cities: 'cities/',
  place: 'places/liaoning/',
  organisation: 'organisations/dalian-municipal-party-committee/',
  document: 'documents/shanghai-dalian-counterpart-cooperation-framework-agreement/',
  search: 'search/',
  notFound: 'no-such-page/',
} as const;
