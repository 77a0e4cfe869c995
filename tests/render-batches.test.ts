import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBatches, RECORD_PAGE_KINDS, type RecordPages } from '../src/build/plan/render-plan.ts';

/** Record pages with nothing but their URLs, which is all batching reads. */
function pagesOf(counts: Partial<Record<(typeof RECORD_PAGE_KINDS)[number], number>>): RecordPages {
  const views = (kind: string) =>
    Array.from({ length: counts[kind as keyof typeof counts] ?? 0 }, (_, i) => ({ link: { url: `/${kind}/${i}/` } }));
  return Object.fromEntries(RECORD_PAGE_KINDS.map((kind) => [kind, views(kind)])) as unknown as RecordPages;
}

const urls = (pages: RecordPages) => RECORD_PAGE_KINDS.flatMap((kind) => pages[kind].map((view) => view.link.url));

describe('render batches', () => {
  it('should cut batches by page count when every page is small', () => {
    const pages = pagesOf({ articles: 5, events: 3 });
    const batches = planBatches(pages, new Map(), { pages: 3, bytes: 1000 });
    expect(batches.map(urls)).toEqual([
      ['/articles/0/', '/articles/1/', '/articles/2/'],
      ['/articles/3/', '/articles/4/', '/events/0/'],
      ['/events/1/', '/events/2/'],
    ]);
  });

  it('should give large pages smaller batches, and a page over the limit a batch of its own', () => {
    const pages = pagesOf({ articles: 4, officials: 3 });
    const sizes = new Map([
      ...urls(pages).map((url) => [url, 10] as const),
      ['/officials/0/', 60],
      ['/officials/1/', 150],
      ['/officials/2/', 60],
    ]);
    const batches = planBatches(pages, sizes, { pages: 100, bytes: 100 });
    expect(batches.map(urls)).toEqual([
      ['/articles/0/', '/articles/1/', '/articles/2/', '/articles/3/', '/officials/0/'],
      ['/officials/1/'],
      ['/officials/2/'],
    ]);
  });

  it('should put every page in exactly one batch, in order, each within its limits unless a page alone exceeds them', () => {
    const kinds = fc.record(Object.fromEntries(RECORD_PAGE_KINDS.map((kind) => [kind, fc.nat(12)])));
    fc.assert(
      fc.property(
        kinds,
        fc.array(fc.nat(50), { minLength: 100, maxLength: 100 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 80 }),
        (counts, sizeList, maxPages, maxBytes) => {
          const pages = pagesOf(counts);
          const sizes = new Map(urls(pages).map((url, i) => [url, sizeList[i % sizeList.length] ?? 0]));
          const batches = planBatches(pages, sizes, { pages: maxPages, bytes: maxBytes });
          expect(batches.flatMap(urls)).toEqual(urls(pages));
          for (const batch of batches) {
            const inBatch = urls(batch);
            expect(inBatch.length).toBeGreaterThan(0);
            expect(inBatch.length).toBeLessThanOrEqual(maxPages);
            const bytes = inBatch.reduce((sum, url) => sum + (sizes.get(url) ?? 0), 0);
            if (inBatch.length > 1) expect(bytes).toBeLessThanOrEqual(maxBytes);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
