"""Reading a saved mail (.eml, Outlook's .msg) or a scanned letter (.pdf) into a proposed case (issue 21).

Nothing here touches a database: `read_draft` turns a file's bytes into a `CaseDraft` the new-case form is filled
with, and `draft_json` is the same draft as the `draft` command prints it (DESIGN.md §2).
"""

from krm_desktop.model.exchange.mail.draft import CaseDraft, DraftAttachment, draft_json
from krm_desktop.model.exchange.mail.reading import MAX_INPUT_BYTES, read_draft, read_draft_file

__all__ = ["MAX_INPUT_BYTES", "CaseDraft", "DraftAttachment", "draft_json", "read_draft", "read_draft_file"]
