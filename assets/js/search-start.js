// The search page's own script, all its first load carries: the search itself (search.js,
// with what it imports) loads when someone first goes to a field, a choice or a button, so
// that the page fits in one round trip with room to spare (tests/weight.py), as the place
// finder loads its answers when first used. Someone who only reads the page loads none of it.
const root = document.querySelector('[data-module="app-search"]');
if (root) {
  let loading = null;
  const load = () => {
    loading = loading || import("./search.js").then((module) => module.start(root))
      .catch(() => { loading = null; });  // offline for a moment: the next use tries again
  };
  for (const event of ["focusin", "input", "change"]) root.addEventListener(event, load);
}
