import type { JsonLd } from '../json-ld.ts';
import { type Page, page, type SiteBuild } from './page.ts';
import { placesMap } from './pictures.ts';
import { type PlaceView, toPlaceView } from './place-view.ts';
import { typeFacets } from './search-facets.ts';
import { toSearchResult } from './search-result.ts';

/** A city's or other place's page, with its map. */
export type PlacePage = Page<PlaceView & { readonly map: string }>;

// Cities and other places are two page kinds made in one pass: a place's map shows every city.
const made = new WeakMap<SiteBuild, readonly PlacePage[]>();

/** The page of every place `build` wants, cities and others, made once per site. */
export function placePages(build: SiteBuild, toJsonLd: (view: PlaceView) => JsonLd): readonly PlacePage[] {
  const known = made.get(build);
  if (known) return known;
  const { context, isCity, cities } = build;
  const wanted = [...context.index.place.values()].filter((place) =>
    build.wanted(context.link({ kind: 'place', slug: place.slug }).url),
  );
  const pages = wanted.map((record) => {
    const place = toPlaceView(context, record);
    const city = isCity(place.link.slug);
    // Every place's map shows every city, and the place itself.
    const shown = city ? cities : [...cities, place];
    const map = placesMap(shown, place.link.slug, `Where ${place.name} is`);
    return page({ ...place, map }, `${place.name}: events, officials and articles`, toJsonLd, {
      feeds: city ? build.follow(place.link, `Articles about ${place.name}`, place.articles) : [],
      search: city ? { ...typeFacets('City'), city: [place.name] } : typeFacets(place.kindLabel),
      result: toSearchResult(
        place.kindLabel,
        undefined,
        place.within.slice(0, 1).map((parent) => parent.label),
      ),
    });
  });
  made.set(build, pages);
  return pages;
}
