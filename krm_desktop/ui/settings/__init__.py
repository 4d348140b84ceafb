"""The office's settings: profile at the first start, letterhead."""
