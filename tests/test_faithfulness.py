"""Every fact in the real directory has a source you can quote.

A listing's `source` names the documents its facts come from: a source document in
tests/fixtures/seeds/ ("seed 004") or a public page quoted in sources.yaml (by its address).
Each phone number, email address, web host and age in the listing must be found in those
texts (a website may also be a quoted page itself). Content pages may only give phone numbers found in a source document or a quote.
The checks read the rule, not today's data: no counts, no lists of services or words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from signpost.content import load_pages
from signpost.services import Chat, Group, Link, Phone, Service
from signpost.servicesfile import load_services
from conftest import ROOT, REAL_TODAY, soup

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
SEED_TEXT = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
EXTERNAL = yaml.safe_load((ROOT / "sources.yaml").read_text(encoding="utf-8"))["sources"]


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def cited_texts(source: str) -> list[str]:
    """The texts a listing's `source` names: seed documents by number, public pages by address."""
    seeds = [SEED_TEXT[n] for n in re.findall(r"\bseed (\d{3})\b", source) if n in SEED_TEXT]
    pages = [s["quote"] for s in EXTERNAL if s["url"] in source]
    return seeds + pages


def unsourced(service: Service) -> list[str]:
    """What in the listing is not in the texts its `source` names."""
    texts = cited_texts(service.source)
    if not texts:
        return [f"source names no seed document and no address from sources.yaml: "
                f"{service.source!r}"]
    text = "\n".join(texts)
    # Line breaks and spaces inside a number differ between documents; digits do not.
    all_digits = "\n".join(digits(line) for line in text.splitlines())
    flat_digits = digits(text)
    missing = [f"phone {p.number}" for p in service.phones
               if digits(p.number) not in all_digits and digits(p.number) not in flat_digits]
    missing += [f"email {e.url}" for e in service.emails if e.url.lower() not in text.lower()]
    # A website (or chat page) is faithful when a quote gives its host, or when it is a
    # quoted page itself.
    quoted_pages = [s["url"] for s in EXTERNAL if s["url"] in service.source]
    for what, url in (("website", service.website), ("chat", service.chat and service.chat.url)):
        if url and url not in quoted_pages:
            host = url.split("/")[2].removeprefix("www.")
            if host not in text:
                missing.append(f"{what} {host}")
    ages = {age for group in service.eligibility for age in (group.min_age, group.max_age)
            if age is not None}
    missing += [f"age {age}" for age in sorted(ages) if not re.search(age_phrase(age), text)]
    return missing


def age_phrase(age: int) -> str:
    """An age as documents write one: "aged 13", "over 16", "over the age of 18", "16 and
    over", "5-17", "11 – 17"."""
    n = rf"(?<![\d.]){age}(?![\d%])"
    return (rf"(?i)\b(?:aged?|ages|over|under|the age of)\s+{n}|{n}\s*(?:and|or)\s+(?:over|under)"
            rf"|{n}\s*(?:-|–|to)\s*\d|\d\s*(?:-|–|to)\s*{n}|{n}\s*(?:y\b|years?\b|year olds?)")


@pytest.fixture(scope="module")
def real_services(real_settings):
    services, problems = load_services(real_settings, "services.yaml", REAL_TODAY)
    assert problems == []
    return services


def told(service: Service, what: str) -> str:
    """One problem as staff read every other: file, line, listing, then what to do."""
    return f"services.yaml:{service.line}: service '{service.id}': {what}"


def test_every_fact_in_a_listing_is_in_the_sources_it_names(real_services):
    problems = [told(s, fact if not cited_texts(s.source) else
                     f"{fact} is not in the sources its `source` names: copy it from one of "
                     "them, or name the page it is on and quote that page in sources.yaml "
                     "(see CONTRIBUTING.md)")
                for s in real_services for fact in unsourced(s)]
    assert not problems, "\n" + "\n".join(problems)


def test_every_address_a_listing_cites_is_quoted_in_sources_yaml(real_services):
    quoted = {s["url"] for s in EXTERNAL}
    problems = [told(s, f"source: {url} is not quoted in sources.yaml: add it there, with "
                        "its title and the words that say what the listing says")
                for s in real_services
                for url in re.findall(r"https?://[^\s,;)'\"]+", s.source) if url not in quoted]
    assert not problems, "\n" + "\n".join(problems)


def test_each_quoted_source_has_an_address_a_title_and_words():
    urls = [s["url"] for s in EXTERNAL]
    assert len(urls) == len(set(urls))
    for source in EXTERNAL:
        assert set(source) == {"url", "title", "quote"}, source
        assert re.match(r"https?://[^/\s]+\.[a-z]+/", source["url"]), source["url"]
        assert source["title"].strip() and len(source["quote"].split()) >= 5, source["url"]


KNOWN_DIGITS = " ".join([digits(" ".join(SEED_TEXT.values()))]
                        + [digits(s["quote"]) for s in EXTERNAL])


def unknown_numbers(text: str) -> list[str]:
    """UK phone numbers in the text that no source document or quote gives."""
    numbers = re.findall(r"(?<![\d.])0\d{2,4}(?: ?\d){6,8}(?!\d)", text)
    return [n for n in numbers if digits(n) not in KNOWN_DIGITS]


def test_phone_numbers_on_content_pages_are_in_the_sources():
    pages, problems = load_pages(ROOT / "content", "content")
    assert problems == []
    assert {p.slug: unknown_numbers(soup_text(p.html)) for p in pages
            if unknown_numbers(soup_text(p.html))} == {}


def test_the_content_check_finds_a_number_no_source_gives():
    assert unknown_numbers("Call 0808 2000 247 or 020 8314 9569, not 020 7946 0999.") == [
        "020 7946 0999"]


def soup_text(html: str) -> str:
    from bs4 import BeautifulSoup
    return BeautifulSoup(html, "html.parser").get_text(" ")


def press_55_not_for_mobiles(text: str) -> list[str]:
    """Sentences that tell people to press 55 without saying it is for mobiles. The police's
    Silent Solution works on a mobile; from a landline, people stay on the line."""
    sentences = re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text))
    return [s for s in sentences if re.search(r"\b55\b", s) and "mobile" not in s.lower()]


def test_press_55_is_only_ever_said_of_mobiles(real_settings, real_services):
    from signpost.render import load_locale
    pages, _ = load_pages(ROOT / "content", "content")
    wording = load_locale(ROOT / "locales" / "en-GB.yaml")
    texts = [soup_text(p.html) for p in pages] + [v for v in wording.values() if isinstance(v, str)]
    texts += [" ".join((s.summary, s.description, s.referral.how)) for s in real_services]
    assert [bad for text in texts for bad in press_55_not_for_mobiles(text)] == []


def test_the_press_55_check_finds_advice_that_would_fail_on_a_landline():
    assert press_55_not_for_mobiles("Call 999. If you cannot speak, press 55 when asked. "
                                    "On a mobile, press 55 when asked.") == [
        "If you cannot speak, press 55 when asked."]


def test_no_page_promises_a_report_link_the_site_does_not_show(real_settings):
    if real_settings.report_email:
        return
    pages, _ = load_pages(ROOT / "content", "content")
    for page in pages:
        assert "report a problem" not in soup_text(page.html).lower(), page.slug


# The check itself: it catches what it is for. ------------------------------------------

def listing(**fields) -> Service:
    base = dict(id="x", name="X", summary="X.", areas=("lambeth",),
                source="Lambeth Children's Services Domestic Abuse Policy (seed 004)")
    return Service(**{**base, **fields})


def phone(number: str) -> Phone:
    return Phone("Call", number, "tel:" + digits(number))


def test_a_listing_copied_from_its_source_passes():
    assert unsourced(listing(phones=(phone("020 7733 8724"),),
                             emails=(Link("Email", "lambethvawg@refuge.org.uk"),),
                             website="https://www.refuge.org.uk/",
                             eligibility=(Group("women", 13), Group("men", 16)))) == []


def test_an_invented_phone_email_host_or_age_is_caught():
    assert unsourced(listing(phones=(phone("020 7946 0000"),),
                             emails=(Link("Email", "help@example.org"),),
                             website="https://example.org",
                             chat=Chat("https://chat.example.net/"),
                             eligibility=(Group(None, 12, 99),))) == [
        "phone 020 7946 0000", "email help@example.org", "website example.org",
        "chat chat.example.net", "age 12", "age 99"]


def test_a_fact_counts_only_in_the_documents_the_listing_names():
    # 020 8314 6512 is in seed 000 (Lewisham), not in seed 004 (Lambeth).
    assert unsourced(listing(phones=(phone("020 8314 6512"),))) == ["phone 020 8314 6512"]
    assert unsourced(listing(phones=(phone("020 8314 6512"),), source="seed 000")) == []


def test_a_quoted_public_page_is_a_source_when_its_address_is_named():
    page = next(s for s in EXTERNAL if "7926 5555" in s["quote"])
    assert unsourced(listing(phones=(phone("020 7926 5555"),))) == ["phone 020 7926 5555"]
    assert unsourced(listing(phones=(phone("020 7926 5555"),), source=page["url"])) == []


def test_a_listing_that_names_no_source_is_caught():
    assert unsourced(listing(source="from memory")) == [
        "source names no seed document and no address from sources.yaml: 'from memory'"]


# Breadcrumbs: a page for professionals leads back to the professionals' section. -------

def test_a_service_only_for_professionals_leads_back_to_their_section(built):
    crumbs = [a["href"] for a in soup(built / "services" / "lewisham-risk-meeting" / "index.html")
              .select(".app-breadcrumbs a")]
    assert crumbs == ["/", "/professionals/", "/professionals/lewisham/"]
    crumbs = [a["href"] for a in soup(built / "services" / "test-helpline" / "index.html")
              .select(".app-breadcrumbs a")]
    assert "/professionals/" not in crumbs
    # Help pages for professionals (MARAC, reviews) already do, from their front matter.
    crumbs = [a["href"] for a in soup(built / "for-professionals" / "index.html")
              .select(".app-breadcrumbs a")]
    assert crumbs == ["/", "/professionals/"]
