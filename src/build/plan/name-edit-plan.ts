import type { RecordRef } from '../../link/graph.ts';
import type { Archive } from '../../pipeline/build-archive.ts';
import { recordKey, recordRefOf } from '../../schema/record-key.ts';
import type { PublishTarget } from '../../site/publish.ts';
import type { SiteMaker } from '../../site/view/site-view.ts';
import { planSearchShards } from '../search/search-shards.ts';
import { shownChanges } from './archive-shape.ts';
import { type BuildPlan, type ShapedInputs, searchAndBatches } from './build-plan.ts';
import { pagesShowing, urlsOf } from './page-reach.ts';
import {
  type BatchLimits,
  emptyRecordPages,
  pageFingerprint,
  RECORD_PAGE_KINDS,
  type RecordPages,
  type RenderPlan,
  sharedByPages,
} from './render-plan.ts';
import { previousIsWhole } from './reuse-pages.ts';
import { estimatedViewSizes } from './view-weights.ts';

/**
 * Plans a build in which only records' names (`LABEL_FIELD`), the fields shown beside them, their
 * dates (`DATE_FIELDS`) and texts changed since `previous`: the views made are those of the record
 * pages that show a renamed or redated record or one it sorts beside (`SiteMaker.shownWithNames`,
 * `SiteMaker.shownWithDates`, by the previous build's `shows`), of the articles next to a redated
 * one, and the article pages of the changed texts; every other record page, its feed, and the open
 * data of every other record are the previous site's. The outline, so the home, index and year
 * pages, the kinds' lists and the archive's feeds, is made whole, as in any build with view-models.
 * `undefined` when anything else changed, or the previous site lacks a part; then no view was made,
 * so the maker can make them all.
 */
export function planNameEdit(
  maker: SiteMaker,
  archive: Archive,
  target: PublishTarget,
  incremental: ShapedInputs,
  batchLimits?: BatchLimits,
  shardPages?: number,
): BuildPlan<RecordPages> | undefined {
  const { previous, shape } = incremental;
  const before = previous?.fingerprints;
  // The previous build's other pages are needed too: those this one no longer makes are dropped.
  if (previous === undefined || before?.shape === undefined || before.shows === undefined) return undefined;
  if (before.others === undefined) return undefined;
  const changes = shownChanges(before.shape, shape);
  if (changes === undefined) return undefined;
  const { entries } = maker.outline;
  const urls = RECORD_PAGE_KINDS.flatMap((kind) => entries[kind].map((entry) => entry.link.url));
  // The same record pages as before, each still there: else a page would be missing or left over.
  if (urls.length !== before.pages.size || !urls.every((url) => before.pages.has(url))) return undefined;
  if (!previousIsWhole(previous, false)) return undefined;
  const renamed = changes.names.flatMap((key) => recordRefOf(key) ?? []);
  // A field shown beside a name changes no order: no neighbour of its record is reached.
  const beside = changes.beside.flatMap((key) => recordRefOf(key) ?? []);
  const dates = changes.dates.flatMap((key) => recordRefOf(key) ?? []);
  const { redated, neighbours } = maker.shownWithDates(dates);
  const shown = urlsOf(archive, [...maker.shownWithNames(renamed), ...beside, ...redated]);
  const texts = changes.texts.flatMap((key) => recordRefOf(key) ?? []);
  const edited = texts.filter((record) => record.kind === 'article');
  const reached = pagesShowing(before.shows, shown);
  // A redated article's own page, and those of the articles it now stands between.
  for (const url of urlsOf(archive, [...edited, ...redated, ...neighbours])) reached.add(url);
  const shared = sharedByPages(incremental.codeVersion, target);
  const views = maker.pages(reached);
  const fingerprints = new Map(before.pages);
  const shows = new Map(before.shows);
  // Sizes of the pages not made are estimated: they decide, as in a full build, whether the
  // site's record pages would fit one Eleventy run with the other pages.
  const sizes = estimatedViewSizes(archive, entries);
  const render = emptyRecordPages();
  const rendered = new Set<string>();
  for (const kind of RECORD_PAGE_KINDS) {
    for (const view of views[kind]) {
      const { url } = view.link;
      const json = JSON.stringify(view);
      const fingerprint = pageFingerprint(shared, json);
      sizes.set(url, json.length);
      shows.set(url, incremental.showsOf(json));
      if (fingerprint === before.pages.get(url)) continue;
      fingerprints.set(url, fingerprint);
      rendered.add(url);
      (render[kind] as unknown[]).push(view);
    }
  }
  const reused = urls.filter((url) => !rendered.has(url));
  const pages: RenderPlan<RecordPages> = { render, reused, fingerprints, sizes, shows };
  const shards = planSearchShards(entries, shardPages);
  return {
    ...searchAndBatches(pages, shards, shared, previous, batchLimits),
    shape,
    nameEdit: {
      records: distinct([...renamed, ...beside, ...dates, ...texts]),
      renamed: distinct([...renamed, ...beside, ...dates]).length,
      pages: reached.size,
    },
  };
}

/** `records` without repeats, in order. */
function distinct(records: readonly RecordRef[]): RecordRef[] {
  return [...new Map(records.map((record) => [recordKey(record), record])).values()];
}
