// The search page's own script, all its first load carries: the search itself (search.js,
// with what it imports) loads when someone first goes to a field, a choice or a button, so
// that the page fits in one round trip with room to spare (tests/weight.py), as the place
// finder loads its answers when first used. Someone who only reads the page loads none of it.
const root = document.querySelector('[data-module="app-search"]');
if (root) {
  let loading = null, tries = 0, usedMeanwhile = false;
  const load = () => {
    if (loading) { usedMeanwhile = true; return; }
    usedMeanwhile = false;
    // Offline for a moment: the next use tries again, at an address of its own (Chromium
    // keeps a failed module's failure for its address), which says nothing of what is typed.
    // A use while the failing load was on its way is that next use: it was not lost.
    loading = import(`./search.js${tries ? `?try=${tries}` : ""}`)
      .then((module) => module.start(root))
      .catch(() => {
        loading = null;
        tries += 1;
        if (usedMeanwhile) load();
      });
  };
  for (const event of ["focusin", "input", "change"]) root.addEventListener(event, load);
}
