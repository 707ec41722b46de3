"""Q&A entries: defaults, curation, sheets, the guided dialog, unanswered questions."""
