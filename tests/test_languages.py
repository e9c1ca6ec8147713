"""The ISO 639 table read from pycountry's data file finds what pycountry's own lookup finds."""
import pycountry
import pytest

from signpost.languages import _EVERYDAY, iso_code, iso_name, spoken_names

FIELDS = ("alpha_2", "alpha_3", "bibliographic", "name", "inverted_name", "common_name")


CODES = ("alpha_3", "alpha_2", "bibliographic")


def test_every_name_and_code_finds_the_language_pycountry_finds():
    """A code asked for a name finds the language it is the code of, and a name asked for a
    code the language of that name, where pycountry's lookup would take the other (it finds
    En, a language of Vietnam, for "en"); anything else finds what that lookup finds."""
    languages = list(pycountry.languages)
    by_code, by_name = {}, {}
    for language in reversed(languages):  # as the lookup goes through them: the first wins
        by_name.update({language._fields[f].lower(): language for f in FIELDS[4:]
                        if f in language._fields})
    for field in reversed(CODES):
        by_code.update({lang._fields[field].lower(): lang for lang in languages
                        if field in lang._fields})
    by_name.update({lang.name.lower(): lang for lang in languages})
    checked = 0
    for language in languages:
        for field in FIELDS:
            value = language._fields.get(field)
            for text in (value, value.swapcase()) if value else ():
                if text.lower() == "bsl":
                    continue  # BSL: see test_bsl_is_british_sign_language
                key, found = text.lower(), pycountry.languages.lookup(text)
                named = by_name.get(key) or by_code[key]
                coded = by_code.get(key) or by_name[key]
                assert (iso_code(text), iso_name(text)) == \
                    (getattr(named, "alpha_2", None) or named.alpha_3, coded.name), text
                if not (key in by_code and key in by_name):
                    assert named == coded == found, text
                checked += 1
    assert checked > 30_000  # every language, each of its names and codes two ways


@pytest.mark.parametrize("code, name", [
    ("en", "English"), ("ga", "Irish"), ("ko", "Korean"), ("hu", "Hungarian"), ("ha", "Hausa"),
    ("ak", "Akan"), ("EN", "English"), ("eng", "English")])
def test_a_two_letter_code_is_its_language_not_one_so_named(code, name):
    # pycountry's lookup gives En, Ga, Ko, Hu, Ha and Ak: languages with those names.
    assert iso_name(code) == name


def test_bsl_is_british_sign_language():
    # bsl is Basa-Gumna, a Nigerian language no longer spoken; UK listings and feeds that
    # write BSL mean British Sign Language, ISO 639-3 bfi.
    for text in ("BSL", "bsl", "bfi", "British Sign Language"):
        assert (iso_code(text), iso_name(text)) == ("bfi", "British Sign Language")


@pytest.mark.parametrize("text, code, name", [
    ("Polish", "pl", "Polish"), ("british sign language", "bfi", "British Sign Language"),
    ("pa", "pa", "Panjabi"), ("Persian", "fa", "Persian"), ("ger", "de", "German")])
def test_names_and_codes_as_staff_write_them(text, code, name):
    assert (iso_code(text), iso_name(text)) == (code, name)


@pytest.mark.parametrize("text", ["Klingonese", "", "L", "i", "Polish Sign"])
def test_unknown_text_finds_nothing(text):
    # pycountry's lookup matches "L" and "i" to the first language whose type or scope
    # letter they are; a language written so is a mistake, not Ghotuo.
    assert iso_code(text) is None and iso_name(text) is None


def test_everyday_names_are_of_languages_iso_639_has():
    # Each everyday name stands for a language the table has: a mistyped code would be caught.
    for name, code in _EVERYDAY.items():
        assert pycountry.languages.get(alpha_2=code) or pycountry.languages.get(alpha_3=code), name


def test_spoken_names_are_every_two_letter_language_but_english_longest_first():
    names = spoken_names()
    two_letter = [lang for lang in pycountry.languages if hasattr(lang, "alpha_2")]
    assert len(two_letter) > 150
    # Each such language is there by its name, as people write it ("modern greek" of "Modern
    # Greek (1453-)", and "greek", the head of "Greek, Modern").
    for lang in two_letter:
        if lang.alpha_2 != "en":
            assert lang.name.split(";")[0].split("(")[0].strip().lower() in names, lang.name
    assert {"greek", "modern greek", "polish", "urdu", "bengali", "punjabi", "farsi"} <= set(names)
    assert "english" not in names and "" not in names
    assert [len(n) for n in names] == sorted((len(n) for n in names), reverse=True)
