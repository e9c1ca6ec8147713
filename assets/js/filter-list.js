// Narrow a listing page down in place, by age, gender and kind of help. Without this script
// the list is complete; nothing chosen goes into the URL or is stored.
import { TEXT } from "./open-now.js";
import { unpacked } from "./unpack.js";

const block = document.querySelector('script[data-module="app-filter-list"]');
if (block) start(unpacked(block));

// A card's data-who: "women:13-120 any:0-17"; "" if the service has not said who it is
// for (it may be for anyone); "-" if it is only for professionals; "*" for help for people
// who harm (signpost/facets.py).
export function matches(card, years, gender, kind, harmKind) {
  if (kind && !card.dataset.kinds.split(" ").includes(kind)) return false;
  if (years === null && !gender) return true;
  const who = card.dataset.who;
  // Help for people who harm, under its own heading: not among a victim's choices, but
  // there for whoever chose its kind of help, whatever their age or gender.
  if (who === "*") return harmKind;
  if (who === "-") return false;
  if (who === "") return true;
  return who.split(" ").some((group) => {
    const [groupGender, range] = group.split(":");
    const [low, high] = range.split("-").map(Number);
    return (!gender || groupGender === "any" || groupGender === gender) &&
      (years === null || (low <= years && years <= high));
  });
}

function start(root) {
  const age = root.querySelector("#filter-age");
  const gender = root.querySelector("#filter-gender");
  const kind = root.querySelector("#filter-kind");
  const status = root.querySelector('[role="status"]');
  const lists = [...document.querySelectorAll("main .app-cards")];

  function apply() {
    const years = age.value === "" || !Number.isInteger(Number(age.value)) ? null : Number(age.value);
    const chosen = kind ? kind.selectedOptions[0] : null;
    const harmKind = Boolean(chosen && "harm" in chosen.dataset);
    let shown = 0, total = 0;
    for (const list of lists) {
      let inList = 0;
      for (const card of list.children) {
        const show = matches(card, years, gender.value, kind ? kind.value : "", harmKind);
        card.hidden = !show;
        inList += show;
        total += 1;
      }
      shown += inList;
      list.hidden = inList === 0;
      const heading = list.previousElementSibling;  // "In Lambeth", "Across the UK"
      if (heading && heading.tagName === "H2") heading.hidden = inList === 0;
    }
    status.textContent = TEXT.filter_count.replace("{shown}", shown).replace("{total}", total);
  }

  for (const field of [age, gender, kind]) if (field) field.addEventListener("input", apply);
}
