"""Letters: compose, preview, print and keep a document; edit the text blocks."""
