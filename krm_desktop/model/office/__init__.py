"""The office: its profile (presets and the stored, editable rules), settings, topics, a new office's set-up."""
