"""Exchange: cases as JSON lines (import and export)."""
