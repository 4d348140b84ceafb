"""Text as the form's fields take it: HTML turned into readable plain text, and the characters no field accepts
(control and format characters, Unicode line separators) removed from what a mail says."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

from krm_desktop.model.validation import MAX_TEXT

MAX_SUBJECT = 300  # Case.subject
MAX_NAME = 200
_KEPT = frozenset("\n\t")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
_KEPT_FORMAT = frozenset("\u00ad\u200d")  # soft hyphen and joiner: the form takes them
_SPACES = re.compile(r"[ \t\u00a0]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")

# Elements that start a line of their own; <br> and <p> as a mail program writes them.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    ]
)
_HIDDEN = frozenset(("script", "style", "head", "title", "template", "xml"))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("- ")
            elif tag == "pre":
                self._pre += 1
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        self.parts.append(data if self._pre else _SPACES.sub(" ", data.replace("\r", " ").replace("\n", " ")))


def html_to_text(html: str) -> str:
    """Readable text of an HTML mail: no tags, entities decoded, a line break for each block element."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (line.strip(" \t") for line in "".join(collector.parts).split("\n"))
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _printable(text: str) -> str:
    if text.replace("\n", "").replace("\t", "").isprintable():
        return text
    return "".join(
        ch for ch in text if ch in _KEPT or ch in _KEPT_FORMAT or unicodedata.category(ch) not in _DROPPED_CATEGORIES
    )


def clean_text(text: str, *, limit: int = MAX_TEXT) -> str:
    """A multi-line text as the description field takes it: line breaks as \\n, nothing invisible, cut to limit."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _printable(text).strip()[:limit]


def clean_line(text: str, *, limit: int) -> str:
    """A one-line value (subject, name): whitespace runs made one space, nothing invisible, cut to limit."""
    return _SPACES.sub(" ", _printable(" ".join(text.split()))).strip()[:limit].strip()
