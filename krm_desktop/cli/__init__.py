"""The command line of DESIGN.md §2, one module per command group. No subcommand starts the GUI."""
