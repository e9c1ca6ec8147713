// "Which borough am I in?", the part that answers: loaded by place-finder.js with the lookup
// file when someone first types, so neither weighs on the first load of a page. The lookup
// file (every London postcode district and sector, and about 1,000 place names) comes from
// this site at one fixed address; what is typed never leaves the page: it goes into no
// request, URL, title, history or storage.
const PAGE_TEXT = JSON.parse(document.body.dataset.i18n || "{}");
const OUTSIDE = -1;  // the part of a district outside London (signpost/places.py)

// "St. Mary's" and "saint marys" read the same: accents, case, punctuation, "St"/"Saint",
// a leading "The" and spaces do not count.
export function placeKey(text) {
  const words = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/&/g, " and ").replace(/['\u2019`.]/g, "").split(/[^a-z0-9]+/).filter(Boolean)
    .map((word) => (word === "st" ? "saint" : word));
  if (words.length > 1 && words[0] === "the") words.shift();
  return words.join("");
}

// Edits (insert, delete, change, swap two letters) from a to b, or max + 1 if more; with
// alike, a letter may be changed only for one alike(it, other) allows.
export function distance(a, b, max, alike = null) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = null, previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : !alike || alike(a[i - 1], b[j - 1]) ? 1 : max + 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length];
}

// A full postcode ("se64ru"), an outward code ("SE6") or a postcode being typed ("SE6 4R").
export function readPostcode(text) {
  const upper = text.toUpperCase().trim().replace(/\s+/g, " ");
  const compact = upper.replace(/ /g, "");
  let m = compact.match(/^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])([A-Z]{2})$/);
  if (m) return { district: m[1], sector: `${m[1]} ${m[2]}`, label: `${m[1]} ${m[2]}${m[3]}` };
  if (/^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(compact)) return { district: compact, label: compact };
  m = upper.match(/^([A-Z]{1,2}[0-9][A-Z0-9]?) ([0-9])[A-Z]?$/);
  if (m) return { district: m[1], sector: `${m[1]} ${m[2]}`, label: upper };
  return null;
}

export function makeIndex(data) {
  const places = new Map();
  for (const [name, ...ids] of data.places) {
    const key = placeKey(name);
    if (!places.has(key)) places.set(key, { name, ids: [] });
    const place = places.get(key);
    for (const id of ids) if (!place.ids.includes(id)) place.ids.push(id);
  }
  const areas = new Set(Object.keys(data.districts).map((d) => d.match(/^[A-Z]+/)[0]));
  return { data, places, areas };
}

// A data file of this site (the lookup, a search's spelling words), fetched whole from one
// fixed address with no query: the request says nothing about what was typed, in the
// finder or in a search.
export async function fetchWhole(src) {
  const response = await fetch(src, { credentials: "omit", referrerPolicy: "no-referrer" });
  if (!response.ok) throw new Error(`${response.status}`);
  return response.json();
}

// The lookup file, read and indexed.
export async function loadIndex(src) {
  return makeIndex(await fetchWhole(src));
}

// What to say: {kind: "shares", label, parts: [[borough, percent]]} (postcodes),
// {kind: "places", found: [{name, ids}]}, {kind: "outside", label} or {kind: "unknown"}.
export function lookUp(index, text) {
  const code = readPostcode(text);
  if (code) {
    const district = index.data.districts[code.district];
    const sector = code.sector && index.data.sectors[code.sector];
    // Every sector with a London postcode is listed: a missing one in a district that
    // reaches outside London is outside it. Otherwise (a new postcode) the district answers.
    if (code.sector && !sector && district && district.some(([id]) => id === OUTSIDE)) {
      return { kind: "outside", label: code.label };
    }
    if (sector || district) return { kind: "shares", label: code.label, parts: sector || district };
    const area = code.district.match(/^[A-Z]+/)[0];
    return index.areas.has(area) ? { kind: "unknown" } : { kind: "outside", label: code.label };
  }
  const key = placeKey(text);
  if (!key) return { kind: "unknown" };
  if (index.places.has(key)) return { kind: "places", found: [index.places.get(key)] };
  const max = key.length >= 8 ? 2 : key.length >= 5 ? 1 : 0;
  if (!max) return { kind: "unknown" };
  let best = max + 1, found = [];
  for (const [candidate, place] of index.places) {
    const d = distance(key, candidate, Math.min(best, max));
    if (d < best) [best, found] = [d, [place]];
    else if (d === best && d <= max) found.push(place);
  }
  return found.length && found.length <= 3 ? { kind: "places", found } : { kind: "unknown" };
}

// Names of places that are also everyday words or people's names ("Bridge", "Angel",
// "Victoria", "High Street"), or better known as towns outside London ("Preston"): in a
// search they are read as words, not places (placesNamed). As placeKey writes them.
const EVERYDAY = new Set(("abbey addison alexandra angel archway arsenal beam bow bridge "
  + "canons centenary cheap crossness evelyn forest grove ham headstone heath hillside hook "
  + "jubilee junction lavender lee lillie maryland newbury oval preston shirley southend "
  + "stanley temple tower town trinity valence valentines valley victoria village weavers "
  + "whalebone whetstone woodlands highstreet churchstreet broadstreet woodstreet "
  + "southstreet singlestreet westend northend customhouse manorhouse royalhospital")
  .split(" "));

// The places named in a search's words ("refuge near Catford", "SE6 4RU", "help in
// Lewisham"): each run of up to four words that is a borough, a place or a postcode, the
// longest first, without typing mistakes. A postcode outside London must be whole
// ("M1 1AA"): "b4" and "l8r" are words. Returns the words in runs, each with the place it
// names or null: {words, place: {name, ids, borough}}, where ids are boroughs' indexes
// (none: outside London) and borough says the name is a borough's own.
export function placesNamed(index, words) {
  const runs = [];
  let plain = [];
  for (let i = 0; i < words.length;) {
    let n = Math.min(4, words.length - i), place = null;
    while (n > 0 && !(place = placeOf(index, words.slice(i, i + n).join(" ")))) n--;
    if (!place) {
      plain.push(words[i++]);
      continue;
    }
    if (plain.length) runs.push({ words: plain, place: null });
    runs.push({ words: words.slice(i, i + n), place });
    plain = [];
    i += n;
  }
  if (plain.length) runs.push({ words: plain, place: null });
  return runs;
}

function placeOf(index, phrase) {
  const code = readPostcode(phrase);
  if (code && (index.areas.has(code.district.match(/^[A-Z]+/)[0])
    || /^\S+ \d[A-Z]{2}$/.test(code.label))) {
    const found = lookUp(index, phrase);
    if (found.kind === "outside") return { name: found.label, ids: [], borough: false };
    if (found.kind !== "shares") return null;  // a London district no one lives in
    return { name: found.label, ids: found.parts.map(([id]) => id).filter((id) => id !== OUTSIDE),
      borough: false };
  }
  const key = placeKey(phrase);
  const borough = index.data.boroughs.findIndex(([, name]) => placeKey(name) === key);
  if (borough >= 0) return { name: index.data.boroughs[borough][1], ids: [borough], borough: true };
  const place = !EVERYDAY.has(key) && index.places.get(key);
  return place ? { name: place.name, ids: place.ids, borough: false } : null;
}

// Take over the field from place-finder.js and answer what is in it already.
export function start(root, typing) {
  const input = root.querySelector("#finder-query");
  const answer = root.querySelector(".app-finder__answer");
  const helpline = root.querySelector("template.app-finder__helpline");
  const TEXT = { ...PAGE_TEXT, ...JSON.parse(root.dataset.text) };  // the finder's own wording
  let loading = null, index = null, timer = null;

  function load() {
    loading = loading || loadIndex(root.dataset.src).then((made) => (index = made))
      .catch((error) => { loading = null; throw error; });  // try again on the next use
    return loading;
  }

  function element(tag, text, href) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (href) node.href = href;
    return node;
  }

  // A sentence from the wording, with {names} filled by text or by links.
  function sentence(template, values) {
    const p = element("p");
    for (const [i, part] of template.split(/\{(\w+)\}/).entries()) {
      p.append(i % 2 ? values[part] : part);
    }
    return p;
  }

  function boroughs(ids) {
    const list = document.createDocumentFragment();
    ids.forEach((id, i) => {
      if (i) list.append(i === ids.length - 1 ? ` ${TEXT.and} ` : ", ");
      const [slug, name] = index.data.boroughs[id];
      list.append(element("a", name, `/areas/${slug}/`));
    });
    return list;
  }

  function help(lead, linkText, href) {
    const p = element("p", `${lead} `);
    p.append(element("a", linkText, href));
    return helpline ? [p, helpline.content.cloneNode(true)] : [p];
  }

  function render(result) {
    if (result.kind === "outside") {
      return [sentence(TEXT.finder_outside, { place: result.label }),
        ...help(TEXT.finder_national_lead, TEXT.finder_national, "/areas/national/")];
    }
    if (result.kind === "unknown") {
      return [element("p", TEXT.finder_unknown), ...help(TEXT.finder_all_lead, TEXT.finder_all, "/areas/")];
    }
    if (result.kind === "places") {
      const said = result.found.map(({ name, ids }) => ids.length === 1
        ? sentence(TEXT.finder_in, { place: name, boroughs: boroughs(ids) })
        : sentence(TEXT.finder_several, { place: name, boroughs: boroughs(ids) }));
      return result.found.some(({ ids }) => ids.length > 1) ? [...said, element("p", TEXT.finder_narrow)] : said;
    }
    const place = result.label;
    const london = result.parts.filter(([id]) => id !== OUTSIDE);  // largest first
    const outside = (result.parts.find(([id]) => id === OUTSIDE) || [OUTSIDE, 0])[1];
    const ids = london.map(([id]) => id);
    if (!london.length) return render({ kind: "outside", label: place });
    const national = () => help(TEXT.finder_national_lead, TEXT.finder_national, "/areas/national/");
    if (outside > london[0][1]) {
      return [sentence(TEXT.finder_mostly_outside, { place, boroughs: boroughs(ids) }), ...national()];
    }
    const said = london.length === 1 ? sentence(TEXT.finder_in, { place, boroughs: boroughs(ids) })
      : london[0][1] > 50 ? sentence(TEXT.finder_mostly, { place, first: boroughs(ids.slice(0, 1)),
        rest: boroughs(ids.slice(1)) })
        : sentence(TEXT.finder_several, { place, boroughs: boroughs(ids) });
    return outside ? [said, sentence(TEXT.finder_part_outside, { place }), ...national()] : [said];
  }

  function show(nodes) {
    const next = element("div");
    next.append(...nodes);
    if (next.innerHTML !== answer.innerHTML) answer.replaceChildren(...next.childNodes);
  }

  // typing: answer after a pause; "cannot find it" waits for a longer one, so that a name
  // still being typed is not announced as a failure at every pause.
  async function respond(typing) {
    clearTimeout(timer);
    const text = input.value;
    if (!text.trim()) return show([]);
    try {
      await load();
    } catch {
      return show([element("p", TEXT.finder_failed), ...help(TEXT.finder_all_lead, TEXT.finder_all, "/areas/")]);
    }
    if (input.value !== text) return;  // newer typing answers for itself
    const result = lookUp(index, text);
    if (typing && result.kind === "unknown") timer = setTimeout(() => show(render(result)), 1200);
    else show(render(result));
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => respond(true), 300);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") respond(false);
  });
  respond(typing);
}
