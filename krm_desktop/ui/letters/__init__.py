"""Letters: compose, preview, print and keep a document; show and reprint a kept one; edit the text blocks."""
