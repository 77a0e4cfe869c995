// Starts Pagefind's search UI on the search page. Without JavaScript the page keeps its links to
// the indexes. Kept in a file, not inline, so a Content-Security-Policy can forbid inline script.
(() => {
  const root = document.getElementById('search');
  if (!root || typeof window.PagefindUI !== 'function') return;
  document.documentElement.classList.add('has-search');
  // A large archive is indexed in shards: the first bundle, and the others merged into its results.
  // The ranking is the build's (src/site/search-ranking.ts); `npm run eval:search` reads it here too.
  // Each merged index needs it as well: Pagefind applies the UI's options to the first index only.
  const ranking = JSON.parse(root.dataset.ranking ?? '{}');
  const mergeBundles = (root.dataset.merge ?? '').split(' ').filter((bundlePath) => bundlePath !== '');
  // Newest first is Pagefind's sort on each page's `date` key; undated pages carry 0, so come last.
  const SORTS = { relevance: null, newest: { date: 'desc' } };
  // A card's tags follow the order of its metadata, which Pagefind returns by name (date, place,
  // type): put the type first, then the date and the place. Only the card changes, not the order.
  const CARD = ['title', 'type', 'date', 'place'];
  const processResult = (result) => {
    const meta = {};
    for (const key of CARD) if (key in result.meta) meta[key] = result.meta[key];
    return { ...result, meta: { ...meta, ...result.meta } };
  };
  const start = (order, query) => {
    const ui = new window.PagefindUI({
      element: '#search',
      baseUrl: root.dataset.base,
      bundlePath: root.dataset.bundle,
      // New objects for each start: Pagefind's UI deletes `bundlePath` from the ones it is given.
      mergeIndex: mergeBundles.map((bundlePath) => ({ bundlePath, baseUrl: root.dataset.base, ranking })),
      ranking,
      sort: SORTS[order],
      processResult,
      showImages: false,
      showSubResults: false,
      resetStyles: false,
      translations: { placeholder: 'Search the archive' },
    });
    if (query) ui.triggerSearch(query);
    return ui;
  };
  const params = new URLSearchParams(window.location.search);
  const initial = params.get('sort') === 'newest' ? 'newest' : 'relevance';
  let ui = start(initial, params.get('q'));

  // Pagefind's UI takes its sort when it starts, so a new order starts it again on the same query.
  const control = document.querySelector('.search-sort');
  if (!control) return;
  control.hidden = false;
  // Pagefind's UI shares one search module with the next UI, and destroys it without waiting: the
  // next UI starts once that is done, or its search goes to the instance being destroyed and never
  // returns. Changes of order follow one another, and of quick ones only the last is shown.
  let restarted = Promise.resolve();
  let wanted;
  const restart = (order, query) => {
    wanted = { order, query };
    restarted = restarted
      .then(async () => {
        if (!wanted) return;
        const { order, query } = wanted;
        wanted = undefined;
        ui.destroy();
        try {
          const pagefind = await import(`${root.dataset.bundle}pagefind.js`);
          await pagefind.destroy();
        } finally {
          // Should the module not load, the new UI says so, and later changes still run.
          root.replaceChildren();
          ui = start(order, query);
        }
      })
      .catch((error) => console.error(error));
  };
  for (const radio of control.querySelectorAll('input[name="sort"]')) {
    radio.checked = radio.value === initial;
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      const query = root.querySelector('input')?.value ?? '';
      restart(radio.value, query);
      // The address keeps the query and the order, so reloading or sharing it shows the same list.
      const url = new URL(window.location.href);
      if (query) url.searchParams.set('q', query);
      if (radio.value === 'newest') url.searchParams.set('sort', 'newest');
      else url.searchParams.delete('sort');
      window.history.replaceState(null, '', url);
    });
  }
})();
