"""The annual purge wizard (Löschassistent)."""
