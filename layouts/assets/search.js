// Starts Pagefind's search UI on the search page. Without JavaScript the page keeps its links to
// the indexes. Kept in a file, not inline, so a Content-Security-Policy can forbid inline script.
(() => {
  const root = document.getElementById('search');
  if (!root || typeof window.PagefindUI !== 'function') return;
  document.documentElement.classList.add('has-search');
  // A large archive is indexed in shards: the first bundle, and the others merged into its results.
  const mergeIndex = (root.dataset.merge ?? '')
    .split(' ')
    .filter((bundlePath) => bundlePath !== '')
    .map((bundlePath) => ({ bundlePath, baseUrl: root.dataset.base }));
  const ui = new window.PagefindUI({
    element: '#search',
    baseUrl: root.dataset.base,
    bundlePath: root.dataset.bundle,
    mergeIndex,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    translations: { placeholder: 'Search the archive' },
  });
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
})();
