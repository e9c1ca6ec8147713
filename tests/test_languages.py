"""The ISO 639 table read from pycountry's data file finds what pycountry's own lookup finds."""
import pycountry
import pytest

from signpost.languages import iso_code, iso_name

FIELDS = ("alpha_2", "alpha_3", "bibliographic", "name", "inverted_name", "common_name")


def test_every_name_and_code_finds_the_language_pycountry_finds():
    checked = 0
    for language in pycountry.languages:
        for field in FIELDS:
            value = language._fields.get(field)
            for text in (value, value.swapcase()) if value else ():
                found = pycountry.languages.lookup(text)
                assert (iso_code(text), iso_name(text)) == \
                    (getattr(found, "alpha_2", None) or found.alpha_3, found.name), text
                checked += 1
    assert checked > 30_000  # every language, each of its names and codes two ways


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
