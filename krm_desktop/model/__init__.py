"""The domain and its store. Imports no Qt, no ui, no documents."""
