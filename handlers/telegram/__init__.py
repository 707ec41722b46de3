"""Telegram channel: python-telegram-bot handlers that translate to the conversation."""
