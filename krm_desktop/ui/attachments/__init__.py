"""The attachments (Anlagen) of a case."""
