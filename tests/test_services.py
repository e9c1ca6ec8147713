"""Unit tests: each bad input in services.yaml gets one exact, helpful message."""
from __future__ import annotations

import random

import pytest

from signpost.servicesfile import read_services
from conftest import TODAY

GOOD = """\
services:
  - id: good-service
    name: Good Service
    summary: A good service.
    areas: [lambeth]
    phones:
      - label: Office
        number: 020 7946 0002
"""


def problems_for(text: str, settings) -> list[str]:
    return [str(p) for p in read_services(text, "services.yaml", settings, TODAY)[1]]


def with_lines(*extra: str) -> str:
    """The good service plus extra lines (already indented as fields of the service)."""
    return GOOD + "".join(line + "\n" for line in extra)


def entry(sid: str, *lines: str) -> str:
    """A good entry (without the 'services:' line) with another id, and lines added."""
    return GOOD.split("services:\n")[1].replace("good-service", sid) + \
        "".join(line + "\n" for line in lines)


def test_good_service_has_no_problems(settings):
    assert problems_for(GOOD, settings) == []


@pytest.mark.parametrize("opens, closes", [("17:00", "09:00"), ("20:00", "08:00"),
                                           ("10:00", "01:00"), ("18:00", "02:00"),
                                           ("09:00", "00:00"), ("09:00", "17:00"),
                                           ("08:00", "00:00"), ("09:00", "01:00"),
                                           ("10:30", "02:00")])
def test_night_lines_and_late_closing_are_hours_as_written(opens, closes, settings):
    # Overnight periods that services have: only a morning opening that runs to 03:00 or
    # later the next day is taken for a slip.
    assert problems_for(with_lines("    opening_hours:", "      - days: [mon]",
                                   f"        opens: '{opens}'", f"        closes: '{closes}'"),
                        settings) == []


S = "services.yaml:{line}: service 'good-service': "

CASES = [
    ("unknown key, with a suggestion",
     with_lines("    phone: 020 7946 0003"),
     S.format(line=9) + "phone: unknown field (did you mean 'phones'?)"),
    ("text after ' #', which YAML reads as a comment",
     GOOD.replace("summary: A good service.", "summary: The helpline #1 for children"),
     S.format(line=4) + "summary: YAML reads the text from '#1 for children' as a comment "
                        "and drops it: put the whole value in double quotes, or the comment on "
                        "a line of its own"),
    ("one word, then a '#' a word follows at once, which no comment's does",
     with_lines("    alert: Closed #until 5 January"),
     S.format(line=9) + "alert: YAML reads the text from '#until 5 January' as a comment "
                        "and drops it: put the whole value in double quotes, or the comment on "
                        "a line of its own"),
    ("a value starting with '!', which YAML reads as a tag",
     with_lines("    alert: !Closed on 25 December"),
     S.format(line=9) + "alert: YAML reads the '!Closed' at the start of this value as a tag "
                        "and drops it: put the whole value in double quotes"),
    ("duplicate key in a mapping",
     with_lines("    name: Other name"),
     S.format(line=9) + "name: is set twice (first on line 3): "
     "if this line starts a new listing or phone, put '- ' before it; if not, keep one"),
    ("a listing joined to the one before it (its '- ' left out): told once, by its id",
     GOOD + entry("second").replace("  - id: second", "    id: second"),
     "services.yaml:9: service 'second': starts without '- ', so it is read as part of the "
     "listing above ('good-service', line 2): put '- ' before 'id:'"),
    ("several values written without brackets",
     with_lines("    categories: helpline, domestic-abuse"),
     S.format(line=9) + "categories: several values go in square brackets, with commas: "
     "[helpline, domestic-abuse]"),
    ("an address written straight after 'emails:', not as its fields",
     with_lines("    emails: office@example.org"),
     S.format(line=9) + "emails: must be written as fields, each on a line of its own, the "
     "first starting '- address: ' (it may have label, address; got 'office@example.org')"),
    ("an id ending with a hyphen",
     GOOD.replace("id: good-service", "id: good-service-"),
     "services.yaml:2: service 'good-service-': id: must not start or end with a hyphen, or "
     "have two together (got 'good-service-')"),
    ("a group for any gender written as 'any'",
     with_lines("    eligibility:", "      - gender: any", "        min_age: 16"),
     S.format(line=10) + "eligibility.gender: leave it out for a group open to any gender "
                         "(got 'any')"),
    ("an age written '16+'",
     with_lines("    eligibility:", "      - min_age: 16+"),
     S.format(line=10) + "eligibility.min_age: must be a whole number from 0 to 120 (got "
                         "'16+'): for 16 and over, write min_age: 16"),
    ("an age written 'under 18'",
     with_lines("    eligibility:", "      - max_age: under 18"),
     S.format(line=10) + "eligibility.max_age: must be a whole number from 0 to 120 (got "
                         "'under 18'): for under 18, write max_age: 17"),
    ("a single mapping written as one value",
     with_lines("    referral: self"),
     S.format(line=9) + "referral: must be written as fields, each on a line of its own, the "
     "first starting 'routes: ' (it may have routes, how, forms; got 'self')"),
    ("HTML on the third line of a description: told on its own line",
     with_lines("    description: |", "      First line.", "", "      Then <b>bold</b>."),
     S.format(line=12) + "description: contains HTML ('<b>'): write Markdown instead"),
    ("several languages written as one",
     with_lines("    languages: English, Polish, British Sign Language (BSL)"),
     S.format(line=9) + "languages: several values go in square brackets, with commas: "
     "[English, Polish, British Sign Language (BSL)]"),
    ("a description's paragraphs with no '|'",
     with_lines("    description: A first paragraph.", "", "      A second one."),
     S.format(line=9) + "this value runs over several lines, with blank lines, but without "
     "'|' after its key: its paragraphs would run together; write 'key: |' and the text "
     "below it, indented"),
    ("a description folded with '>'",
     with_lines("    description: >", "      A first paragraph.", "", "      A second one."),
     S.format(line=9) + "'>' joins the lines of this value: its paragraphs and lists would "
     "run together; write 'key: |' instead"),
    ("wrong type: a mapping where a list is expected",
     GOOD.replace("areas: [lambeth]", "areas: {lambeth: yes}"),
     S.format(line=5) + "areas: must be a list, each item on its own line starting with '- '"),
    ("wrong type: a list where text is expected",
     GOOD.replace("name: Good Service", "name: [Good, Service]"),
     S.format(line=3) + "name: must be text, not a list or a mapping"),
    ("a phone number that is too short",
     GOOD.replace("020 7946 0002", "0123"),
     S.format(line=8) + "phones.number: must be a UK phone number, or an international one "
                        "starting with + (got '0123')"),
    ("letters in a phone number",
     GOOD.replace("020 7946 0002", "call us"),
     S.format(line=8) + "phones.number: must be a UK phone number, or an international one "
                        "starting with + (got 'call us')"),
    ("an extension written into a phone number",
     GOOD.replace("020 7946 0002", "020 7946 0002 ext. 2"),
     S.format(line=8) + "phones.number: must be written with the digits 0 to 9, spaces, "
                        "brackets, + and - only: put an extension or other words in the label "
                        "or the hours (got '020 7946 0002 ext. 2')"),
    ("Word's curly quotes around a phone number",
     GOOD.replace("020 7946 0002", "\u201c020 7946 0002\u201d"),
     S.format(line=8) + "phones.number: is inside curly quotes (\u201c\u2026\u201d), which YAML "
                        "keeps as part of the value: use straight quotes (\"\u2026\") or none"),
    ("a curly quote left in a phone number",
     GOOD.replace("020 7946 0002", "020 7946 0002\u201d"),
     S.format(line=8) + "phones.number: must be written with the digits 0 to 9, spaces, "
                        "brackets, + and - only: put an extension or other words in the label "
                        "or the hours (got '020 7946 0002\u201d')"),
    ("a non-breaking space pasted into a phone number",
     GOOD.replace("020 7946 0002", "020\xa07946 0002"),
     S.format(line=8) + "phones.number: a non-breaking space (pasted from a document) is not "
                        "a space: type the spaces in this number again"),
    ("a document's dash in a phone number",
     GOOD.replace("020 7946 0002", "020 7946\u20130002"),
     S.format(line=8) + "phones.number: a dash from a document ('\u2013') is not a hyphen: "
                        "type '-' or a space instead (got '020 7946\u20130002')"),
    ("a malformed email",
     with_lines("    emails:", "      - label: Office", "        address: office.example.org"),
     S.format(line=11) + "emails.address: must be an email address like name@example.org "
                         "(got 'office.example.org')"),
    ("a website that is not https",
     with_lines("    website: http://example.org"),
     S.format(line=9) + "website: must be a web address starting with https:// "
                        "(got 'http://example.org')"),
    ("a website copied with the punctuation after it",
     with_lines("    website: https://example.org/get-help),"),
     S.format(line=9) + "website: ends with '),', most likely copied with it from a sentence: "
                        "leave it out (got 'https://example.org/get-help),')"),
    ("a javascript: website",
     with_lines("    website: javascript:alert(1)"),
     S.format(line=9) + "website: must be a web address starting with https:// "
                        "(got 'javascript:alert(1)')"),
    ("a chat without the page it is on",
     with_lines("    chat:", "      hours: Weekdays"),
     S.format(line=9) + "chat.url: is required"),
    ("a chat on a page that is not https",
     with_lines("    chat:", "      url: http://example.org/chat"),
     S.format(line=10) + "chat.url: must be a web address starting with https:// "
                         "(got 'http://example.org/chat')"),
    ("a data: URL for a referral form",
     with_lines("    referral:", "      forms:", "        - label: Form",
                "          url: data:text/html,hi"),
     S.format(line=12) + "referral.forms.url: must be a web address starting with https:// "
                         "(got 'data:text/html,hi')"),
    ("a javascript: link in the description",
     with_lines("    description: '[click](javascript:alert(1))'"),
     S.format(line=9) + "description: link 'javascript:alert(1)' must start with https://, "
                        "mailto:, tel: or /"),
    ("raw HTML in the description",
     with_lines("    description: Hello <script>alert(1)</script>"),
     S.format(line=9) + "description: contains HTML ('<script>'): write Markdown instead"),
    ("an image in the description",
     with_lines("    description: '![x](https://tracker.example.org/x.png)'"),
     S.format(line=9) + "description: images are not allowed (they load from other sites)"),
    ("a misspelt category",
     with_lines("    categories: [domestic-abuses]"),
     S.format(line=9) + "categories: unknown value 'domestic-abuses' (did you mean "
                        "'domestic-abuse'?) (expected one of: domestic-abuse, sexual-violence, "
                        "helpline, children-young-people, lgbt, multi-agency-meetings)"),
    ("a misspelt area",
     GOOD.replace("[lambeth]", "[lamberth]"),
     S.format(line=5) + "areas: unknown value 'lamberth' (did you mean 'lambeth'?) (expected one "
                        "of: national, barking-and-dagenham, camden, lambeth, lewisham)"),
    ("national with a borough",
     GOOD.replace("[lambeth]", "[national, lambeth]"),
     S.format(line=5) + "areas: 'national' already covers every borough: list it alone"),
    ("a misspelt gender",
     with_lines("    eligibility:", "      - gender: woman"),
     S.format(line=10) + "eligibility.gender: unknown value 'woman' (did you mean 'women'?) "
                         "(expected one of: women, men, non-binary)"),
    ("an age over 120",
     with_lines("    eligibility:", "      - min_age: 130"),
     S.format(line=10) + "eligibility.min_age: must be a whole number from 0 to 120 (got '130')"),
    ("an age in words",
     with_lines("    eligibility:", "      - max_age: ten"),
     S.format(line=10) + "eligibility.max_age: must be a whole number from 0 to 120 (got 'ten')"),
    ("min_age above max_age",
     with_lines("    eligibility:", "      - min_age: 18", "        max_age: 11"),
     S.format(line=10) + "eligibility.min_age: min_age 18 is above max_age 11"),
    ("a date that is not ISO",
     with_lines("    last_reviewed: 22/11/2026"),
     S.format(line=9) + "last_reviewed: must be a date written YYYY-MM-DD (got '22/11/2026')"),
    ("an impossible date",
     with_lines("    last_reviewed: 2026-02-30"),
     S.format(line=9) + "last_reviewed: 2026-02-30 is not a day of the calendar: check the "
                        "month (the middle number) and the day (the last)"),
    ("a date in the future",
     with_lines("    last_reviewed: 2027-01-01"),
     S.format(line=9) + "last_reviewed: 2027-01-01 is in the future (expected the date it was "
                        "last checked)"),
    ("an unknown status",
     with_lines("    status: closed"),
     S.format(line=9) + "status: unknown value 'closed' (expected one of: active, "
                        "temporarily-closed)"),
    ("an opening time that is not a time",
     with_lines("    opening_hours:", "      - days: [mon]", "        opens: '25:00'",
                "        closes: '17:00'"),
     S.format(line=11) + "opening_hours.opens: must be a 24-hour time like '09:00' (got '25:00')"),
    ("a day written in full",
     with_lines("    opening_hours:", "      - days: [monday]", "        opens: '09:00'",
                "        closes: '17:00'"),
     S.format(line=10) + "opening_hours.days: unknown value 'monday' (did you mean 'mon'?) "
                         "(expected one of: mon, tue, wed, thu, fri, sat, sun)"),
    ("days written as a range in words",
     with_lines("    opening_hours:", "      - days: Monday to Friday", "        opens: '09:00'",
                "        closes: '17:00'"),
     S.format(line=10) + "opening_hours.days: write each value: [mon, tue, wed, thu, fri]"),
    ("days written as weekdays",
     with_lines("    opening_hours:", "      - days: [weekdays]", "        opens: '09:00'",
                "        closes: '17:00'"),
     S.format(line=10) + "opening_hours.days: write each value: [mon, tue, wed, thu, fri]"),
    ("days written with capitals, told once for the line",
     with_lines("    opening_hours:", "      - days: [Mon, Tue, wed, Fri]", "        opens: '09:00'",
                "        closes: '17:00'"),
     S.format(line=10) + "opening_hours.days: unknown values 'Mon', 'Tue', 'Fri' (did you mean "
                         "'mon', 'tue', 'fri'?) (expected one of: mon, tue, wed, thu, fri, sat, "
                         "sun)"),
    ("unknown values on one line, one with no likely meaning",
     GOOD.replace("areas: [lambeth]", "areas: [Lambeth, Narnia]"),
     S.format(line=5) + "areas: unknown values 'Lambeth', 'Narnia' (expected one of: national, "
                        "barking-and-dagenham, camden, lambeth, lewisham)"),
    ("YAML's null for a name",
     GOOD.replace("name: Good Service", "name: null"),
     S.format(line=3) + "name: is 'null', YAML's word for nothing: give a value, or leave the "
                        "field out"),
    ("YAML's ~ for an organisation",
     with_lines("    organisation: ~"),
     S.format(line=9) + "organisation: is '~', YAML's word for nothing: give a value, or leave "
                        "the field out"),
    ("Word's curly quotes around a whole name",
     GOOD.replace("name: Good Service", "name: \u201cGood Service\u201d"),
     S.format(line=3) + "name: is inside curly quotes (\u201c\u2026\u201d), which YAML keeps "
                        "as part of the value: use straight quotes (\"\u2026\") or none"),
    ("Word's single curly quotes around a whole label",
     GOOD.replace("label: Office", "label: \u2018Office\u2019"),
     S.format(line=7) + "phones.label: is inside curly quotes (\u201c\u2026\u201d), which "
                        "YAML keeps as part of the value: use straight quotes (\"\u2026\") "
                        "or none"),
    ("5pm written as 05:00: open overnight from the morning",
     with_lines("    opening_hours:", "      - days: [mon]", "        opens: '09:00'",
                "        closes: '05:00'"),
     S.format(line=12) + "opening_hours.closes: is before opens, so this reads as open "
                         "overnight, from 09:00 to 05:00 the next day: for 05:00 in the "
                         "afternoon write '17:00' (24-hour time)"),
    ("midnight written as 24:00",
     with_lines("    opening_hours:", "      - days: [mon]", "        opens: '09:00'",
                "        closes: '24:00'"),
     S.format(line=12) + "opening_hours.closes: must be a 24-hour time like '09:00' (got "
                         "'24:00'): for midnight, write '00:00'"),
    ("an opening period with no days",
     with_lines("    opening_hours:", "      - days: []", "        opens: '09:00'",
                "        closes: '17:00'"),
     S.format(line=10) + "opening_hours.days: must name at least one day, like [mon, tue] "
                         "(got an empty list)"),
    ("opening hours in words",
     with_lines("    opening_hours: weekdays"),
     S.format(line=9) + "opening_hours: must be 24/7 or a list of days with opens and closes "
                        "(got 'weekdays')"),
    ("opens and closes at the same time",
     with_lines("    opening_hours:", "      - days: [mon]", "        opens: '09:00'",
                "        closes: '09:00'"),
     S.format(line=12) + "opening_hours.closes: is the same as opens (for a line open all day "
                         "every day, write 24/7)"),
    ("no way to get in touch",
     GOOD.split("    phones:")[0],
     S.format(line=2) + "phones: a way to get in touch is required (expected a phone, an email, "
                        "a website, a chat or referral: how:)"),
    ("a missing required field",
     GOOD.replace("    summary: A good service.\n", ""),
     S.format(line=2) + "summary: is required"),
    ("an id that is not a slug",
     GOOD.replace("id: good-service", "id: Good Service"),
     "services.yaml:2: service 'Good Service': id: must be lower-case letters, digits and hyphens, like "
     "'gaia-centre' (got 'Good Service')"),
    ("a very long value is quoted briefly",
     GOOD.replace("020 7946 0002", "x" * 200),
     S.format(line=8) + "phones.number: must be a UK phone number, or an international one "
                        "starting with + (got '" + "x" * 39 + "…')"),
    ("an alias",
     GOOD.replace("areas: [lambeth]", "areas: &a [lambeth]\n    languages: *a"),
     "services.yaml:5: service 'good-service': YAML anchors and aliases (& and *) are not "
     "allowed here: write the value out in full"),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_gets_exact_message(text, expected, settings):
    assert problems_for(text, settings) == [expected]


def test_a_listing_pasted_inside_another_is_told_where_it_was_pasted(settings):
    # After "phones:", the pasted listing takes the rest of this one's lines: its phone
    # number would be published under the new listing's name.
    pasted = "  - id: new-one\n    name: New One\n    summary: New.\n    areas: [lambeth]\n" \
        "    phones:\n      - label: Its own\n        number: 020 7946 0009\n"
    text = GOOD.replace("    phones:\n", "    phones:\n" + pasted)
    assert S.format(line=6) + "phones: is empty, and the listing 'new-one' starts on the next " \
        "line: if it was pasted into this listing, move it to before a '- id:' line (the lines " \
        "after it belong to this one); if not, give this field a value or take its line out" \
        in problems_for(text, settings)
    # A listing that ends with a field left empty, then a blank line and the next: as meant.
    assert problems_for(GOOD + "    alert:\n\n" + entry("second"), settings) == []


def test_a_joined_listing_whose_id_is_not_first_is_told_at_that_field_and_by_its_id(settings):
    text = GOOD + entry("second").replace("  - id: second\n    name: Good Service",
                                          "    name: Second\n    id: second")
    assert problems_for(text, settings) == [
        S.format(line=9) + "name: is set twice (first on line 3): if this line starts a new "
        "listing or phone, put '- ' before it; if not, keep one",
        "services.yaml:10: service 'second': starts without '- ', so it is read as part of the "
        "listing above ('good-service', line 2): put '- ' before 'id:'"]


@pytest.mark.parametrize("number", ["+44 (0)20 7946 0002", "(020) 7946-0002", "0800 112 4052"])
def test_phone_numbers_written_the_usual_ways_pass(number, settings):
    assert problems_for(GOOD.replace("020 7946 0002", number), settings) == []


def test_a_language_with_a_comma_in_brackets_is_one_language(settings):
    text = with_lines('    languages: [English, "Chinese (Mandarin, Cantonese)", '
                      '"Kurdish (Sorani; Kurmanji)"]')
    services, problems = read_services(text, "services.yaml", settings, TODAY)
    assert problems == [] and len(services[0].languages) == 3


@pytest.mark.parametrize("url", ["https://en.wikipedia.org/wiki/Clare%27s_Law_(UK)",
                                 "https://example.org/", "https://example.org/a?b=c"])
def test_web_addresses_ending_as_addresses_do_pass(url, settings):
    assert problems_for(with_lines(f"    website: {url}"), settings) == []


def test_comments_meant_as_comments_are_no_problem(settings):
    # After one word, or set off by two spaces, a comment is taken as meant.
    text = GOOD.replace("summary: A good service.", "summary: A good service.  # seed 3") \
        .replace("label: Office", "label: Office # the main line") \
        .replace("areas: [lambeth]", "areas: [lambeth] # for now")
    assert problems_for(text, settings) == []
    assert problems_for(GOOD.replace("summary: A good service.",
                                     'summary: "The helpline #1 for children"'), settings) == []


@pytest.mark.parametrize("number, href", [
    ("999", "tel:999"), ("101", "tel:101"), ("116 123", "tel:116123"),
    ("0808 2000 247", "tel:+448082000247"), ("07930 855043", "tel:+447930855043"),
    ("+1 202 555 0100", "tel:+12025550100"),
    # Relay UK's prefix, for a textphone or the Relay UK app, before a UK number.
    ("18001 101", "tel:18001101"), ("18001 0808 2000 247", "tel:1800108082000247"),
    ("18001 (020) 7946 0000", "tel:1800102079460000"),
    ("18000", "tel:18000"),
])
def test_short_and_international_numbers_are_valid(number, href, settings):
    services, problems = read_services(GOOD.replace("020 7946 0002", f"'{number}'"),
                                       "services.yaml", settings, TODAY)
    assert problems == []
    assert services[0].phones[0].href == href
    assert services[0].phones[0].number == number  # shown as staff wrote it


@pytest.mark.parametrize("number", ["18001 +33 1 23 45 67 89", "18001 18001 101", "18001"])
def test_relay_uk_takes_a_uk_number_after_it(number, settings):
    assert [p for p in problems_for(GOOD.replace("020 7946 0002", f"'{number}'"), settings)
            if "must be a UK phone number" in p]


def test_duplicate_ids_point_at_the_second(settings):
    text = GOOD + GOOD.split("services:\n")[1]
    assert problems_for(text, settings) == [
        "services.yaml:9: service 'good-service': id: duplicate id (also used by the service "
        "on line 2)"]


def test_a_duplicate_id_is_told_even_when_either_copy_has_other_problems(settings):
    text = GOOD + entry("good-service", "    colour: red") + entry("good-service") + \
        GOOD.split("services:\n")[1].replace("    summary: A good service.\n", "")
    assert problems_for(text, settings) == [
        "services.yaml:16: service 'good-service': colour: unknown field",
        "services.yaml:9: service 'good-service': id: duplicate id (also used by the service "
        "on line 2)",
        "services.yaml:17: service 'good-service': id: duplicate id (also used by the service "
        "on line 2)",
        "services.yaml:24: service 'good-service': summary: is required",
        "services.yaml:24: service 'good-service': id: duplicate id (also used by the service "
        "on line 2)"]


def test_a_first_listing_without_its_dash_is_told_and_the_rest_still_checked(settings):
    text = GOOD.replace("  - id: good-service", "    id: good-service") + \
        entry("second", "    colour: red")
    assert problems_for(text, settings) == [
        "services.yaml:2: service 'good-service': the first listing starts without '- ': put "
        "'- ' before its first field",
        "services.yaml:16: service 'second': colour: unknown field"]


def test_an_id_with_a_stray_space_is_still_a_duplicate_and_anchors_may_cross_entries(settings):
    text = GOOD + entry("good-service ").replace("id: good-service \n", 'id: "good-service "\n')
    assert problems_for(text, settings) == [
        "services.yaml:9: service 'good-service': id: duplicate id (also used by the service "
        "on line 2)"]
    # An alias of another entry's anchor is not a mistake of its own when a third has one.
    anchored = GOOD.replace("summary: A good service.", "summary: &s A good service.") + \
        entry("second").replace("summary: A good service.", "summary: *s") + \
        entry("third").replace("name: Good Service", "name: Good: Service")
    assert problems_for(anchored, settings) == [
        "services.yaml:17: service 'third': this is not valid YAML: a value holds a colon and "
        "a space (': '): put the whole value in double quotes"]


def test_syntax_error_gives_its_line_and_service_in_plain_words(settings):
    text = GOOD.replace("summary: A good service.", "summary: [unclosed")
    assert problems_for(text, settings) == [
        "services.yaml:4: service 'good-service': this is not valid YAML: a value that starts "
        "with '[' must be in double quotes (a list in brackets ends with ']', with ',' between "
        "its items)"]


def test_every_entrys_syntax_error_is_found_with_every_other_problem(settings):
    text = (GOOD.replace("summary: A good service.", "summary: Help: for anyone") +
            entry("second", "    colour: red") +
            entry("third").replace("name: Good Service", "name: 'Women's Aid'") +
            entry("fourth") + entry("fourth"))
    assert problems_for(text, settings) == [
        "services.yaml:4: service 'good-service': this is not valid YAML: a value holds a "
        "colon and a space (': '): put the whole value in double quotes",
        "services.yaml:16: service 'second': colour: unknown field",
        "services.yaml:18: service 'third': this is not valid YAML: the quotes end before the "
        "value does: put a value that holds ' in double quotes, and one that holds \" in "
        "single quotes",
        "services.yaml:31: service 'fourth': id: duplicate id (also used by the service on "
        "line 24)"]


@pytest.mark.parametrize("text, expected", [
    # Before the first entry: the file is read as one, and its first mistake told.
    ("# Listings\nservices: [a\n" + entry("a"),
     "services.yaml:2: this is not valid YAML: a value that starts with '[' must be in double "
     "quotes (a list in brackets ends with ']', with ',' between its items)"),
    # A tab, which the YAML reader refuses, in the second entry.
    (GOOD + entry("b").replace("    areas:", "\tareas:"),
     "services.yaml:12: service 'b': this is not valid YAML: a tab character: indent with "
     "spaces only"),
    # ... which does not hide the other entries' problems.
    (GOOD.replace("[lambeth]", "[lamberth]") + entry("b").replace("    areas:", "\tareas:"),
     "services.yaml:5: service 'good-service': areas: unknown value 'lamberth' (did you mean "
     "'lambeth'?) (expected one of: national, barking-and-dagenham, camden, lambeth, "
     "lewisham)"),
    # A line out of line in an entry without an id of its own: no service named.
    ("services:\n  - name: A\n    summary: S.\n   areas: [x]\n",
     "services.yaml:4: this is not valid YAML: this line does not line up with the lines "
     "above it: the keys of a listing start in one column, and each '- ' of a list in one "
     "column"),
    ('services:\n  - id: a\n    summary: "unclosed\n    areas: [x]\n',
     "services.yaml:3: service 'a': this is not valid YAML: a quote opens here and never "
     "closes: end the value with the same quote mark"),
    # Left open, a quote runs on to the next quote, lines below: the line it opened on.
    ('services:\n  - id: a\n    summary: "Call us\n    areas: [x]\n    source: "Seed 1"\n',
     "services.yaml:3: service 'a': this is not valid YAML: a quote opens here and never "
     "closes on this line: end the value with the same quote mark"),
    ("services:\n  - id: a\n    description:\n      - **In an emergency**, call 999\n",
     "services.yaml:4: service 'a': this is not valid YAML: a list or bold text in a value: "
     "write 'key: |' and the text below it, indented"),
    ("services:\n  - id: a\n    summary: @home\n",
     "services.yaml:3: service 'a': this is not valid YAML: a value cannot start with '@': "
     "put it in double quotes"),
    ("services:\n  - id: a\n    summary:\xa0Help\n    areas: [x]\n",
     "services.yaml:3: service 'a': this is not valid YAML: a non-breaking space (pasted "
     "from a document): type the spaces on this line again"),
    ("services:\n  - id: a\n    phones:\n      -number: '0800 1111'\n        label: L\n",
     "services.yaml:4: service 'a': this is not valid YAML: a list item starts with '- ', a "
     "dash and a space"),
    ("services:\n  - id: a\n    name: A\n      summary: Help: now\n",
     "services.yaml:4: service 'a': this is not valid YAML: this line is indented further "
     "than the line above, so it is read as part of that value: line it up with the keys "
     "above"),
    ("services:\n  - id: a\n    summary: [Closed] Call us\n",
     "services.yaml:3: service 'a': this is not valid YAML: a value that starts with '[' "
     "must be in double quotes"),
    ("services:\n  - id: a\n    summary: *New* helpline\n",
     "services.yaml:3: service 'a': this is not valid YAML: a value cannot start with '*' or "
     "'&': put it in double quotes"),
    ("services:\n  - id: a\n    description: First paragraph,\n      on two lines.\n\n"
     "      - a list\n",
     "services.yaml:3: service 'a': this value runs over several lines, with blank lines, but "
     "without '|' after its key: its paragraphs would run together; write 'key: |' and the "
     "text below it, indented"),
    ("services:\n  - id: a\n    summary\n    areas: [x]\n",
     "services.yaml:3: service 'a': this is not valid YAML: this line has no ':' after its "
     "key: write 'key: value' (a value on several lines goes after 'key: |')"),
    # A line of a description that lost its indent, or a key without its ':' below one.
    ("services:\n  - id: a\n    description: |\n      First line.\nsecond line.\n"
     "    areas: [x]\n",
     "services.yaml:5: service 'a': this is not valid YAML: this line has no ':' after its "
     "key: write 'key: value' (if it is more of the text of 'description: |' above it, "
     "indent it as that text is)"),
])
def test_syntax_errors_in_plain_words(settings, text, expected):
    assert problems_for(text, settings)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("", "services.yaml:1: the file must start with 'services:' followed by a list of services"),
    ("- id: a\n", "services.yaml:1: the file must start with 'services:' followed by a list "
                  "of services"),
    ("services: none\n", "services.yaml:1: 'services' must be a list, each item starting "
                         "with '- '"),
    ("service:\n  - id: a\n", "services.yaml:1: the file must start with 'services:' "
                              "followed by a list of services"),
])
def test_shape_of_the_file(text, expected, settings):
    assert problems_for(text, settings) == [expected]


def test_every_problem_is_listed_at_once(settings):
    text = GOOD.replace("0002", "") + GOOD.split("services:\n")[1].replace(
        "good-service", "second").replace("[lambeth]", "[nowhere]")
    messages = problems_for(text, settings)
    assert len(messages) == 2
    assert "service 'good-service': phones.number" in messages[0]
    assert "service 'second': areas: unknown value 'nowhere'" in messages[1]


def test_every_problem_inside_one_phone_is_listed_on_its_own_line(settings):
    """A wrong number does not hide a label that is too long, nor the hours' own problems;
    each points at its key's line."""
    text = GOOD.replace("label: Office", "label: " + "O" * 121).replace(
        "number: 020 7946 0002", "number: 0123\n        hours: [mornings]\n"
        "        opening_hours: always")
    assert problems_for(text, settings) == [
        S.format(line=7) + "phones.label: is too long (121 characters; keep it under 120)",
        S.format(line=8) + "phones.number: must be a UK phone number, or an international one "
                           "starting with + (got '0123')",
        S.format(line=9) + "phones.hours: must be text, not a list or a mapping",
        S.format(line=10) + "phones.opening_hours: must be 24/7 or a list of days with opens "
                            "and closes (got 'always')"]


def test_a_missing_number_does_not_hide_the_rest_of_the_phone(settings):
    text = GOOD.replace("number: 020 7946 0002", "out_of_hours: maybe")
    assert problems_for(text, settings) == [
        S.format(line=7) + "phones.number: is required",
        S.format(line=8) + "phones.out_of_hours: must be true or false (got 'maybe')"]


def test_times_and_numbers_are_read_as_written(settings):
    # YAML 1.1 would read 09:00 as 540 and 0207 as an octal number.
    [service], problems = read_services(with_lines("    opening_hours:", "      - days: mon",
                                                   "        opens: 09:00", "        closes: 17:30"),
                                        "s.yaml", settings, TODAY)
    assert problems == []
    period = service.opening_hours.periods[0]
    assert (period.days, period.opens, period.closes) == (("mon",), "09:00", "17:30")


def test_a_chat_is_a_way_in_with_its_hours_as_a_phone_has_them(settings):
    text = GOOD.split("    phones:")[0] + "".join(line + "\n" for line in (
        "    chat:", "      url: https://example.org/chat", "      hours: Weekdays, 10am to 4pm",
        "      opening_hours: 24/7"))
    [service], problems = read_services(text, "s.yaml", settings, TODAY)
    assert problems == [] and not service.phones
    assert (service.chat.url, service.chat.hours, service.chat.opening_hours.always) == \
        ("https://example.org/chat", "Weekdays, 10am to 4pm", True)


def test_eligibility_words_are_written_when_missing(settings):
    [service], _ = read_services(with_lines("    eligibility:", "      - gender: women",
                                            "        min_age: 13", "      - gender: men",
                                            "        min_age: 16", "        max_age: 25"),
                                 "s.yaml", settings, TODAY)
    assert service.eligibility_text == "Women and girls aged 13 and over; Men and boys aged 16 to 25."


def test_garbage_never_raises(settings):
    """Whatever the file holds, the result is problems, never an exception."""
    rng = random.Random(7)
    pieces = [": ", "- ", "\n", "  ", "[", "]", "{", "}", "'", '"', "services", "id", "phones",
              "areas", "&a", "*a", "!!python/object", "\t", "#", "|", ">", "0207", "~", "?", "%"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        problems_for("services:\n" + text, settings)
        problems_for(text, settings)


def test_a_long_vocabulary_is_listed_briefly(settings):
    import dataclasses
    from signpost.settings import Term
    areas = {"national": Term("national", "National")} | {
        f"borough-{n}": Term(f"borough-{n}", f"Borough {n}") for n in range(1, 10)}
    long = dataclasses.replace(settings, areas=areas)
    assert [str(p) for p in read_services(GOOD.replace("[lambeth]", "[borough-10]"),
                                          "services.yaml", long, TODAY)[1]] == [
        S.format(line=5) + "areas: unknown value 'borough-10' (did you mean 'borough-1'?) "
        "(expected one of: national, borough-1, borough-2, borough-3, borough-4, borough-5, "
        "borough-6, borough-7, ... all 10 in site.yaml)"]


@pytest.mark.parametrize("written, meant", [
    ("lambth", "lambeth"), ("Lambeth", "lambeth"), ("Sexual violence", "sexual-violence"),
    ("barking", "barking-and-dagenham"), ("resident", "residents"),
    ("kent", None),  # a county, not a borough: 'brent' is a different place
    ("dv", None)])
def test_did_you_mean_suggests_only_what_was_likely_meant(written, meant):
    from signpost.problems import did_you_mean
    choices = ["barking-and-dagenham", "barnet", "barnsley", "brent", "lambeth", "residents",
               "sexual-violence"]
    assert did_you_mean(written, choices) == (f" (did you mean '{meant}'?)" if meant else "")


@pytest.mark.parametrize("written, said", [
    ("    categories: helpline, domestic-abuse",
     "categories: several values go in square brackets, with commas: [helpline, domestic-abuse]"),
    # One suggestion for the pair would drop Lewisham without a word.
    ("    categories: [helpline lgbt]",
     "categories: several values go in square brackets, with commas: [helpline, lgbt]"),
    ("    categories: helpline; domestic abuse",
     "categories: several values go in square brackets, with commas: [helpline, domestic "
     "abuse] ('domestic abuse' is not one (did you mean 'domestic-abuse'?))"),
    ("    opening_hours:\n      - days: mon-fri\n        opens: '09:00'\n        closes: '17:00'",
     "opening_hours.days: write each value: [mon, tue, wed, thu, fri]"),
    ("    opening_hours:\n      - days: [Monday]\n        opens: '09:00'\n        closes: '17:00'",
     "opening_hours.days: unknown value 'Monday' (did you mean 'mon'?) (expected one of: mon, "
     "tue, wed, thu, fri, sat, sun)"),
    # A field of one value: a list would keep the first alone, so it is refused.
    ("    eligibility:\n      - gender: [women, men]",
     "eligibility.gender: takes one value, not a list (for several groups, give each its "
     "own '- ' item)"),
    ("    eligibility:\n      - gender: women, men",
     "eligibility.gender: takes one value, not a list (for several groups, give each its "
     "own '- ' item)"),
    ("    status: active, temporarily-closed", "status: takes one value, not a list"),
])
def test_several_values_written_as_one_are_told_how_to_write_them(settings, written, said):
    line = 10 if written.count("\n") else 9  # the line of the value
    assert problems_for(with_lines(written), settings) == [S.format(line=line) + said]
