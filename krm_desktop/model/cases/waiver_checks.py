"""Pure checks of a waiver of a written answer (Verzicht): how the matter was settled, the day, the text, and in
the signed form the day the declaration came back. German messages by field; no database access."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases.input_checks import Errors, action_date_problem, collect, free_text_problem
from krm_desktop.model.office.profile_rules import WAIVER_SIGNED

# How a matter was settled before the customer waived a written answer.
SETTLED_BY: dict[str, str] = {"telefon": "telefonisch", "persoenlich": "persönlich"}


def waiver_errors(
    *,
    settled_by: str | None,
    declared_on: date | None,
    reasons: str,
    received: date,
    today: date,
    form: str | None = None,
    form_received_on: date | None = None,
) -> Errors:
    """settled_by None: not asked (older callers); "" or an unknown code: the form left it open.

    `form` (profile_rules.WAIVER_FORMS): a Vermerk dates the conversation (`declared_on`) and notes what was
    settled; a signed declaration also needs the day it came back signed (`form_received_on`)."""
    settled = None
    if settled_by is not None and settled_by not in SETTLED_BY:
        settled = "Bitte angeben, wie die Sache geklärt wurde (telefonisch oder persönlich)."
    signed = form == WAIVER_SIGNED
    came_back = None
    if signed:
        came_back = action_date_problem(form_received_on, "Erklärung unterschrieben eingegangen am", received, today)
        if came_back is None and declared_on and form_received_on and form_received_on < declared_on:
            came_back = "Die unterschriebene Erklärung kann nicht vor ihrer Unterschrift eingegangen sein."
    declared_caption = "Datum der Verzichtserklärung" if form in (None, WAIVER_SIGNED) else "Datum des Gesprächs"
    return collect(
        {
            "settled_by": settled,
            "declared_on": action_date_problem(declared_on, declared_caption, received, today),
            "form_received_on": came_back,
            "reasons": free_text_problem(reasons, "Gründe des Verzichts" if signed or form is None else "Vermerk"),
        }
    )
