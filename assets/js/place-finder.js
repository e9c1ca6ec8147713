// "Which borough am I in?": puts the postcode and place field in place (none without
// JavaScript) and, when someone first types, loads the code that answers and its lookup
// file. Until then the page carries only this much. Nothing typed leaves the page
// (place-lookup.js).
import { unpacked } from "./unpack.js";

const block = document.querySelector('script[data-module="app-place-finder"]');
if (block && "fetch" in window && "content" in document.createElement("template")) {
  const root = unpacked(block);
  const input = root.querySelector("#finder-query");
  let started = null, entered = false;
  const begin = () => {
    started = started || import("./place-lookup.js")
      .then((lookup) => lookup.start(root, !entered))  // Enter: answer at once, even "not found"
      .catch(() => {
        started = null;  // try again on the next key
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
