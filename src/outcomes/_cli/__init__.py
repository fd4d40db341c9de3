"""One module per ``outcomes`` subcommand; :mod:`outcomes.cli` parses the arguments."""
