"""argparse that answers an operator in Vietnamese: usage, help titles and every parse error."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

from bot import texts

# argparse's own English messages (Python 3.11–3.13), each with its Vietnamese sentence
_MESSAGES = [
    (r"unrecognized arguments: (?P<a>.+)", texts.ARG_UNKNOWN),
    (r"the following arguments are required: (?P<a>.+)", texts.ARG_MISSING),
    (r"argument (?P<a>\S+): invalid choice: (?P<b>.+?) \(choose from (?P<c>.+)\)",
     texts.ARG_CHOICE),
    (r"argument (?P<a>\S+): invalid (?:int|float) value: (?P<b>.+)", texts.ARG_NUMBER),
    (r"argument (?P<a>\S+): invalid \S+ value: (?P<b>.+)", texts.ARG_VALUE),
    (r"argument (?P<a>\S+): expected (?:one|at least one) argument", texts.ARG_NEEDS_VALUE),
    (r"argument (?P<a>\S+): ignored explicit argument (?P<b>.+)", texts.ARG_NO_VALUE),
    (r"ambiguous option: (?P<a>\S+) could match (?P<b>.+)", texts.ARG_AMBIGUOUS),
    (r"argument (?P<a>\S+): (?P<b>.+)", texts.ARG_OTHER),
]


def translate(message: str) -> str:
    """argparse's English error as a Vietnamese sentence (unknown ones keep their words)."""
    for pattern, sentence in _MESSAGES:
        found = re.fullmatch(pattern, message, flags=re.DOTALL)
        if found:
            return sentence.format(**found.groupdict())
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, texts.ARG_USAGE if prefix is None else prefix)


class ChiboParser(argparse.ArgumentParser):
    """Every subcommand's parser is one of these (argparse passes the class down)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = texts.ARG_POSITIONALS
        self._optionals.title = texts.ARG_OPTIONS
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=texts.ARG_HELP)

    def add_argument(self, *names, **kwargs):  # type: ignore[no-untyped-def]
        dest = kwargs.get("dest") or names[-1].lstrip("-")  # values named in Vietnamese
        flag = kwargs.get("action") in ("store_true", "store_false", "help", "count")
        if not flag and kwargs.get("choices") is None:
            kwargs.setdefault("metavar", texts.ARG_NAMES.get(dest))
        return super().add_argument(*names, **kwargs)

    def add_subparsers(self, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("required", True)  # a group alone ("chibo deadline") shows its help
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        if re.fullmatch(r"the following arguments are required: [A-Z_]+_COMMAND", message):
            self.print_help()
            self.exit(2)
        self.print_usage(sys.stderr)
        self.exit(2, texts.ARG_ERROR.format(prog=self.prog, message=translate(message)))


def day(value: str) -> date:
    """A calendar day typed as YYYY-MM-DD."""
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(texts.BAD_DATE.format(value=value)) from exc


def count(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 100:
        raise argparse.ArgumentTypeError(texts.BAD_COUNT)
    return int(value)


def build() -> ChiboParser:
    """The whole `chibo` command tree."""
    from bot import admin_cli, reminders_cli  # they use this module's types

    parser = ChiboParser(prog="chibo", description=texts.CLI_DESCRIPTION)
    parser.add_argument("--debug", action="store_true", help=texts.CLI_DEBUG)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=False)
    run = sub.add_parser("run", help=texts.CLI_RUN)
    run.add_argument("--console", action="store_true", help=texts.CLI_RUN_CONSOLE)
    run.add_argument("--webhook", action="store_true", help=texts.CLI_RUN_WEBHOOK)
    sub.add_parser("console", help=texts.CLI_CONSOLE)
    ask = sub.add_parser("ask", help=texts.CLI_ASK)
    ask.add_argument("question", nargs="*", help=texts.CLI_ASK_QUESTION)
    ask.add_argument("--json", action="store_true", help=texts.CLI_ASK_JSON)
    ask.add_argument("--top", type=int, default=3, help=texts.CLI_ASK_TOP)
    kb = sub.add_parser("kb", help=texts.CLI_KB).add_subparsers(dest="kb_command",
                                                                 metavar="KB_COMMAND")
    kb_import = kb.add_parser("import", help=texts.CLI_KB_IMPORT)
    kb_import.add_argument("paths", nargs="+", type=Path)
    kb.add_parser("list", help=texts.CLI_KB_LIST)
    kb_remove = kb.add_parser("remove", help=texts.CLI_KB_REMOVE)
    kb_remove.add_argument("ids", nargs="+", type=int)
    kb.add_parser("load-defaults", help=texts.CLI_KB_DEFAULTS)
    admin_cli.add_qa_parsers(kb)
    schedule = sub.add_parser("schedule", help=texts.CLI_SCHEDULE).add_subparsers(
        dest="schedule_command", metavar="SCHEDULE_COMMAND")
    preview = schedule.add_parser("preview", help=texts.CLI_SCHEDULE_PREVIEW)
    preview.add_argument("rule", help=texts.CLI_RULE)
    preview.add_argument("--from", dest="start", type=day, default=None, help=texts.CLI_FROM)
    preview.add_argument("--count", type=count, default=5, help=texts.CLI_COUNT)
    preview.add_argument("--shift", choices=("none", "before", "after"), default="none",
                         help=texts.CLI_SHIFT)
    reminders_cli.add_schedule_parsers(schedule)
    reminders_cli.add_parsers(sub)
    admin_cli.add_parsers(sub)
    db = sub.add_parser("db", help=texts.CLI_DB).add_subparsers(dest="db_command",
                                                                 metavar="DB_COMMAND")
    db.add_parser("upgrade", help=texts.CLI_DB_UPGRADE)
    backup = db.add_parser("backup", help=texts.CLI_DB_BACKUP)
    backup.add_argument("path", type=Path, nargs="?")
    return parser
