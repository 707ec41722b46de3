"""Zalo channel (Zalo Bot Platform): plain text, typed choices, the same conversation."""
