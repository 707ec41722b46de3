"""People and what they did: roles and the audit log."""
