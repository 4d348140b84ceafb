"""The documents of a case: what a letter knows of its case, text blocks, bodies, the composed PDF."""
