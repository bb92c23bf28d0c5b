"""CLI verbs, one module per family; each parses input, calls one library function, formats output."""
