"""The demo generator and its invented texts."""
