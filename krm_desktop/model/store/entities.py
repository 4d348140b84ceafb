"""Peewee models of the KRM store. Bound at run time through `database` (a DatabaseProxy)."""

from __future__ import annotations

from typing import Any

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


class BytesField(BlobField):
    """A BLOB that reads back as bytes on every database (psycopg2 hands out a memoryview of a bytea)."""

    def python_value(self, value: Any) -> Any:
        return bytes(value) if isinstance(value, memoryview) else value


class BaseModel(Model):
    # Annotations only (no values): they tell the type checker what peewee adds at run time.
    id: int

    class Meta:
        database = database
        legacy_table_names = False


class Meta(BaseModel):
    """Key/value facts about the store itself (application marker, schema version)."""

    key = CharField(primary_key=True, max_length=64)
    value = TextField()


class Setting(BaseModel):
    """Office settings as JSON values: the office profile, letterhead data, topic list."""

    key = CharField(primary_key=True, max_length=64)
    value = TextField()
    version = IntegerField(default=1)


class Team(BaseModel):
    name = CharField(unique=True, max_length=120)
    area = CharField(max_length=120, default="")  # Bereich
    active = BooleanField(default=True)
    version = IntegerField(default=1)


class Staff(BaseModel):
    """One of the office's people, with a Funktion (codes.STAFF_ROLES)."""

    team_id: int | None

    name = CharField(max_length=200)
    role = CharField(max_length=8)  # MA, TL, STL, BL, LGF, GF, KRM
    team = ForeignKeyField(Team, null=True, backref="staff", on_delete="SET NULL")
    email = CharField(max_length=200, default="")
    phone = CharField(max_length=60, default="")
    active = BooleanField(default=True)
    version = IntegerField(default=1)


class StaffLogin(BaseModel):
    """A computer login that acts as this person: the history names the person, not the login."""

    login = CharField(unique=True, max_length=200)  # stored folded (casefold), as Windows logins ignore case
    staff = ForeignKeyField(Staff, backref="logins", on_delete="CASCADE")

    class Meta:
        table_name = "staff_login"


class Party(BaseModel):
    """A complainant or someone they represent: customer, representative, institution, authority."""

    role = CharField(max_length=16, default="kunde")
    salutation = CharField(max_length=16, null=True)
    name = CharField(max_length=300)
    street = CharField(max_length=300, default="")
    postcode = CharField(max_length=10, default="")
    city = CharField(max_length=120, default="")
    email = CharField(max_length=200, default="")
    phone = CharField(max_length=60, default="")
    customer_no = CharField(max_length=20, default="")
    bg_no = CharField(max_length=20, default="")
    version = IntegerField(default=1)


class Case(BaseModel):
    """A Kundenreaktion."""

    team_id: int | None
    person_id: int | None
    represented_id: int | None
    signed_by_id: int | None
    follows_id: int | None
    decided_by_id: int | None
    concerns: Any
    notices: Any
    events: Any
    statements: Any
    letters: Any
    attachments: Any
    follow_ups: Any

    ref = CharField(unique=True, max_length=20)
    year = IntegerField()
    seq = IntegerField()
    kind = CharField(max_length=32, index=True)  # the main concern's kind
    channel = CharField(max_length=16)
    via = CharField(max_length=24)
    received = DateField(index=True)
    team = ForeignKeyField(Team, null=True, backref="cases", on_delete="SET NULL")
    subject = CharField(max_length=300, default="")
    description = TextField(default="")
    file_no = CharField(max_length=40, default="")  # Aktenzeichen of the office's file plan
    topic = CharField(max_length=80, default="")  # topic category for reports; not personal, kept on purge
    status = CharField(max_length=16, default="offen", index=True)
    person = ForeignKeyField(Party, null=True, backref="cases", on_delete="SET NULL")
    represented = ForeignKeyField(Party, null=True, backref="represented_in", on_delete="SET NULL")
    # Deadlines, computed when registered or when clock-relevant data change.
    ack_due = DateField(null=True)
    final_due = DateField(null=True)
    gf_due = DateField(null=True)  # Sofortsache: to GF the same working day
    gf_presented = DateField(null=True)  # the Vorlage an GF done that day ("vorgelegt an GF am")
    # Pankow's Anlage 2: the day the case was marked "vorlagepflichtig"; it starts the Vorlage-an-GF clock.
    gf_required_on = DateField(null=True)
    ack_sent = DateField(null=True)
    # "Eingangsbestätigung entfällt": the day the KRM decided that no acknowledgement is sent, and why.
    ack_waived = DateField(null=True)
    ack_waived_reason = TextField(default="")
    interim_sent = DateField(null=True)
    interim_reason = TextField(default="")
    interim_expected = DateField(null=True)
    answer_sent = DateField(null=True)
    closed = DateField(null=True, index=True)
    # The earliest open clock item (ack | answer | answer_after_interim) and its date, kept by the
    # services so that lists sort and filter by it in SQL.
    next_action = CharField(max_length=24, null=True)
    next_due = DateField(null=True, index=True)
    outcome = CharField(max_length=20, null=True)  # the main concern's outcome
    # Responsibility
    lead = CharField(max_length=8, default="team")  # team or gf
    escalation_level = IntegerField(default=1)
    sign_off_role = CharField(max_length=8, default="TL")  # TL, or GF when reserved
    signed_by = ForeignKeyField(Staff, null=True, backref="signed_cases", on_delete="SET NULL")
    waiver = BooleanField(default=False)
    waiver_reasons = TextField(default="")
    follows = ForeignKeyField("self", null=True, backref="follow_ups", on_delete="SET NULL")
    # The earlier case's reference, kept as an anonymous reference when the purge deletes that case
    # (the foreign key then becomes NULL). The purge and migration v3 fill it; "" when there is no link.
    follows_ref = CharField(max_length=20, default="")
    # Petition / Eingabe
    requesting_body = CharField(max_length=300, default="")
    requesting_ref = CharField(max_length=100, default="")
    body_due = DateField(null=True)
    body_street = CharField(max_length=300, default="")  # the requesting body's postal address (Stellungnahme)
    body_postcode = CharField(max_length=10, default="")
    body_city = CharField(max_length=120, default="")
    # Pankow's petition steps (profile: ba_agreement_step, statement_check_by_krm)
    ba_responsible = BooleanField(default=False)  # the BA is responsible under § 44b Abs. 3 SGB II
    ba_agreed = DateField(null=True)  # abgestimmt mit Agentur für Arbeit und Regionaldirektion am
    statement_checked = DateField(null=True)  # the KRM's formal check of the Stellungnahme: geprüft am …
    statement_checked_by = CharField(max_length=200, default="")  # … von (the KRM's name)
    # Dienstaufsichtsbeschwerde
    employee_concerned = CharField(max_length=200, default="")
    gf_decision = TextField(default="")
    decided_by = ForeignKeyField(Staff, null=True, backref="decided_cases", on_delete="SET NULL")
    decided_on = DateField(null=True)
    employee_informed = DateField(null=True)
    reclassified_from = CharField(max_length=32, null=True)
    # Meinungskarte: Lob, Anregung or Kritik (opinion_cards.TENORS); not personal, kept by the purge
    card_tenor = CharField(max_length=16, default="")
    # Aktenvermerk for the E-Akte/VerBIS: the day a note with benefit- or placement-relevant content was made, by whom
    file_note_on = DateField(null=True)
    file_note_by = CharField(max_length=200, default="")
    # Retention
    anonymised = BooleanField(default=False)
    version = IntegerField(default=1)

    class Meta:
        table_name = "krm_case"
        indexes = (
            (("year", "seq"), True),
            (("channel",), False),  # list filter Eingangsweg
            (("kind", "received"), False),  # list filter Anliegensart, tile "Meinungskarten dieses Jahr"
        )


class Concern(BaseModel):
    """An Anliegen inside a case (up to three), each with its kind, its team and, for complaints, its outcome."""

    case_id: int
    team_id: int | None
    case = ForeignKeyField(Case, backref="concerns", on_delete="CASCADE")
    position = IntegerField()
    kind = CharField(max_length=32)
    outcome = CharField(max_length=20, null=True)
    team = ForeignKeyField(Team, null=True, backref="concerns", on_delete="SET NULL")  # the team that caused it

    class Meta:
        indexes = (
            (("case", "position"), True),
            (("kind", "case"), False),  # a case matches a kind when any of its concerns has it
        )


class Statement(BaseModel):
    """A Stellungnahme (employee, team lead, area lead) or, with `team`, the Beitrag of one of several teams
    concerned."""

    team_id: int | None
    case = ForeignKeyField(Case, backref="statements", on_delete="CASCADE")
    author = CharField(max_length=200)
    author_role = CharField(max_length=8)
    received_on = DateField()
    text = TextField()
    team = ForeignKeyField(Team, null=True, backref="contributions", on_delete="SET NULL")


class Notice(BaseModel):
    """Zur Kenntnis: someone who was informed of the case or got a copy of a letter, and when."""

    case = ForeignKeyField(Case, backref="notices", on_delete="CASCADE")
    name = CharField(max_length=200)  # as at the time: the person's name, or a function ("Teamleitung Team 411")
    role = CharField(max_length=8, default="")  # Funktion code (codes.STAFF_ROLES) or ""
    staff = ForeignKeyField(Staff, null=True, backref="notices", on_delete="SET NULL")
    informed_on = DateField()
    copy = BooleanField(default=False)  # got a copy (cc) rather than being informed
    reason = CharField(max_length=300, default="")  # why: "Beschäftigte/r betroffen", "LGF Bereich 71", …


class Event(BaseModel):
    """Append-only history (Fallhistorie): who did what, when."""

    case = ForeignKeyField(Case, backref="events", on_delete="CASCADE")
    at = DateTimeField()
    on_day = DateField()  # the business day the action counts for
    actor = CharField(max_length=200)
    action = CharField(max_length=32)
    text = TextField(default="")

    class Meta:
        indexes = ((("action", "actor", "case"), False),)  # "nur meine": who registered the case


class Letter(BaseModel):
    """A printed letter, kept as the PDF that was printed."""

    case = ForeignKeyField(Case, backref="letters", on_delete="CASCADE")
    doc_type = CharField(max_length=32)
    created = DateTimeField()
    created_by = CharField(max_length=200)
    filename = CharField(max_length=200)
    pdf = BytesField()


class Attachment(BaseModel):
    case = ForeignKeyField(Case, backref="attachments", on_delete="CASCADE")
    filename = CharField(max_length=255)
    mime = CharField(max_length=100, default="application/octet-stream")
    added = DateTimeField()
    added_by = CharField(max_length=200)
    data = BytesField()


class TextBlock(BaseModel):
    """A letter template's text block with placeholders; defaults ship in resources/."""

    key = CharField(unique=True, max_length=80)
    title = CharField(max_length=200)
    body = TextField()
    version = IntegerField(default=1)


class RoutingNote(BaseModel):
    """Intake found the matter is not KRM: only a note of where it went, no case. The free note may still name
    someone, so the purge deletes it when `retention.rules.routing_note_due` says."""

    received = DateField()
    category = CharField(max_length=24)
    destination = CharField(max_length=200)
    note = CharField(max_length=500, default="")
    at = DateTimeField()
    actor = CharField(max_length=200)


class PurgeLog(BaseModel):
    """Löschprotokoll: one row per purge run. Counts, rules and case references; no personal data."""

    run_id = CharField(unique=True, max_length=32)  # also tells which backups already went through this run
    done_on = DateField()  # the business day the purge ran
    done_by = CharField(max_length=200)  # the acting user (BGF), who answers for the run
    as_of = DateField()  # Stichtag: what was due on this day was purged
    profile = CharField(max_length=32)  # office profile code at the time
    method = CharField(max_length=24)  # retention method of the profile
    rules = TextField()  # JSON: [{code, label, action, count, refs}] in rule order
    anonymised = IntegerField(default=0)
    deleted = IntegerField(default=0)
    backup = CharField(max_length=300, default="")  # file name of the verified copy made before the run
    vacuumed = BooleanField(default=False)
    backups_removed = TextField(default="[]")  # JSON list of file names removed after the run

    class Meta:
        table_name = "purge_log"


ALL_MODELS: list[type[BaseModel]] = [
    Meta,
    Setting,
    Team,
    Staff,
    StaffLogin,
    Party,
    Case,
    Concern,
    Statement,
    Notice,
    Event,
    Letter,
    Attachment,
    TextBlock,
    RoutingNote,
    PurgeLog,
]
