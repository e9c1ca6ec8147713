// "Which borough am I in?": puts the postcode and place field in place (none without
// JavaScript) and, when someone first types, loads the code that answers and its lookup
// file. Until then the page carries only this much. Nothing typed leaves the page
// (place-lookup.js).
import { unpacked } from "./unpack.js";

const block = document.querySelector('script[data-module="app-place-finder"]');
if (block && "fetch" in window && "content" in document.createElement("template")) {
  const root = unpacked(block);
  const input = root.querySelector("#finder-query");
  let started = null, entered = false, tries = 0, typedMeanwhile = false;
  const begin = () => {
    if (started) { typedMeanwhile = true; return; }
    typedMeanwhile = false;
    // Tried again on the next key, at an address of its own (Chromium keeps a failed
    // module's failure for its address), which says nothing of what is typed. A key
    // pressed while the failing load was on its way is that next key: it was not lost.
    started = import(`./place-lookup.js${tries ? `?try=${tries}` : ""}`)
      .then((lookup) => lookup.start(root, !entered))  // Enter: answer at once, even "not found"
      .catch(() => {
        started = null;
        tries += 1;
        if (typedMeanwhile) return begin();
        root.querySelector(".app-finder__answer").textContent = JSON.parse(root.dataset.text).finder_failed;
      });
  };
  input.addEventListener("input", begin);
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();  // there is no form; nothing is ever submitted
    entered = true;
    begin();
  });
}
