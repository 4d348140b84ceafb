"""The page of a letter: DIN 5008 layout, the embedded font, escaping user text, addressing."""
