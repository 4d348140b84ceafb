"""What a mail's draft says about its fields, the same for .eml and .msg: the German problems of sender, subject
and text, and the text of a forwarded mail (the colleague's note, then the original)."""

from __future__ import annotations

from krm_desktop.model.exchange.mail.plain_text import clean_text
from krm_desktop.model.validation import MAX_TEXT, email_problem

FORWARD_MARK = "----- Weitergeleitete Nachricht -----"


def own_address_problem(address: str) -> str:
    return (
        f"Die E-Mail kommt von der eigenen Adresse {address}; der ursprüngliche Absender steht nur im Text. Bitte "
        "Name und E-Mail-Adresse der Person eintragen."
    )


def sender_problem(name: str, address: str) -> str | None:
    if not address:
        return "Die E-Mail nennt keinen lesbaren Absender. Bitte Name und E-Mail-Adresse eintragen."
    if email_problem(address):  # "info@localhost", an Exchange-internal name: the form would refuse it
        return f"Die Absenderadresse „{address}“ ist unvollständig. Bitte die E-Mail-Adresse der Person prüfen."
    if not name:
        return "Der Absender hat keinen Namen angegeben. Bitte den Namen der Person eintragen."
    return None


def forwarded_text(note: str, original: str) -> str:
    return f"{note.strip()}\n\n{FORWARD_MARK}\n{original}" if note.strip() else original


def mail_fields_problems(
    problems: dict[str, str], *, name: str, address: str, subject: str, text: str
) -> tuple[dict[str, str], str]:
    """(the problems completed by person, subject and description, the description as the form takes it)."""
    problems = dict(problems)
    person = sender_problem(name, address)
    if person:
        problems.setdefault("person", person)
    if not subject:
        problems["subject"] = "Die E-Mail hat keinen Betreff. Bitte einen Betreff eintragen."
    description = clean_text(text)
    if len(text) > MAX_TEXT:
        problems.setdefault("description", "Der Text der E-Mail war sehr lang und wurde gekürzt.")
    if not description:
        problems.setdefault("description", "Die E-Mail enthält keinen Text. Bitte das Anliegen beschreiben.")
    return problems, description
