"""Trợ lý Chi bộ: configuration, database, application wiring and the command line."""
