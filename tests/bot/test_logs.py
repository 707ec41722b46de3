"""Structured logs: one JSON object per line, extra fields kept, errors included."""

import json
import logging

from bot.logs import JsonFormatter


def test_a_log_event_is_one_json_line_with_its_fields() -> None:
    record = logging.makeLogRecord({"name": "chibo", "levelname": "ERROR", "levelno": 40,
                                    "msg": "sent %d reminders", "args": (3,), "chat": "-100"})
    line = JsonFormatter().format(record)
    assert "\n" not in line
    event = json.loads(line)
    assert event["event"] == "sent 3 reminders" and event["chat"] == "-100"
    assert event["level"] == "error" and event["logger"] == "chibo"


def test_secrets_are_masked_raw_url_encoded_and_in_tracebacks() -> None:
    from bot.redact import RedactingFormatter, Redactor, database_password

    password = database_password("postgresql://u:p%40ss%2Fw0rd%21@db:5432/x")
    assert password == "p@ss/w0rd!"
    redactor = Redactor(["123:AAH-secret-half", password, "webhook-s3cret", None, "ab"])
    try:
        raise RuntimeError("GET https://api.telegram.org/bot123:AAH-secret-half/getMe")
    except RuntimeError:
        import sys

        record = logging.makeLogRecord({"msg": "token AAH-secret-half, pw %s, hook %s",
                                        "args": ("p%40ss%2Fw0rd%21", "webhook-s3cret"),
                                        "exc_info": sys.exc_info()})
    for inner in (logging.Formatter(), JsonFormatter()):
        line = RedactingFormatter(inner, redactor).format(record)
        assert "AAH-secret-half" not in line and "webhook-s3cret" not in line
        assert "p%40ss%2Fw0rd%21" not in line and "***" in line
        assert "RuntimeError" in line  # the traceback is kept, only masked
