// Search and filters that run on the device. Pagefind's own script and index files load
// from this site only when someone starts to search; nothing typed or chosen goes into the
// URL, the title or history, and nothing is stored. Loaded by search-start.js when the
// search page is first used.
import { showOpening, TEXT } from "./open-now.js";

const PAGE = 10;  // result cards shown at a time (each fetches its fragment, if not yet had)
// Pagefind's ranking (pagefind.app/docs/ranking): the page's length and how often a word
// comes in it count for nothing, so a match is a match (see ranked, below). A word of a
// service's name weighs most; one of what it is about (search_facets.html) next, far more
// than the same word in its text (Athena's five "violence"s put it before the 24-hour line).
const RANKING = { pageLength: 0, termFrequency: 0, metaWeights: { title: 10, about: 5 } };
// Matches within this factor of the best of their tier are near-equal (see ranked, below).
const NEAR = 2.5;
const nearlyAsGood = (score, best) => score * NEAR >= best;
// Matched only as themselves (exactly): see exactly, below.
const WHOLE = new Set(["free", "witness", "witnesses", "witnessed", "witnessing"]);
// The words of a text, lower case, as a search reads them.
const wordsOf = (text) => text.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) || [];
// The words of a name, or of words that say one: lower case, without apostrophes ("clares
// law") or the small words saying it may leave out or add ("the phoenix service").
const SMALL = new Set(["the", "a", "an", "and", "of", "for", "in", "to", "your", "my"]);
const nameWords = (text) => new Set(wordsOf(text.replace(/['’]/g, "").replace(/-/g, " "))
  .filter((word) => !SMALL.has(word)));
// A module, and after it failed to load, at an address of its own each time (Chromium
// keeps a failed module's failure for its address): the count says nothing of what is typed.
const tries = new Map();
function importAgain(address) {
  const tried = tries.get(address) || 0;
  return import(tried ? `${address}?try=${tried}` : address).catch((error) => {
    tries.set(address, tried + 1);
    throw error;
  });
}

export function start(root) {
  const find = (selector) => root.querySelector(selector);
  const fields = {
    query: find("#search-query"), borough: find("#search-borough"), kind: find("#search-kind"),
    age: find("#search-age"), gender: find("#search-gender"), audience: find("#search-audience"),
  };
  const status = find(".app-search__status");
  const services = find(".app-search__services"), pages = find(".app-search__pages");
  const more = find(".app-search__more");
  const slots = Number(root.dataset.whoSlots), maxAge = Number(root.dataset.maxAge);
  const shards = Number(root.dataset.indexShards || 1);  // signpost/search.py
  let loading = null, reading = null, pagefind = null, searched = false, wantCounts = false, counting = false, ticket = 0, timer = null, results = [], showing = 0;
  // The services that come before and after the results that match as well (placedApart).
  let placed = { first: new Set(), last: new Set() };

  const none = find(".app-search__none"), above = find(".app-search__above");
  // The headings of what is found, made here rather than in the page: a text-mode browser,
  // which runs no script and shows what is `hidden`, showed "Services" and "Help pages"
  // over nothing.
  const heading = (name, text, before) => {
    const made = element("h2", `app-search__${name}-heading`, text);
    made.hidden = true;
    before.before(made);
    return made;
  };
  const answer = find(".app-search__answer"), answerHeading = heading("answer",
    TEXT.answer_heading, answer);
  const servicesHeading = heading("services", TEXT.services_heading, services);
  const pagesHeading = heading("pages", TEXT.pages_heading, pages);
  const also = find(".app-search__also");
  const lines = JSON.parse(none.dataset.lines || "{}");
  // The boroughs with services based there (templates/search.html).
  const local = new Set([...fields.borough.options].filter((o) => "local" in o.dataset)
    .map((o) => o.value));
  // The services anyone can reach: national ones, and those in every borough.
  const ANYWHERE = { all: [{ any: [{ borough: "National" }, { borough: { all: [...fields.borough
    .options].map((o) => o.value).filter(Boolean) } }] }] };

  const upTo = (n) => Array.from({ length: n + 1 }, (_, i) => i);

  // A service serves a person when one of its age-range slots starts at or before their
  // age, ends at or after it and is for their gender or any (signpost/facets.py).
  function who(years, gender) {
    const slot = (n) => {
      const all = [];
      if (years !== null) {
        all.push({ who: { any: upTo(years).map((age) => `${n} from ${age}`) } },
          { who: { any: upTo(maxAge - years).map((i) => `${n} to ${years + i}`) } });
      }
      if (gender) all.push({ who: { any: [`${n} ${gender}`, `${n} any`] } });
      return { all };
    };
    return upTo(slots - 1).map(slot);
  }

  function filters() {
    const chosen = {};
    if (fields.borough.value) chosen.borough = { any: [fields.borough.value, "National"] };
    if (fields.kind.value) chosen.kind = fields.kind.value;
    if (fields.audience.value) chosen.audience = fields.audience.value;
    const age = chosenAge();
    if (age !== null || fields.gender.value) chosen.any = who(age, fields.gender.value);
    return chosen;
  }

  // Whether the kind of help chosen is one for people who harm (templates/search.html).
  function harmKind() {
    const option = fields.kind.selectedOptions[0];
    return Boolean(option && "harm" in option.dataset);
  }

  // The age given, if it is one (an age the search cannot use is not a choice made).
  function chosenAge() {
    const years = Number(fields.age.value);
    return fields.age.value.trim() !== "" && Number.isInteger(years) && years >= 0
      && years <= maxAge ? years : null;
  }

  // search-words.js, which reads places, ages and one's own behaviour in the words (with
  // the place finder's lookup), or null while it cannot be had (the words are then words).
  function loadWords() {
    reading = reading || importAgain("./search-words.js")
      .then((module) => module.start(root.dataset.places))
      .then((reader) => {
        if (!reader.whole) reading = null;  // try the lookup and the words again
        return reader;
      })
      .catch(() => { reading = null; return null; });
    return reading;
  }

  // What is asked: the words and the choices, what comes first (an age or a place given in
  // the words: search-words.js) and what the status says of it, and whether the words are
  // about one's own behaviour or say someone is in danger now.
  async function asked() {
    const chosen = filters(), typed = fields.query.value.trim();
    const reader = typed && await loadWords();
    if (!reader) return { words: typed, chosen, first: null, said: "", age: null, gender: "" };
    const read = reader.read(typed, { age: chosenAge(), borough: fields.borough.value,
      gender: fields.gender.value !== "", genders: fields.gender.options, local, maxAge,
      adult: Number(root.dataset.adult),
      who: (years, gender) => who(years ?? chosenAge(), gender || fields.gender.value) });
    return { ...read, chosen, own: reader.ownBehaviour(typed), question: reader.question(typed),
      danger: reader.danger(typed, { callSection, element }) };
  }

  async function run() {
    const mine = ++ticket;
    if (!fields.query.value.trim() && !Object.keys(filters()).length) return clear();
    status.textContent = TEXT.searching;
    // One promise, so that a second search typed while Pagefind loads waits for it rather
    // than searching before its options are set, or merging the shards again.
    loading = loading || importAgain("/pagefind/pagefind.js").then(async (module) => {
      // Never highlightParam: it puts words in URLs. No worker: 12 KB. One call: a second
      // would replace it. Shard k answers to "shard: k".
      await module.options({ excerptLength: 0, noWorker: true, ranking: RANKING,
        ...(shards > 1 ? { mergeFilter: { shard: "0" } } : {}) });
      await Promise.all(upTo(shards - 1).slice(1).map((k) =>
        module.mergeIndex(`/pagefind/${k}/`, { mergeFilter: { shard: String(k) } })));
      if (!root.dataset.details) return module;
      // A small directory: every part of the index (a search with no words loads them
      // all) and every result's details, in one file, at once, so that the files fetched
      // are the same whatever is searched (signpost/search.py); each result's details are
      // then read from that file, not from Pagefind's file per result.
      const [response] = await Promise.all([fetch(`/pagefind/${root.dataset.details}`),
        module.search(null, {})]);
      if (!response.ok) throw new Error(`${response.status}`);
      const details = await response.json();
      const search = async (...args) => {
        const found = await module.search(...args);
        for (const result of found.results) result.data = async () => details[result.id];
        return found;
      };
      return { ...module, search };
    });
    const ready = await Promise.all([loading, asked()]).catch(() => null);
    if (!ready) {  // offline for a moment: said, and the next search tries again
      loading = null;
      if (mine === ticket) status.textContent = TEXT.search_failed;
      return;
    }
    const [module, { words, chosen, first, said, age, gender, own: ownWords, danger: emergency,
      optional, question, child, childNamed, othersChild, help: helpFor }] = ready;
    pagefind = module;
    const toldAge = chosenAge() !== null || age !== null || child;  // or a child's words
    placed = toldAge ? { first: new Set(), last: new Set() }
      : await placedApart(chosen.borough || first?.borough, childNamed, othersChild);
    const found = await searchServices(words, chosen, first, ownWords, optional);
    // Help pages by the words searched, or those typed when browsing ("help me").
    const helpWords = found.query === root.dataset.browseWord ? words || helpFor : found.query;
    const help = helpWords ? await pagefind.search(helpWords, { filters: { type: "page" } }) : { results: [] };
    // A resident's help page before one for professionals (templates/page.html: its tag):
    // "support" and "i need help" listed "Domestic homicide reviews" and "Information for
    // professionals" first. One for professionals only for a professional's search, or words
    // it is about: "someone is following me" listed three, by their "the following".
    const helpData = (await Promise.all(help.results.slice(0, 10).map((r) => r.data())))
      .filter((data) => !data.meta.tag || professionals(chosen, first) || isAbout(data, helpWords))
      .sort((a, b) => (Boolean(a.meta.tag) - Boolean(b.meta.tag)) * (helpFor ? -1 : 1));
    // With a group given ("I'm a man", or a group chosen), the group's own lines first
    // (site.yaml: the Men's Advice Line), as its page offers them, when among the first
    // results: browsing, lines open 24 hours for anyone came first ("i'm a man" listed
    // Samaritans second and the Men's Advice Line seventh); with words that every result
    // has, the lines with "abuse" in their names ("i am a man and i am being abused" listed
    // five services before it). Not before what has more of a sentence's words, nor before
    // what the words ask for (the police, help for people who harm).
    const group = fields.gender.value || gender, years = chosenAge() ?? age, harm = harmKind();
    const askedFor = found.asking || ownWords;
    // A child or young person who gives their age: the lines meant for them (Childline, for
    // whatever worries them) before everything else, among the results if shown there,
    // else above them: "i'm 14 and my boyfriend is 19" listed eight services for every age
    // before Childline, offered after them. Not before what the words ask for.
    const young = harm || askedFor || !found.forVictims ? [] : youngLines(years, group);
    const browsing = found.query === root.dataset.browseWord;
    const groupFirst = group && (browsing || !(found.someWords || askedFor));
    const ordered = await linesFirst(found.results,
      once([...young, ...(groupFirst ? lines[group] || [] : [])]));
    if (mine !== ticket) return;  // a newer search has started
    results = ordered;
    services.replaceChildren();
    showing = 0;
    await showMore(mine);
    // A question a resident's help page answers (search-words.js: "what is coercive
    // control"): that page above the services, the other pages where they always are. Not
    // when someone is in danger now (999 first), nor for words about one's own behaviour.
    const answered = question && !emergency && !ownWords && results.length && !browsing
      && helpData[0] && !helpData[0].meta.tag && isAbout(helpData[0], found.query)
      ? helpData.slice(0, 1) : [];
    answer.replaceChildren(...answered.map(pageLink));
    answer.hidden = answerHeading.hidden = !answered.length;
    pages.replaceChildren(...helpData.slice(answered.length).map(pageLink));
    servicesHeading.hidden = !results.length;
    pagesHeading.hidden = helpData.length <= answered.length;
    // A resident's help page with every word comes before the few services (up to 3) with
    // only some ("how do i delete my history" found Clare's Law, by a partner's history,
    // before Staying safe online), and before the lines offered when no service is found
    // ("how do i delete my browsing history": Staying safe online is what was asked for);
    // not one for professionals (templates/page.html: its tag), nor before many ("my
    // parents are forcing me to get married": the Forced Marriage Unit).
    if (helpData[0] && !helpData[0].meta.tag
        && (!results.length || found.someWords && results.length < 4)) {
      none.before(pagesHeading, pages);
    } else also.after(pagesHeading, pages);
    // No service for victims found (help pages, or only help for people who harm, are not
    // enough): the 24-hour helpline and the ways to look, so a search is never a dead end.
    // Someone looking for help with their own behaviour is offered no victims' line, and
    // told nothing of victims when their kind of help is found. Their words bring the lines
    // for people who harm, above the results, instead.
    const forHarm = !harm && ownWords ? harmLines() : [];
    const offered = forHarm.length ? [] : linesFor(harm, years, group);
    if (!found.forVictims && !(harm && results.length)) {
      fillNone(none, offered, !offered.length ? TEXT.none_look : results.length
        ? TEXT.none_other : TEXT.none_intro);
    }
    none.hidden = Boolean(found.forVictims) || (harm && results.length > 0);
    // Services found, but none of those lines among the first shown ("Athena", an older
    // woman's words about her pension): the lines after them, so that a search never ends
    // without a number to call now.
    const shown = new Set([...services.querySelectorAll(".app-card__title a")]
      .map((link) => link.getAttribute("href")));
    const youngAbove = young.some((line) => shown.has(line.url)) ? [] : young;
    const more = !found.forVictims || youngAbove.length
      || offered.some((line) => shown.has(line.url)) ? [] : offered;
    also.replaceChildren(...(more.length ? [callSection(TEXT.also_talk, "search-also", more)] : []));
    also.hidden = !more.length;
    // Above the results: how to call 999 when the words say someone is in danger now; the
    // lines for people who harm when they are about one's own behaviour; the lines for a
    // young person's age when none is among the results shown.
    above.replaceChildren(...[emergency, forHarm.length && callSection(TEXT.own_heading,
      "search-own", forHarm), youngAbove.length && callSection(TEXT.young_heading,
      "search-young", youngAbove)].filter(Boolean));
    above.hidden = !above.children.length;
    // Before what was found: what comes first, and the boxes of lines (for those who hear
    // the status rather than see the page); the rest said only of something found.
    const notes = [emergency && TEXT.danger_said, forHarm.length && TEXT.own_said,
      ...(results.length ? [found.spelt && TEXT.search_spelt.replace("{words}", found.query),
        said, youngAbove.length && TEXT.young_said, answered.length && TEXT.answer_said,
        more.length && TEXT.also_said] : [])];
    status.textContent = [...notes, summary(results.length, helpData.length, found.someWords,
      chosen)].filter(Boolean).join(" ");
    showCounts(found.filters);
    searched = true;
    count();
  }

  // own: the words are about one's own behaviour (search-words.js), and help for people who
  // harm comes first. optional: words left out when no page has them (search-words.js: a
  // word someone says of themselves beside their gender, "Muslim" of "a Muslim woman").
  async function searchServices(words, chosen, first, own, optional = []) {
    // The commonest words of a sentence are left out, and words no page has (search-words.js:
    // telling, known); when they were all of the others (known: null), nothing is found.
    // While search-words.js cannot be had, the short words are left out ("me" found "men").
    const written = wordsOf(words);
    rankings.clear();
    const reader = written.length && await loadWords();
    const told = reader ? reader.telling(written) : [...new Set(written)].filter((w) => w.length > 3);
    const each = reader ? await reader.known(pagefind, told, optional) : told;
    if (!each) return { results: [], forVictims: 0, filters: null };
    // A situation the words name whose help site.yaml puts first (`first_when_named`): "i'm a
    // sex worker and was attacked" listed National Ugly Mugs fourth, after three services
    // for sexual violence (by "sex" and "attacked").
    const kinds = reader ? reader.situations(each) : { all: [], named: [], first: [] };
    if (kinds.first.length) first = { ...first, situation: { any: kinds.first } };
    // Browsing searches for the word every service page carries (no words would load the
    // whole index), in the residents' order; so do words too common to find anything by
    // ("help", "help me"), as browsing would.
    // A word read as another ("violance" as "violence") is said, with what was searched.
    const spelt = each.some((word) => !told.includes(word));
    const query = !each.length ? root.dataset.browseWord
      : written.length > 1 || spelt ? each.join(" ") : words;
    const browsing = query === root.dataset.browseWord;
    // Services only for professionals, then help for people who harm (each a section), are
    // searched apart and listed after the rest, so the words of a search never put them
    // first; a professional who chose "Professionals", or said what they do ("i'm a gp":
    // search-words.js), gets theirs ranked with the rest.
    const sections = [professionals(chosen, first) ? null : "professionals",
      "people-who-harm"].filter(Boolean).map((section) => ({ section }));
    // Ways to go to the police are searched apart too, and follow the support found unless
    // the words ask for one (search-words.js: "police", "my partner's past").
    const askedBy = reader ? reader.asksToReport(each) : [], asking = askedBy.length > 0;
    // Help for people who harm matches no victim's age or gender; whoever chooses its kind
    // of help finds it whatever their own, so that someone who wants to change is never
    // left with none.
    const place = { ...chosen };
    if (harmKind()) delete place.any;
    // Each part of the results is searched with one set of filters or more, in turn.
    // Browsing lists help in one particular situation, then help reached only through a
    // professional, after the helplines, as the lists do (signpost/order.py): a dog's foster
    // care came third for "help in lewisham". Words find help in a situation they name in
    // its place among the rest, and the others after the rest (listedAfter, below).
    const reporting = { section: "reporting" };
    const afterLines = browsing ? [{ section: "after-helplines" }] : [];
    const support = { none: [{ type: "page" }, reporting, ...sections, ...afterLines] };
    const all = [asking ? [reporting, support] : [support, ...afterLines, reporting],
      ...sections.map((section) => [section])].map((sets) => sets.map((which) =>
      ({ ...(which.section === "people-who-harm" ? place : chosen), ...which })));
    // With no borough known (none chosen or named), words find the help anyone can reach
    // before a service for some boroughs only, which may not be theirs (browsing does so by
    // its order): "my boyfriend raped me" listed Athena, the Gaia Centre and Refuge's
    // service in Barking and Dagenham, each for one borough, first, by having both words;
    // the 24-hour lines followed.
    const reach = browsing || chosen.borough || first?.borough ? null : ANYWHERE;
    const search = (filters) => (browsing ? inOrder : ranked)(query, filters);
    // A sentence's support (filters.none), not the ways to report, also lists the services
    // most about its words (withMost). Ways to report that the words ask for, when none has
    // them all, are found by the words that ask for them, then by the others: "report
    // abuse" found the Havens ("report the assault later") and no way to go to the police,
    // and "my neighbour is shouting at his wife" Clare's Law (by "wife") before the police.
    const aside = browsing ? new Set() : await listedAfter(kinds, each);
    const some = supportAside(aside, (filters) => byEachWord(each, filters));
    // A sentence's support (how) with, when none of those anyone can reach has every word
    // but some others have (by their kinds of help's words, not their names), those anyone
    // can reach that are most about a word first; then the rest, with the help in a
    // particular situation the words do not name after it. Words that name the service
    // found first keep it first ("gaia centre"). When some that anyone can reach have every
    // word, but far less than a service for some boroughs (in their text alone), the first
    // line of every list (site.yaml: home_helpline) comes first, if found: "he sends me
    // threatening texts" listed Athena (Lewisham) first, by its kinds' words, NCDV by its
    // text, and "domestic abuse and children" a service in Lambeth for 11 to 17s.
    function reachFirst(how) {
      return !reach ? how : async (filters) => {
        const all = await how(filters);
        if (!filters.none || each.length < 2 || !all.results.length) return all;
        const anywhere = { ...filters, ...reach };
        const [near, every, named] = await Promise.all([ranked(query, anywhere),
          ranked(query, filters), isNamed(all.results[0], each)]);
        if (named) return all;
        if (near.results.length) {
          if (nearlyAsGood(bestScore(near), bestScore(every))) return all;
          const [home] = (await inOrder(root.dataset.browseWord, anywhere)).results;
          return { ...all, results: thenTheRest(all.results.filter((r) => r.id === home?.id),
            all.results) };
        }
        const about = await mostAbout(each, filters, { within: anywhere });
        return { ...all, results: atEnd(thenTheRest(about, all.results), (r) => aside.has(r.id)),
          filters: about.length ? null : all.filters };
      };
    }
    const main = reachFirst(supportAside(aside, async (filters) => {
      if (filters.none && each.length > 1) {
        // When the words ask for a way to report, and no support has them all, the support
        // with the most of them (byEachWord): else the ways to report stood alone, and
        // found by "police" in their text ("police abroad": Clare's Law second).
        const found = await withMost(query, each, filters);
        return found.results.length || !asking ? found : some(filters);
      }
      const found = await search(filters);
      if (!asking || filters.section !== "reporting") return found;
      if (each.length < 2 || found.results.length) return named(found, filters);
      const [asked, rest] = await Promise.all([byEachWord(askedBy, filters), some(filters)]);
      return named({ results: thenTheRest(asked.results, rest.results) }, filters);
    }));
    // Of the ways to report found, those most about the words that ask for one (ranked's
    // first tier for each, by name or kind of help) come first, and the rest after the
    // support found: "my drink was spiked", read as the police, listed Crimestoppers and
    // Clare's Law, by the "police" in their text, before any support.
    const aboutAsked = new Set(), reports = new Set();
    const named = async (found, filters) => {
      const tops = await Promise.all(askedBy.map((word) => ranked(word, filters)));
      tops.forEach((top) => top.results.slice(0, top.top).forEach((r) => aboutAsked.add(r.id)));
      found.results.forEach((result) => reports.add(result.id));
      return found;
    };
    let parts = await Promise.all(all.map((sets, i) => firstThenRest(i ? search : main, sets,
      first, !i && each.length > 1 && some)));
    // A sentence ("he hits me and my money") rarely has all its words in one page. When no
    // service a resident can contact has them all, each is searched alone, and what the
    // most words found comes first. The choices' counts are then left out (addCounts): those
    // of the words would not add up.
    const byWord = each.length > 1 && !parts[0].results.length;
    if (byWord) {
      parts = await Promise.all(all.map((sets) =>
        firstThenRest(some, sets, first)));
    }
    const later = (result) => reports.has(result.id) && !aboutAsked.has(result.id);
    parts[0] = { ...parts[0], results: await namedFirst(atEnd(parts[0].results, later),
      fields.query.value) };
    const [found] = parts;
    // Help for people who harm (the last of `sections`) first for words about one's own
    // behaviour: "worried about my own behaviour" found a programme for 11 to 18s that a
    // professional refers to, and four victims' lines, before any help to change.
    if (own) parts.unshift(parts.pop());
    return { results: parts.flatMap((part) => part.results), query, spelt, asking,
      forVictims: found.results.length, someWords: byWord && found.results.length > 0,
      filters: addCounts(...parts.map((part) => part.filters)) };
  }

  // The services a word search lists after the rest of the support it finds (supportAside),
  // as the lists have them after the helplines (signpost/order.py): help in one particular
  // situation that the words do not name (search-words.js: situations), and help reached
  // only through a professional. "emergency" listed foster care for a dog first (its
  // "emergency accommodation"), "refuge" in Lambeth the Forced Marriage Unit and that foster
  // care before the borough's own service, and "abuse" a service for 5 to 17s in one borough
  // that only a professional can refer to fifth. Found among the pages with any of the words,
  // whose parts of the index are loaded already; the kinds of situation (kinds: every one,
  // and those the words name) are asked whatever the words (all of them when none is named),
  // so that what is fetched says nothing of them.
  async function listedAfter(kinds, each) {
    const asked = kinds.named.length ? kinds.named : kinds.all;
    const ids = async (filters) => new Set((await eachWord(each, filters))
      .flatMap((found) => found.results).map((result) => result.id));
    const [after, situated] = await Promise.all([ids({ section: "after-helplines" }),
      asked.length ? ids({ situation: { any: asked } }) : new Set()]);
    return new Set([...after].filter((id) => !(kinds.named.length && situated.has(id))));
  }

  // A search (how) whose support (filters.none) lists those aside after the rest.
  function supportAside(aside, how) {
    return async (filters) => {
      const found = await how(filters);
      return !filters.none ? found
        : { ...found, results: atEnd(found.results, (result) => aside.has(result.id)) };
    };
  }

  // The results, those that are `last` after the rest, each part in its order.
  function atEnd(results, last) {
    return [...results.filter((result) => !last(result)), ...results.filter(last)];
  }

  // What a search finds with each set of filters in turn, first with those `first` adds
  // (the place named in the words and national help, the age and gender given in them),
  // then the rest. When nothing that comes first has every word but something else does,
  // what comes first is what has the most of them (`some`, for a sentence's support): "my
  // son's dad hits me", a parent's words, found services for 11 to 17s first, which alone
  // had "dad".
  async function firstThenRest(search, sets, first, some) {
    const inTurn = async (extra, how = search) => {
      const found = await Promise.all(sets.map((filters) => how({ ...filters, ...extra })));
      return { results: found.flatMap((one) => one.results),
        filters: addCounts(...found.map((one) => one.filters)) };
    };
    if (!first) return inTurn({});
    const [had, all] = await Promise.all([inTurn(first), inTurn({})]);
    const there = some && !had.results.length && all.results.length ? await inTurn(first, some)
      : had;
    return { ...all, results: thenTheRest(there.results, all.results) };
  }

  // The results first, then those of rest that are not among them.
  function thenTheRest(first, rest) {
    const seen = new Set(first.map((result) => result.id));
    return first.concat(rest.filter((result) => !seen.has(result.id)));
  }

  // A word of two or three letters, as Pagefind is asked to match it only as itself: it also
  // matches every word one begins, and a rare long one outweighs it ("ex" matched
  // "experienced" in the Men's Advice Line's summary, first for "ex partner"). So too a
  // longer word that begins a name by chance: "is it free" listed first the Freedom Project
  // (foster care for a dog), by its name, before the free lines. So too a word whose stem is
  // short: Pagefind reads "witness" as "wit", and "i am a witness" listed first the Revenge
  // Porn Helpline, by its "with".
  function exactly(word) {
    return word.length < 4 || WHOLE.has(word) ? `"${word}"` : word;
  }

  // Each word searched alone: what the most words found first, with what found nearly as
  // many (three quarters), then in the residents' order. How well one word of a sentence
  // matched says little ("partner" put Clare's Law first for "my partner controls my money";
  // and a long page has more of a long sentence's words: a service for children came first
  // for a woman's eight lines about her partner), but a word a page has only below the
  // word's best matches (ranked's first tier), as in its text alone, counts half: "my uncle
  // molested me" listed the line for protection orders second, by its "non-molestation".
  async function byEachWord(each, filters) {
    const found = await eachWord(each, filters);
    const hits = new Map();
    for (const one of found) {
      const best = bestScore(one);
      one.results.forEach((result) => weigh(hits, result, nearlyAsGood(result.score, best) ? 1 : 1 / 2));
    }
    const near = Math.ceil(Math.max(0, ...[...hits.values()].map((hit) => hit.weight)) * 3 / 4);
    for (const hit of hits.values()) hit.weight = Math.min(hit.weight, near);
    return { results: await heaviestFirst(hits, filters) };
  }

  // Whether the search is a professional's: "Professionals" chosen, or what they do said
  // ("i'm a gp": search-words.js, which then also asks for their help pages).
  function professionals(chosen, first) {
    return [chosen.audience, first?.audience].includes("professionals");
  }

  // Pagefind's answer for each word alone, with these filters.
  function eachWord(each, filters) {
    return Promise.all(each.map((word) => pagefind.search(exactly(word), { filters })));
  }

  // The highest score of what a search found (ranked lists it by tiers, not by score).
  function bestScore(found) {
    return Math.max(0, ...found.results.map((result) => result.score));
  }

  function weigh(hits, result, weight) {
    hits.set(result.id, { result, weight: (hits.get(result.id)?.weight || 0) + weight });
  }

  // The results of hits (each a result and its weight), heaviest first, then in the
  // residents' order.
  async function heaviestFirst(hits, filters) {
    const place = placesIn(await inOrder(root.dataset.browseWord, filters));
    return [...hits.values()].sort((a, b) => b.weight - a.weight
      || place.get(a.result.id) - place.get(b.result.id)).map((hit) => hit.result);
  }

  // What has every word, then the services most about some of them (by name, or by their
  // kind of help's words), those about the rarest first, in the residents' order:
  // "someone following me home" found Athena alone, which has both words, and not the
  // stalking helpline, which is about "following".
  async function withMost(query, each, filters) {
    const found = await ranked(query, filters);
    if (!found.results.length) return found;  // none has every word: byEachWord's turn
    const seen = new Set(found.results.map((result) => result.id));
    const more = await mostAbout(each, filters, { seen });
    // The choices' counts are of what has every word: with more, they would not add up.
    return { ...found, results: found.results.concat(more), filters: more.length ? null : found.filters };
  }

  // The services most about some of the words (ranked's first tier for each, with these
  // filters) that are not `seen` and, if `within` is given, among those its filters find,
  // those about the rarest first.
  async function mostAbout(each, filters, { within = null, seen = new Set() } = {}) {
    const [tops, kept] = await Promise.all([Promise.all(each.map((word) => ranked(word, filters))),
      within && pagefind.search(root.dataset.browseWord, { filters: within })
        .then((found) => new Set(found.results.map((result) => result.id)))]);
    const hits = new Map();
    for (const top of tops) {  // a word few services are about weighs more
      top.results.slice(0, top.top).forEach((result) => seen.has(result.id)
        || (kept && !kept.has(result.id)) || weigh(hits, result, 1 / top.top));
    }
    return heaviestFirst(hits, within || filters);
  }

  // In the residents' order (signpost/order.py): with no borough chosen, or none with a
  // service of its own (local), the national lines first ("anywhere"), as no service is
  // local: "i live in croydon and need help" listed the Havens, for every borough, first.
  // Sorted, a result's score is its place in its shard (a range of the "order" order), so
  // the shards are listed in turn.
  async function inOrder(query, filters) {
    if (shards === 1) {
      const { borough } = filters;
      const named = typeof borough === "string" ? [borough] : borough?.any || [];
      const sort = named.some((name) => local.has(name)) ? "order" : "anywhere";
      return pagefind.search(query, { filters, sort: { [sort]: "asc" } });
    }
    const options = { filters, sort: { order: "asc" } };
    const parts = await Promise.all(upTo(shards - 1).map((k) =>
      pagefind.search(query, { ...options, filters: { ...filters, shard: String(k) } })));
    return { results: parts.flatMap((part) => part.results),
      filters: addCounts(...parts.map((part) => part.filters)) };
  }

  // The services that come after the results that match as well, told no age (last): in a
  // borough those only for the young (with none, the lines come first, and those after the
  // rest of their rank, as in a list); and, unless the words name a child, the others about
  // children (site.yaml: about_children). In Lambeth "he hits me" listed the council's
  // children's social care, where anyone worried about a child calls, second, before the
  // 24-hour line; with no borough, the NSPCC's line for adults worried about a child fifth.
  // For an adult's words of another's child, those others come first (first): "my friend's
  // kids are being hurt" listed three lines for adults' own abuse before the NSPCC's.
  async function placedApart(borough, childNamed, othersChild) {
    // Nothing to move: no search, which would fetch the part of the index the word is in.
    if (!borough && childNamed && !othersChild) return { first: new Set(), last: new Set() };
    const ids = async (filters) => (await pagefind.search(root.dataset.browseWord, { filters }))
      .results.map((result) => result.id);
    // (With no borough, only the national lines come first: a borough's follow them.)
    const [young, about] = await Promise.all([ids({ section: "young" }), othersChild
      ? ids({ section: "about-children", ...(borough ? {} : { borough: "National" }) })
      : childNamed ? [] : ids({ section: "about-children" })]);
    const others = about.filter((id) => !young.includes(id));
    if (othersChild) return { first: new Set(others), last: new Set(young) };
    return { first: new Set(), last: new Set([...(borough ? young : []), ...others]) };
  }

  // Each result's place in the residents' order (inOrder's), those placedApart before or
  // after the rest, as a list has the services only for the young after the rest of their
  // group (signpost/order.py): in Lambeth, "my boyfriend hits me" listed two services for
  // children second and third, before the 24-hour line.
  function placesIn(ordered) {
    const after = ordered.results.length;
    return new Map(ordered.results.map((result, i) => [result.id,
      placed.last.has(result.id) ? after + i : placed.first.has(result.id) ? i - after : i]));
  }

  // ranked's answers within one search of the services, each asked once: a sentence's
  // support asks for each word's first tier twice (withMost, reachFirst). Cleared at each
  // search, so that counting the choices (count) asks again once the filters' files, and so
  // their counts, are loaded. A failed one is asked again next time.
  const rankings = new Map();
  function ranked(query, filters) {
    const key = JSON.stringify([query, filters]);
    if (!rankings.has(key)) {
      rankings.set(key, rankedAnew(query, filters).catch((error) => {
        rankings.delete(key);
        throw error;
      }));
    }
    return rankings.get(key);
  }

  // By relevance, in tiers of near-equal matches, each in the residents' order: a word many
  // services share through their kind of help's plain words ranks none above the others for
  // a shorter page (RANKING), nor for having the word twice in its own text ("controlling"
  // put a service only a professional can refer you to first, for "Impulse Control"). A
  // name matched ("police") still comes first (RANKING). `top`: how many are in the first
  // tier. (See exactly: a short word is matched as itself only.)
  async function rankedAnew(query, filters) {
    const words = query.split(" ").map(exactly), exact = words.filter((word) => word[0] === '"');
    const [found, ordered, ...only] = await Promise.all([pagefind.search(words.filter((word) =>
      word[0] !== '"').join(" ") || exact[0], { filters }), inOrder(query, filters),
    ...exact.map((word) => pagefind.search(word, { filters }))]);
    const has = only.map((one) => new Set(one.results.map((result) => result.id)));
    const place = placesIn(ordered);
    const byScore = found.results.filter((result) => has.every((ids) => ids.has(result.id)))
      .sort((a, b) => b.score - a.score);
    const tiers = [];
    for (const result of byScore) {
      const tier = tiers[tiers.length - 1];
      if (tier && nearlyAsGood(result.score, tier[0].score)) tier.push(result);
      else tiers.push([result]);
    }
    return { ...found, filters: ordered.filters, top: tiers.length && tiers[0].length,
      results: tiers.flatMap((tier) => tier.sort((a, b) => place.get(a.id) - place.get(b.id))) };
  }

  // Counts need the borough and kind filters (80 KB at 10,000 listings; not every filter):
  // fetched once someone goes to a list of choices, after the results.
  async function count() {
    if (counting || !wantCounts || !searched) return;
    counting = true;
    const mine = ticket, { words, chosen, first, optional } = await asked();
    if (!words && !Object.keys(chosen).length && !first) {
      counting = false;  // again after the next search
      return;
    }
    await pagefind.preload(words || root.dataset.browseWord, { filters: { borough: "", kind: "" } });
    const found = await searchServices(words, chosen, first, false, optional);
    if (mine === ticket) showCounts(found.filters);
  }

  function summary(serviceCount, pageCount, someWords, chosen) {
    const count = (n, one, many) => (n === 1 ? TEXT[one] : TEXT[many].replace("{n}", n));
    const parts = [];
    if (serviceCount) parts.push(count(serviceCount, "service_one", "service_many"));
    if (pageCount) parts.push(count(pageCount, "page_one", "page_many"));
    const found = someWords ? TEXT.found_some : TEXT.found;
    if (parts.length) return found.replace("{what}", parts.join(` ${TEXT.and} `));
    return Object.keys(chosen).length ? TEXT.results_none : TEXT.results_none_words;
  }

  async function showMore(mine = ticket) {
    const batch = await Promise.all(results.slice(showing, showing + PAGE).map((r) => r.data()));
    if (mine !== ticket) return;
    services.append(...batch.map(card));
    showing += batch.length;
    more.hidden = showing >= results.length;
    more.textContent = TEXT.show_more;
  }

  function addCounts(...all) {
    // A part's are not known: more than what has every word was added (withMost), or it was
    // put together from each word's (byEachWord).
    if (all.some((counts) => counts == null)) return null;
    const sum = {};
    for (const counts of all) {
      for (const [key, values] of Object.entries(counts || {})) {
        sum[key] = sum[key] || {};
        for (const [value, n] of Object.entries(values)) sum[key][value] = (sum[key][value] || 0) + n;
      }
    }
    return sum;
  }

  // Each option says how many services it would find with the other choices kept.
  function showCounts(counts) {
    for (const [field, key] of [[fields.borough, "borough"], [fields.kind, "kind"]]) {
      for (const option of field.options) {
        // Its value is its name (search.html), kept as its text changes.
        if (!option.hasAttribute("value")) option.value = option.textContent;
        option.dataset.name = option.dataset.name || option.textContent;
        if (!option.value) continue;
        if (!counts || !counts[key]) {
          option.textContent = option.dataset.name;
          continue;
        }
        const n = (counts[key][option.value] || 0) + (key === "borough" ? counts.borough.National || 0 : 0);
        option.textContent = `${option.dataset.name} (${n})`;
      }
    }
  }

  function clear() {
    ticket++;
    results = [];
    services.replaceChildren();
    pages.replaceChildren();
    answer.replaceChildren();
    answer.hidden = answerHeading.hidden = true;
    more.hidden = true;
    status.textContent = "";
    none.hidden = true;
    above.hidden = true;
    also.hidden = true;
    servicesHeading.hidden = true;
    pagesHeading.hidden = true;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(className, text, href) {
    const node = element("a", className, text);
    node.href = href;
    return node;
  }

  // Built with textContent only: listing text never becomes markup.
  function card(data) {
    const item = element("li", "app-card");
    const heading = element("h3", "app-card__title");
    heading.append(link("", data.meta.title, data.url));
    item.append(heading);
    if (data.meta.closed) item.append(element("p", "app-tag app-tag--closed", data.meta.closed));
    if (data.meta.tag) item.append(element("p", "app-tag", data.meta.tag));
    item.append(element("p", "", data.meta.summary));
    const where = element("p", "app-card__where");
    where.append(element("strong", "", TEXT.where), " " + data.meta.where);
    item.append(where);
    if (data.meta.who) {  // not on a way to report a crime, which anyone may use
      const who = element("p", "app-card__who");
      who.append(element("strong", "", TEXT.who_for), " " + data.meta.who);
      item.append(who);
    }
    // A way to reach it, with whether that is open now: a number to call, else its website.
    const reach = (className, link, hours, ...before) => {
      const line = element("p", className);
      const open = element("span", "app-open-now");
      showOpening(open, hours);
      line.append(...before, link, " ", open);
      item.append(line);
    };
    const meta = data.meta;
    if (meta.phone) {
      reach("app-card__call", link("app-phone", `${TEXT.call} ${meta.phone}`, meta.phone_href),
        meta.hours);
    }
    if (meta.now_phone) {  // the line to call when the first one is closed
      reach("app-card__call", link("app-phone", `${TEXT.call} ${meta.now_phone}`, meta.now_href),
        meta.now_hours, element("span", "app-card__label", meta.now_label));
    }
    // A page of the service's own (its chat, or with no number its website), as the card's
    // page shows it.
    const page = (className, label, text, href, hours) => {
      const away = link("", text, href);
      away.rel = "noreferrer";
      reach(className, away, hours, element("strong", "", label), " ");
    };
    if (meta.chat) page("app-card__chat", TEXT.chat, TEXT.chat_link, meta.chat, meta.chat_hours);
    if (meta.website) {
      page("app-card__web", TEXT.website, meta.website.replace(/^https:\/\//, "").replace(/\/$/, ""),
        meta.website, meta.hours);
    }
    return item;
  }

  // The lines to call when nothing is found, those that fit the age and gender (chosen, or
  // given in the words): the chosen kind of help's own (the Respect Phoneline for
  // help to stop being abusive), else the chosen group's (the Men's Advice Line), else those
  // for young people at that age (Childline), else the 24-hour helpline; never a victims'
  // line to someone who chose help to stop being abusive.
  function linesFor(harm, age, gender) {
    const fits = (line) => !line.groups.length || line.groups.some(([own, low, high]) =>
      (!gender || !own || own === gender) && (age === null || (low <= age && age <= high)));
    // With an age, the lines meant for people up to some age (Childline for 15) before the
    // 24-hour line for everyone.
    const kind = `kind:${fields.kind.value}`;
    const keys = harm ? [kind] : [kind, ...(gender ? [gender] : []), "young", ""];
    for (const key of keys) {
      const offered = key === "young" ? youngLines(age, gender) : (lines[key] || []).filter(fits);
      if (offered.length) return offered;
    }
    return [];
  }

  // The lines meant for people up to some age (Childline, for 15), at this age, for this
  // gender (if given); none with no age.
  function youngLines(age, gender) {
    return age === null ? [] : once(Object.values(lines).flat()).filter((line) =>
      line.groups.some(([own, low, high]) => low <= age && age <= high && high < maxAge
        && (!gender || !own || own === gender)));
  }

  // The results with these lines among the first shown moved before the rest, in the order
  // given.
  async function linesFirst(found, offered) {
    if (!offered.length) return found;
    const urls = offered.map((line) => line.url);
    const head = found.slice(0, PAGE);
    const data = await Promise.all(head.map((result) => result.data()));
    const own = urls.map((url) => head[data.findIndex((one) => one.url === url)]).filter(Boolean);
    return thenTheRest(own, found);
  }

  // The lines of the kinds of help for people who harm (the Respect Phoneline).
  function harmLines() {
    const kinds = [...fields.kind.options].filter((option) => "harm" in option.dataset);
    return once(kinds.flatMap((option) => lines[`kind:${option.value}`] || []));
  }

  // Each line once, where several lists name it.
  function once(all) {
    return [...new Map(all.map((line) => [line.url, line])).values()];
  }

  // A section of lines to call: each one's name, hours and number.
  function callSection(title, id, offered) {
    const section = element("section", "app-section app-section--highlight app-call-now");
    const heading = element("h2", "", title);
    heading.id = id;
    section.setAttribute("aria-labelledby", heading.id);
    section.append(heading);
    for (const line of offered) {
      const name = element("p", "app-call-now__name");
      name.append(link("", line.name, line.url), line.hours ? `: ${line.hours}` : "");
      const call = element("p", "app-card__call");
      call.append(link("app-phone", `${TEXT.call} ${line.number}`, line.href));
      section.append(name, call);
    }
    return section;
  }

  // What to do when no service for victims is found: lines to call, the boroughs, the
  // kinds of help. Said of what was found, if anything (services only for professionals,
  // help for people who harm).
  function fillNone(box, offered, intro) {
    box.replaceChildren(element("p", "", intro));
    if (offered.length) box.append(callSection(TEXT.talk_now, "search-call-now", offered));
    const links = element("ul", "app-links");
    for (const [href, text] of [["/areas/", TEXT.by_borough], ["/categories/", TEXT.by_kind]]) {
      const item = element("li");
      item.append(link("", text, href));
      links.append(item);
    }
    box.append(links);
  }

  // Whether a help page is about the words, not only has them: one of them is a word of its
  // title or keywords (templates/page.html: `about`), or begins one, or begins with one (as
  // "abused" with "abuse"). "what is athena" found a page that names Athena among the places
  // to get help, and "what is the number for childline" one on children. A word of one or
  // two letters only as itself: "i need help" is not about "Information for professionals".
  function isAbout(data, query) {
    const own = wordsOf(`${data.meta.title} ${data.meta.about || ""}`);
    return wordsOf(query).some((word) => own.some((mine) => mine === word
      || (word.length > 2 && mine.startsWith(word)) || (mine.length > 3 && word.startsWith(mine))));
  }

  // The ways of saying a result's name, each the set of its words (nameWords): whole, and
  // without or only what it has in brackets ("National Ugly Mugs (NUM)": "num" too).
  async function namesOf(result) {
    const title = (await result.data()).meta.title;
    const inside = (title.match(/\([^)]*\)/g) || []).join(" ");
    return [title, title.replace(/\([^)]*\)/g, " "), inside].map(nameWords);
  }

  // Whether every word begins a word of the result's name ("home start": Home-Start Lambeth).
  async function isNamed(result, words) {
    const [own] = await namesOf(result), typed = nameWords(words.join(" "));
    return typed.size > 0 && [...typed].every((word) => [...own].some((mine) => mine.startsWith(word)));
  }

  // The results, those of the first shown whose name the words are, whole (nameWords), first:
  // "national ugly mugs" listed National Ugly Mugs sixth, after five lines with "national" in
  // their names, "the phoenix service" fourth, and "nspcc helpline" the NSPCC's FGM line
  // first. Only a whole name: "helpline" is not the NSPCC Helpline, nor is "my husband is
  // in the police" the Police.
  async function namedFirst(results, words) {
    const typed = nameWords(words);
    const same = (own) => own.size > 0 && own.size === typed.size
      && [...own].every((word) => typed.has(word));
    const shown = results.slice(0, PAGE);
    const named = await Promise.all(shown.map(async (result) =>
      (await namesOf(result)).some(same)));
    return thenTheRest(shown.filter((_, i) => named[i]), results);
  }

  function pageLink(data) {
    const item = element("li");
    item.append(link("", data.meta.title, data.url), element("br"), data.meta.summary || "");
    // Marked "For professionals", as a service's card for them is: "i dont speak english"
    // listed three pages for professionals, none marked.
    if (data.meta.tag) item.append(element("p", "app-tag", data.meta.tag));
    return item;
  }

  // The folded choices say how many are made, so none is forgotten while they are hidden.
  function showChosen() {
    const made = ["borough", "gender", "kind", "audience"]
      .filter((name) => fields[name].value !== "").length + (chosenAge() === null ? 0 : 1);
    find(".app-search__chosen").textContent = made ? ` ${TEXT.chosen.replace("{n}", made)}` : "";
  }

  function later() {
    showChosen();
    clearTimeout(timer);
    timer = setTimeout(run, 250);  // one announcement per pause in typing, not per key
  }

  fields.query.addEventListener("input", later);
  fields.age.addEventListener("input", later);
  // Choices wait for a pause too: arrowing through a closed list changes it at every step.
  for (const name of ["borough", "kind", "gender", "audience"]) fields[name].addEventListener("change", later);
  for (const name of ["borough", "kind"]) {
    for (const event of ["focus", "change"]) {
      fields[name].addEventListener(event, () => { wantCounts = true; count(); });
    }
  }
  let loadingMore = null;  // one batch at a time, or a double click shows cards twice
  more.addEventListener("click", () => {
    loadingMore = loadingMore || showMore().finally(() => { loadingMore = null; });
  });
  find(".app-search__clear").addEventListener("click", () => {
    for (const field of Object.values(fields)) field.value = "";
    showChosen();
    clear();
    fields.query.focus();
  });
  // What was typed or chosen while this loaded is searched, and counts are wanted for a
  // list of choices gone to or used.
  if (fields.query.value.trim() || Object.keys(filters()).length) later();
  wantCounts = [fields.borough, fields.kind].some((field) => field.value
    || field === document.activeElement);
}
