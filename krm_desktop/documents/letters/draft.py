"""A document as plain text before printing (`Draft`) and the PDF made of it (`Rendered`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from krm_desktop.documents.letters.facts import OfficeFacts
from krm_desktop.documents.letters.placeholders import Contact, Signer
from krm_desktop.documents.page.addressing import Addressee
from krm_desktop.model.cases.case_view import CaseView
from krm_desktop.model.cases.letters import DOC_TYPES


@dataclass
class Draft:
    doc_type: str
    case: CaseView
    office: OfficeFacts
    today: date
    addressee: Addressee | None
    subject: str
    body: str
    closing: str
    signer: Signer | None
    contact: Contact | None
    author: str = ""  # who writes an Aktenvermerk
    missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return DOC_TYPES[self.doc_type]


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    replaced: int  # characters the font cannot show, printed as �
    warnings: tuple[str, ...] = ()
