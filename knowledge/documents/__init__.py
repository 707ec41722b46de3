"""Documents as committees send them: reading, cleaning, structure, passages, import."""
