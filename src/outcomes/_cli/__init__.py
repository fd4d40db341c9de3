"""One module per ``outcomes`` command; ``outcomes.cli`` parses the arguments and calls them."""
