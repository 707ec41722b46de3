"""Console channel: the same conversation as Telegram, in a terminal, offline."""
