"""Writing a report file (PDF or CSV, chosen by the file extension) for the wizard and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from krm_desktop.documents.reports.csv_file import render_report_csv
from krm_desktop.documents.reports.pdf import render_report_pdf
from krm_desktop.model.office.settings import letterhead
from krm_desktop.model.reports.figures import Figures, compute_figures
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.reports.texts import ReportTexts, load_texts, mark_report_made
from krm_desktop.model.store.files import write_file

FORMATS = {".pdf": "pdf", ".csv": "csv"}


@dataclass(frozen=True)
class SavedReport:
    path: Path
    format: str
    cases: int
    concerns: int


def report_format(path: Path) -> str | None:
    """ "pdf" or "csv" by the file extension (any case), None for another one."""
    return FORMATS.get(path.suffix.lower())


def render_report(figures: Figures, fmt: str, *, recipient: str, texts: ReportTexts, invariant: bool = False) -> bytes:
    if fmt == "csv":
        return render_report_csv(figures)
    office = letterhead()["office_name"]
    return render_report_pdf(figures, texts, recipient=recipient, office_name=office, invariant=invariant)


def save_report(
    path: Path,
    period: Period,
    *,
    today: date,
    recipient: str,
    texts: ReportTexts | None = None,
    figures: Figures | None = None,
    invariant: bool = False,
    record: bool = True,
) -> SavedReport:
    """Compute (unless given) and write the report; the file appears whole or not at all.

    Raises ValueError for an unknown extension, ValidationError for a period that cannot be reported.
    record=False leaves out the note in the database that the report was made (a read-only database).
    """
    fmt = report_format(path)
    if fmt is None:
        raise ValueError(f"unknown report format: {path.suffix!r}")
    figures = figures or compute_figures(period, today=today)
    data = render_report(figures, fmt, recipient=recipient, texts=texts or load_texts(period), invariant=invariant)
    write_file(path, data)
    if record:
        mark_report_made(period, recipient, today)
    return SavedReport(path, fmt, figures.cases, figures.concerns)
