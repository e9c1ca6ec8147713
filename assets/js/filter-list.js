// Narrow a listing down in place, by age, gender and kind of help: a list of a few pages
// whole, a longer one a page at a time. Without this script the list is complete; nothing
// chosen goes into the URL or any request, or is stored.
import { showOpening, TEXT } from "./open-now.js";
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
  const pagination = document.querySelector("main .app-pagination");
  let lists = [...document.querySelectorAll("main .app-cards")];
  const own = new Set(lists.flatMap((list) => [...list.children]));  // this page's cards
  let whole = false, fetching = null;

  function apply() {
    const years = age.value === "" || !Number.isInteger(Number(age.value)) ? null : Number(age.value);
    const chosen = kind ? kind.selectedOptions[0] : null;
    const harmKind = Boolean(chosen && "harm" in chosen.dataset);
    // The other pages' services show only while something is chosen; then the pages'
    // links would lead to what is already shown.
    const narrowing = whole && (years !== null || gender.value !== "" || Boolean(kind && kind.value));
    let shown = 0, total = 0;
    for (const list of lists) {
      let inList = 0;
      for (const card of list.children) {
        const counted = narrowing || own.has(card);
        const show = counted && matches(card, years, gender.value, kind ? kind.value : "", harmKind);
        card.hidden = !show;
        inList += show;
        total += counted;
      }
      shown += inList;
      list.hidden = inList === 0;
      const heading = headingOf(list);
      if (heading) heading.hidden = inList === 0;
    }
    if (pagination) pagination.hidden = narrowing;
    status.textContent = TEXT[narrowing ? "filter_count_all" : "filter_count"]
      .replace("{shown}", shown).replace("{total}", total);
  }

  // A list of a few pages (its pagination says where they are: signpost/listings.py) is
  // narrowed whole: its other pages are fetched from this site when the first choice is
  // made, whatever it is, so that what is fetched says nothing of what was chosen. Until
  // they come, or if they cannot be had, this page alone is narrowed, and the status says so.
  function wholeList() {
    if (!pagination || !pagination.dataset.base || fetching) return;
    const { base } = pagination.dataset, current = Number(pagination.dataset.page);
    const numbers = Array.from({ length: Number(pagination.dataset.pages) }, (_, i) => i + 1);
    fetching = Promise.all(numbers.map(async (n) => {
      if (n === current) return document;
      const response = await fetch(n === 1 ? base : `${base}${n}/`,
        { credentials: "omit", referrerPolicy: "no-referrer" });
      if (!response.ok) throw new Error(`page ${n}: ${response.status}`);
      return new DOMParser().parseFromString(await response.text(), "text/html");
    })).then((pages) => {
      lists = joined(pages);
      whole = true;
      apply();
    }).catch(() => {});  // this page alone, as without the script
  }

  for (const field of [age, gender, kind]) {
    if (field) field.addEventListener("input", () => { wholeList(); apply(); });
  }
}

// The lists of every page (this document among them) joined in this document, in the order
// of the pages: each group's cards (data-group: "local", "helplines", ...) in one list under
// one heading (this page's own, where it has the group), the groups in the order they come.
// Returns the lists.
function joined(pages) {
  const groups = new Map();
  for (const page of pages) {
    for (const list of page.querySelectorAll("main .app-cards")) {
      let group = groups.get(list.dataset.group);
      const ours = page === document, heading = headingOf(list);
      if (!group) {
        group = { heading: heading && document.importNode(heading, true),
          list: document.importNode(list, false), cards: [] };
        groups.set(list.dataset.group, group);
      }
      if (ours) Object.assign(group, { heading, list });  // this page's, where it has them
      for (const card of list.children) group.cards.push(ours ? card : document.importNode(card, true));
    }
  }
  const first = document.querySelector("main .app-cards");
  const place = document.createComment("");
  (headingOf(first) || first).before(place);
  for (const { heading, list, cards } of groups.values()) {
    list.replaceChildren(...cards);
    place.before(...(heading ? [heading, list] : [list]));
    for (const element of list.querySelectorAll('[data-module="app-open-now"]')) {
      if (!element.textContent) showOpening(element, element.dataset.hours);
    }
  }
  place.remove();
  return [...groups.values()].map((group) => group.list);
}

// The heading a list of cards is under, if any: "In Lambeth", "National helplines and services".
function headingOf(list) {
  const before = list.previousElementSibling;
  return before && before.tagName === "H2" ? before : null;
}
