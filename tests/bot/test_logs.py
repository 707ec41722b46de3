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
