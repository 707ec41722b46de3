"""Search: the index, query parsing, exact references, ranking and the service."""
