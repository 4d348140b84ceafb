"""What a new or edited case consists of, and the checks it must pass before it is stored.

Intake triage first: the questions that keep non-KRM matters out (`INTAKE_QUESTIONS`, one per NOT_KRM code, asked
as the office's profile says: `intake_questions`), mixed letters, oral reactions settled at once; then `case_errors` (every stored case) and `entry_errors` (what the entry form asks beyond that).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from krm_desktop.model import validation as v
from krm_desktop.model.cases.concern_teams import concern_team_problems, resolved_teams
from krm_desktop.model.cases.party import PartyRecord, normalised_party, party_errors
from krm_desktop.model.codes import (
    CARD_TENORS,
    CHANNELS,
    KINDS,
    NOT_KRM,
    OUTCOME_KINDS,
    OUTCOMES,
    PETITION_KINDS,
    STATUS_CLOSED,
    VIAS,
)
from krm_desktop.model.errors import NotKrmMatter, ValidationError
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.store.entities import Case, Team

MAX_CONCERNS = 3

# One yes/no question per non-KRM finding (NOT_KRM), in the order the form asks them.
INTAKE_QUESTIONS: dict[str, str] = {
    "widerspruch": "Wendet sich das Schreiben gegen einen Bescheid und will es, dass dieser überprüft wird "
    "(Widerspruch – auch wenn es „Beschwerde“ heißt)?",
    "klage": "Ist es eine Klage oder an das Sozialgericht gerichtet?",
    "anfrage": "Ist es nur eine fachliche Anfrage (eine Auskunft wird erbeten, ohne Unzufriedenheit)?",
    "datenschutz": "Geht es um den Schutz von Sozialdaten (Datenschutz)?",
    "korruption": "Enthält es Hinweise auf Korruption?",
    "leistungsmissbrauch": "Enthält es Hinweise auf Leistungsmissbrauch (Ordnungswidrigkeit oder Straftat)?",
    "paragraph_44c": "Ist es eine Petition oder Eingabe zu Organisation, Personal oder Personalvertretung "
    "(§ 44c SGB II)?",
    "dienstaufsicht": "Ist es eine Dienstaufsichtsbeschwerde (nur gegen das persönliche Verhalten einer/eines "
    "Beschäftigten)?",
    "dienstaufsicht_gf": "Ist es eine Dienstaufsichtsbeschwerde gegen die Geschäftsführung selbst?",
}
# What each kind is, in a line (the intake's kind chooser and the form's heading).
KIND_HINTS: dict[str, str] = {
    "beschwerde": "Unzufriedenheit, die eine Klärung erwartet (das Wort „Beschwerde“ muss nicht fallen).",
    "fachaufsichtsbeschwerde": "Gegen eine fachliche Entscheidung oder Bearbeitung, an die Vorgesetzten gerichtet.",
    "dienstaufsichtsbeschwerde": "Nur gegen das persönliche Verhalten einer/eines namentlich genannten Beschäftigten.",
    "lob": "Lob, das deutlich über Höflichkeit hinausgeht; es geht an das Team, ein Dankschreiben folgt.",
    "idee": "Ein konkreter Verbesserungsvorschlag ohne Unzufriedenheit.",
    "petition": "An den Petitionsausschuss des Bundestages oder einen Landtag gerichtet und an das Jobcenter "
    "weitergeleitet (Art. 17 GG).",
    "eingabe": "An ein Ministerium (z. B. BMAS), eine Bürgermeisterin/einen Bürgermeister oder eine andere "
    "Behörde gerichtet und weitergeleitet.",
    "folgereaktion": "Dieselbe Person meldet sich in derselben Sache erneut, nachdem der Fall abgeschlossen war.",
    "meinungskarte": "Anonyme Meinungskarte (Lob, Idee, Kritik); Erfassung im Stapel.",
}
# Findings after which a mixed letter keeps its KRM part (only that part is registered): a data-protection
# matter and a Widerspruch (Pankow 2.6: "Neben einem Widerspruch kann auch eine Beschwerde … eingereicht werden").
MIXED_FINDINGS = frozenset({"datenschutz", "widerspruch"})
MIXED_LETTER_TEXT = (
    "Das Schreiben enthält daneben eine eigene Kundenreaktion (etwa eine Beschwerde über Verhalten, Wartezeit "
    "oder Erreichbarkeit): nur diese wird erfasst, der andere Teil weitergeleitet."
)
MIXED_LETTER_NOTE = (
    "Eine Beschwerde gegen den Bescheid selbst ist keine eigene Kundenreaktion, sondern Teil des Widerspruchs."
)

# Oral reactions settled on the spot are not recorded (all five instructions, e.g. Lübeck: "Ist eine
# unverzügliche Reaktion/Erledigung … möglich und erfolgt, ist der Vorgang nicht … zu erfassen").
ORAL_QUESTION = "Wurde das Anliegen telefonisch oder persönlich vorgetragen?"
SETTLED_QUESTION = "Konnte das Anliegen sofort abschließend geklärt werden (ohne weitere Bearbeitung)?"
SETTLED_RULE = (
    "Telefonische und persönliche Kundenreaktionen, die sofort abschließend geklärt wurden, werden nicht erfasst. "
    "Erfasst wird nur, was nicht sofort geklärt werden konnte oder weitere Bearbeitung braucht."
)
SETTLED_UNANSWERED = "Bitte angeben, ob das Anliegen sofort abschließend geklärt werden konnte."
SETTLED_OUTCOME = (
    "Nicht erfassen: Das Anliegen wurde im Gespräch sofort abschließend geklärt. Es wird nichts gespeichert – "
    "kein Fall und kein Vermerk."
)


def intake_questions(profile: OfficeProfile) -> dict[str, str]:
    """The intake questions this office asks: Dienstaufsicht as such only where its profile routes DABs out."""
    return {
        code: text for code, text in INTAKE_QUESTIONS.items() if code != "dienstaufsicht" or profile.dab_outside_krm
    }


@dataclass
class ConcernInput:
    kind: str
    outcome: str | None = None
    team_id: int | None = None  # the team that caused this Anliegen; None: the case's team (`team_id`)


@dataclass
class CaseInput:
    kind: str
    channel: str
    via: str
    received: date
    subject: str = ""
    description: str = ""
    team_id: int | None = None
    concerns: list[ConcernInput] = field(default_factory=list)  # empty: one concern of `kind`
    person: PartyRecord | None = None
    represented: PartyRecord | None = None  # whom a representative speaks for
    follows_ref: str | None = None
    requesting_body: str = ""
    requesting_ref: str = ""
    body_due: date | None = None
    body_street: str = ""  # the requesting body's postal address
    body_postcode: str = ""
    body_city: str = ""
    ba_responsible: bool = False  # the BA is responsible under § 44b Abs. 3 SGB II (Pankow's petition step)
    employee_concerned: str = ""
    file_no: str = ""
    not_krm: str | None = None  # an intake triage finding (a NOT_KRM code)
    topic: str = ""  # topic category (Themenkategorie) for the reports
    card_tenor: str = ""  # a Meinungskarte's Lob/Anregung/Kritik (codes.CARD_TENORS); "" for every other kind

    def concern_list(self) -> list[ConcernInput]:
        return list(self.concerns) if self.concerns else [ConcernInput(self.kind)]

    def concern_teams(self) -> list[int | None]:
        """The team of each Anliegen as stored (`concern_teams.resolved_teams`)."""
        return resolved_teams(self.team_id, [c.team_id for c in self.concern_list()])


def triage(finding: str | None) -> None:
    """Refuse a matter that intake found is no Kundenreaktion, saying why and where it goes."""
    if finding is None:
        return
    if finding not in NOT_KRM:
        raise ValidationError({"not_krm": f"Unbekanntes Prüfergebnis „{finding}“."})
    raise NotKrmMatter(finding, routing_advice(finding), NOT_KRM[finding][1])


def routing_advice(finding: str) -> str:
    """Why the matter is no Kundenreaktion, and where it goes (German)."""
    reason, destination = NOT_KRM[finding]
    return f"Keine Kundenreaktion: {reason} Weiterleitung an: {destination}."


def intake_errors(
    findings: list[str],
    kind: str | None,
    received: date | None,
    today: date,
    *,
    keeps_krm_part: bool = False,
    dab_outside_krm: bool = False,
    oral: bool = False,
    settled_at_once: bool | None = None,
) -> dict[str, str]:
    """The intake step before the form: a received date, no non-KRM finding (a mixed letter may keep its KRM
    part after a MIXED_FINDINGS finding), and the kind — no DAB where the office handles Dienstaufsicht outside
    the KRM (`dab_outside_krm`). An `oral` reaction needs the answer whether it was settled at once (None: not
    answered); one settled on the spot is not recorded."""
    errors: dict[str, str] = {}
    if oral and settled_at_once:
        errors["settled"] = SETTLED_OUTCOME
    elif oral and settled_at_once is None:
        errors["settled"] = SETTLED_UNANSWERED
    problem = (
        v.date_problem(received, "Eingangsdatum", today)
        if received is not None
        else "Bitte das Eingangsdatum angeben (TT.MM.JJJJ)."
    )
    if problem:
        errors["received"] = problem
    blocking = [f for f in findings if not (keeps_krm_part and f in MIXED_FINDINGS)]
    if blocking:
        errors["not_krm"] = " ".join(routing_advice(f) for f in blocking if f in NOT_KRM) or "Unbekanntes Prüfergebnis."
    if kind is None:
        errors["kind"] = "Bitte die Anliegensart wählen."
    elif kind not in KINDS or kind == "meinungskarte":
        errors["kind"] = (
            v.code_problem(kind, {k: x for k, x in KINDS.items() if k != "meinungskarte"}, "Anliegensart") or ""
        )
    elif kind == "dienstaufsichtsbeschwerde" and dab_outside_krm:
        errors["kind"] = DAB_OUTSIDE_TEXT
    return errors


DAB_OUTSIDE_TEXT = (
    "Dienstaufsichtsbeschwerden bearbeitet diese Dienststelle außerhalb des KRM: bitte oben „Dienstaufsichts"
    "beschwerde“ ankreuzen und die Weiterleitung vermerken."
)


def case_errors(data: CaseInput, today: date, *, follows_purged: bool = False) -> tuple[dict[str, str], Case | None]:
    """All problems of a case input (field -> German message) and the earlier case it follows; the input's
    parties are replaced by their `normalised_party` (what is stored).

    follows_purged: an existing Folgereaktion whose earlier case the purge deleted (only its reference is left).
    """
    errors: dict[str, str] = {}

    def add(name: str, problem: str | None) -> None:
        if problem and name not in errors:
            errors[name] = problem

    add("kind", v.code_problem(data.kind, KINDS, "Anliegensart"))
    add("channel", v.code_problem(data.channel, CHANNELS, "Eingangsweg"))
    add("via", v.code_problem(data.via, VIAS, "Eingang über"))
    add("received", v.date_problem(data.received, "Eingangsdatum", today))
    add("subject", v.text_problem(data.subject, "Betreff", max_len=300, multiline=False))
    add("description", v.text_problem(data.description, "Beschreibung"))
    add("requesting_body", v.text_problem(data.requesting_body, "Einsendende Stelle", max_len=300, multiline=False))
    add("requesting_ref", v.text_problem(data.requesting_ref, "Zeichen der Stelle", max_len=100, multiline=False))
    for name, problem in body_address_errors(data).items():
        add(name, problem)
    if data.ba_responsible and data.kind not in PETITION_KINDS:
        add(
            "ba_responsible",
            "Die BA-Zuständigkeit nach § 44b Abs. 3 SGB II wird nur bei Petitionen und Eingaben vermerkt.",
        )
    add(
        "employee_concerned",
        v.text_problem(data.employee_concerned, "Betroffene/r Beschäftigte/r", max_len=200, multiline=False),
    )
    add("file_no", v.text_problem(data.file_no, "Aktenzeichen", max_len=40, multiline=False))
    add("topic", v.text_problem(data.topic, "Themenkategorie", max_len=80, multiline=False))
    if data.body_due is not None and data.body_due < data.received:
        add("body_due", "Die Frist der einsendenden Stelle liegt vor dem Eingangsdatum.")
    if data.team_id is not None and Team.get_or_none(Team.id == data.team_id) is None:
        add("team", "Das gewählte Team gibt es nicht (mehr).")
    for name, problem in concern_team_problems(data.team_id, [c.team_id for c in data.concern_list()]).items():
        add(name, problem)

    concerns = data.concern_list()
    if len(concerns) > MAX_CONCERNS:
        add("concerns", f"Höchstens {MAX_CONCERNS} Anliegen je Kundenreaktion.")
    if concerns and concerns[0].kind != data.kind:
        add("concerns", "Das erste Anliegen muss der Anliegensart der Kundenreaktion entsprechen.")
    for index, concern in enumerate(concerns, start=1):
        add(f"concerns.{index}.kind", v.code_problem(concern.kind, KINDS, f"Anliegen {index}"))
        if concern.outcome is not None:
            add(f"concerns.{index}.outcome", v.code_problem(concern.outcome, OUTCOMES, f"Ergebnis Anliegen {index}"))
            if concern.kind not in OUTCOME_KINDS:
                add(
                    f"concerns.{index}.outcome",
                    f"Anliegen {index}: nur Beschwerden, Petitionen und Eingaben erhalten ein Ergebnis.",
                )

    card = data.kind == "meinungskarte"
    if card != (data.channel == "meinungskarte"):
        add("channel", "Meinungskarten haben den Eingangsweg „Meinungskarte“ und umgekehrt.")
    if card and (data.person is not None or data.represented is not None):
        add("person", "Meinungskarten sind anonym: bitte keine Personendaten erfassen.")
    add("card_tenor", card_tenor_problem(card, data.card_tenor))
    if data.kind == "dienstaufsichtsbeschwerde" and not data.employee_concerned.strip():
        add(
            "employee_concerned",
            "Bei einer Dienstaufsichtsbeschwerde bitte die/den betroffene/n Beschäftigte/n nennen.",
        )
    if data.represented is not None and (data.person is None or data.person.role != "vertreter"):
        add("represented", "Eine vertretene Person gibt es nur, wenn eine Vertreterin/ein Vertreter einsendet.")

    earlier = None
    if data.kind == "folgereaktion" and not follows_purged:
        if not data.follows_ref:
            add("follows", "Eine Folgereaktion braucht die frühere Kundenreaktion (Az.), auf die sie folgt.")
        else:
            earlier = Case.get_or_none(Case.ref == data.follows_ref)
            if earlier is None:
                add("follows", f"Die frühere Kundenreaktion {data.follows_ref} gibt es nicht.")
            elif earlier.status != STATUS_CLOSED:
                add(
                    "follows",
                    f"{data.follows_ref} ist noch offen; eine Folgereaktion folgt auf einen abgeschlossenen Fall.",
                )
            elif earlier.closed and data.received < earlier.closed:
                add("received", "Die Folgereaktion kann nicht vor dem Abschluss des früheren Falls eingegangen sein.")
    elif data.follows_ref:
        add("follows", "Nur eine Folgereaktion verweist auf einen früheren Fall.")

    for prefix, party in (("person", data.person), ("represented", data.represented)):
        if party is not None:
            for name, problem in party_errors(party, prefix).items():
                add(name, problem)
    data.person = normalised_party(data.person) if data.person else None
    data.represented = normalised_party(data.represented) if data.represented else None
    return errors, earlier


def card_tenor_problem(card: bool, tenor: str) -> str | None:
    """A Meinungskarte says Lob, Anregung or Kritik (issue 19); no other kind has a tenor."""
    if not card:
        return "Lob, Anregung oder Kritik wird nur bei Meinungskarten erfasst." if tenor else None
    if not tenor:
        return "Bitte wählen Sie die Art der Rückmeldung: Lob, Anregung oder Kritik (Taste L, A oder K)."
    return v.code_problem(tenor, CARD_TENORS, "Art der Rückmeldung")


def body_address_errors(data: CaseInput) -> dict[str, str]:
    """Problems of the requesting body's postal address, checked like a person's: each part's length and
    characters, the postcode's five digits, and a complete address once any part of it is given."""
    errors: dict[str, str] = {}
    parts = (
        ("body_street", data.body_street, "Straße der Stelle", 300),
        ("body_postcode", data.body_postcode, "PLZ der Stelle", 10),
        ("body_city", data.body_city, "Ort der Stelle", 120),
    )
    for name, value, caption, max_len in parts:
        problem = v.text_problem(value, caption, max_len=max_len, multiline=False)
        if problem:
            errors[name] = problem
    postcode = v.postcode_problem(data.body_postcode.strip())
    if postcode and "body_postcode" not in errors:
        errors["body_postcode"] = postcode
    if any(value.strip() for _n, value, _c, _m in parts):
        if data.kind not in PETITION_KINDS:
            errors.setdefault(
                "body_street", "Eine Anschrift der einsendenden Stelle gibt es nur bei Petitionen und Eingaben."
            )
        for name, value, caption, _m in parts:
            if not value.strip():
                errors.setdefault(name, f"Bitte auch {caption} angeben: die Anschrift ist sonst unvollständig.")
    return errors


def check_case(data: CaseInput, today: date, *, follows_purged: bool = False) -> Case | None:
    """Triage, then every check; raises ValidationError with all problems at once."""
    triage(data.not_krm)
    errors, earlier = case_errors(data, today, follows_purged=follows_purged)
    if errors:
        raise ValidationError(errors)
    return earlier


def entry_errors(data: CaseInput, today: date, *, follows_purged: bool = False) -> dict[str, str]:
    """Every problem the entry form shows next to its fields: those of any stored case (`case_errors`), and
    what a case entered by hand needs beyond them (an import may carry older records without these)."""
    errors, _ = case_errors(data, today, follows_purged=follows_purged)
    extra = {
        "subject": v.required_problem(data.subject, "Betreff"),
        "requesting_body": v.required_problem(data.requesting_body, "Einsendende Stelle")
        if data.kind in PETITION_KINDS
        else None,
    }
    if data.person is not None and data.person.role == "vertreter" and data.represented is None:
        extra["represented.name"] = "Bitte angeben, wen die Vertreterin/der Vertreter vertritt (Name)."
    for name, problem in extra.items():
        if problem and name not in errors:
            errors[name] = problem
    return errors
