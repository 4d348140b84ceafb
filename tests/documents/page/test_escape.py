"""User text reaches the PDF literally: markup escaped, line breaks kept, unknown glyphs visible, long words wrap."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from krm_desktop.documents.letters.compose import compose, render
from krm_desktop.documents.letters.samples import sample_facts
from krm_desktop.documents.page.escape import REPLACEMENT, markup, replaced, visible
from krm_desktop.model.cases.party import PartyRecord
from tests import factories as f
from tests.documents.pdf_tools import flowing, image_count, squeezed, text


def draft_with(store, *, subject: str = "Betreff", name: str = "Erika Mustermann", body: str = ""):
    case, office = sample_facts(f.TODAY)
    person = PartyRecord(name, "kunde", "frau", "Lindenweg 7", "12345", "Musterstadt")
    case = replace(case, subject=subject, person=person)
    draft = compose(case, office, "antwort", f.TODAY)
    if body:
        draft.body += "\n\n" + body
    return draft


def test_markup_is_escaped() -> None:
    assert markup("<b>fett</b> & mehr") == "&lt;b&gt;fett&lt;/b&gt; &amp; mehr"
    assert markup("eins\nzwei") == "eins<br/>zwei"


def test_markup_and_image_tags_print_literally_and_open_no_file(store, tmp_path, monkeypatch) -> None:
    secret = tmp_path / "geheim.png"
    opened: list[str] = []
    import reportlab.lib.utils as rl_utils

    original = rl_utils.open_for_read

    def spy(name, *args, **kwargs):
        opened.append(str(name))
        return original(name, *args, **kwargs)

    monkeypatch.setattr(rl_utils, "open_for_read", spy)
    hostile = f'<b>fett</b> & <img src="{secret}" width="50" height="50"/> <font color="red">rot</font> &amp;'
    draft = draft_with(store, subject=hostile, name="<i>Erika</i> & Co", body=hostile)
    pdf = render(draft, invariant=True).pdf
    content = squeezed(text(pdf))
    assert squeezed(hostile) in content
    assert squeezed("<i>Erika</i> & Co") in content
    assert image_count(pdf) == 0
    assert not [name for name in opened if "geheim" in name]


def test_line_breaks_are_kept(store) -> None:
    pdf = render(draft_with(store, body="Zeile eins\nZeile zwei\n\nNeuer Absatz"), invariant=True).pdf
    assert "Zeile eins\nZeile zwei\nNeuer Absatz" in text(pdf)


def test_german_characters_and_capital_sharp_s_are_covered_by_the_embedded_font(store) -> None:
    words = "GROẞE Straße „Zitat“ – Öl, Ärger, Übermut, 5 € § 44b"
    assert replaced(words) == 0
    assert words in text(render(draft_with(store, subject=words), invariant=True).pdf)


def test_unknown_glyphs_are_replaced_visibly_and_counted(store) -> None:
    value = "Daumen 👍 hoch 😀 und 漢字 ok"
    assert visible(value) == f"Daumen {REPLACEMENT} hoch {REPLACEMENT} und {REPLACEMENT}{REPLACEMENT} ok"
    rendered = render(draft_with(store, body=value), invariant=True)
    assert rendered.replaced == 4
    assert squeezed(visible(value)) in squeezed(text(rendered.pdf))


def test_a_10000_character_word_wraps_instead_of_overflowing(store) -> None:
    word = "Donaudampfschifffahrt" * 477  # 10,017 characters, no space
    rendered = render(draft_with(store, body=word), invariant=True)
    content = squeezed(flowing(rendered.pdf))
    assert word in content
    assert rendered.pages >= 2


def test_a_long_subject_wraps_inside_the_text_area(store) -> None:
    subject = "Betreff " * 60
    rendered = render(draft_with(store, subject=subject.strip()), invariant=True)
    assert squeezed(subject) in squeezed(text(rendered.pdf))


TEXT = st.text(
    alphabet=st.characters(categories=("L", "M", "N", "P", "S", "Zs", "Cf"), exclude_characters="\u00ad"), max_size=120
)
LINES = st.lists(TEXT, min_size=1, max_size=4).map("\n".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subject=TEXT, name=TEXT.filter(lambda s: s.strip()), body=LINES)
def test_fuzzed_text_fields_arrive_in_the_pdf(store, subject: str, name: str, body: str) -> None:
    from krm_desktop.model.errors import RefusedError

    try:
        draft = draft_with(store, subject=subject, name=name, body=body)
    except RefusedError as exc:  # a name too long for the window, or one the font cannot show, is refused
        assert "Sichtfenster" in exc.message or ("„Name“" in exc.message and REPLACEMENT in visible(name))
        return
    content = squeezed(text(render(draft, invariant=True).pdf))
    for value in (subject, body, name):
        assert squeezed(visible(value)) in content


@pytest.mark.parametrize("value", ["\t", "a\tb", "x\r\ny", "\u2028", "\x07bell"])
def test_control_characters_never_break_the_layout(store, value: str) -> None:
    rendered = render(draft_with(store, body=value), invariant=True)
    assert rendered.pages == 1


@pytest.mark.parametrize("value", ["\u064b:", " \u0301x", "\u05d0\u05b8"])
def test_a_combining_mark_without_its_letter_prints_as_the_replacement(value: str) -> None:
    shown = visible(value)
    assert not any(unicodedata.category(ch).startswith("M") for ch in shown)
    assert REPLACEMENT in shown
