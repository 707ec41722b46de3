"""The `chibo` command line: run the bot, chat in the console, ask, manage the knowledge base."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import socket
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime, time, timedelta

from pydantic import ValidationError

from bot import admin_cli, arguments, logs, reminders_cli, texts
from bot.config import LEGACY_DATA_DIR, Settings, default_data_dir, load_settings, problems
from bot.database import DatabaseUnusable, SchemaTooNew
from bot.redact import Redactor
from bot.services import Services, build_services, utc_now

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    parser = arguments.build()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except ValidationError as exc:
        lines = "\n".join(f"  - {line}" for line in problems(exc))
        print(texts.SETTINGS_WRONG.format(lines=lines), file=sys.stderr)
        return 2
    redactor = Redactor.for_settings(settings)
    logs.configure(settings.log_level, settings.log_format, redactor)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return _dispatch(parser, args, settings, redactor)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `chibo ask --json … | head`: the reader has what it wanted
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (Python flushes it at exit)
        return 0
    except SchemaTooNew as exc:
        print(texts.SCHEMA_TOO_NEW.format(revision=exc), file=sys.stderr)
    except Exception as exc:  # a refused token, an unreachable server: a sentence, not a trace
        message = _known_failure(exc)
        if message is None:
            if args.debug:
                raise
            log.debug("unexpected failure", exc_info=True)
            print(redactor(texts.UNEXPECTED.format(error=f"{type(exc).__name__}: {exc}")),
                  file=sys.stderr)
            return 1
        log.debug("start-up failed", exc_info=True)
        print(redactor(message), file=sys.stderr)
    return 2


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace,
              settings: Settings, redactor: Redactor) -> int:
    if args.command == "schedule" and args.schedule_command == "preview":
        return _preview(args, settings)
    if admin_cli.wants(args):
        return asyncio.run(_with_services(settings, lambda s: admin_cli.run(s, args)))
    if reminders_cli.wants(args):
        return asyncio.run(_with_services(settings, lambda s: reminders_cli.run(s, args)))
    if args.command in ("run", "console"):
        return _serve(args, settings, redactor)
    handler = _COMMANDS.get(args.command)
    if handler is None or (args.command == "kb" and not args.kb_command) or (
        args.command == "db" and not args.db_command
    ):
        with contextlib.suppress(SystemExit):
            parser.parse_args([args.command, "--help"])
        return 2
    return asyncio.run(_with_services(settings, lambda s: handler(s, args)))


def _known_failure(exc: BaseException) -> str | None:
    """What an operator should read for a failure outside the bot: token, network, database."""
    from sqlalchemy.exc import DBAPIError, InterfaceError
    from telegram.error import InvalidToken, NetworkError

    from bot.runtime import PortTaken

    if isinstance(exc, PortTaken):
        return texts.PORT_TAKEN.format(host=exc.host, port=exc.port, reason=exc.reason)
    if isinstance(exc, DatabaseUnusable):
        return texts.DATABASE_UNUSABLE.format(error=exc)
    if isinstance(exc, InvalidToken):
        return texts.TOKEN_REFUSED
    from handlers.zalo.client import ZaloError

    if isinstance(exc, ZaloError):
        return texts.ZALO_REFUSED.format(error=exc)
    if isinstance(exc, NetworkError):
        return texts.TELEGRAM_UNREACHABLE.format(error=exc)
    if isinstance(exc, DBAPIError | InterfaceError | ConnectionError | socket.gaierror):
        return texts.DATABASE_UNREACHABLE.format(error=f"{type(exc).__name__}: {exc}")
    return None


def _preview(args: argparse.Namespace, settings: Settings) -> int:
    """The next occurrences as ISO datetimes on stdout (one per line, for scripts); what was
    understood, in words, on stderr (for the person typing)."""
    from jobs.holidays import DaysOff
    from jobs.phrase_texts import notes
    from jobs.phrases import PhraseError, parse
    from jobs.recurrence import VN, occurrences

    try:
        parsed = parse(args.rule, shift=args.shift)
    except PhraseError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(texts.UNDERSTOOD.format(text=parsed.explanation), *notes(parsed.rule),
          file=sys.stderr)
    start = args.start or datetime.now(VN).date()
    after = datetime.combine(start, time.min, VN) - timedelta(microseconds=1)
    found = occurrences(parsed.rule, after, args.count, DaysOff(settings.rest_day_numbers))
    for moment in found:
        print(moment.isoformat())
    if not found:
        print(texts.NOTHING_AHEAD.format(day=start.strftime("%d/%m/%Y")), file=sys.stderr)
        return 1
    return 0


async def _with_services(settings: Settings, body: Callable[[Services], Awaitable[int]]) -> int:
    if not _database_found(settings):
        return 2
    services = await build_services(settings)
    try:
        return await body(services)
    finally:
        await services.close()


def _database_found(settings: Settings) -> bool:
    """A new SQLite file is said, not silently made; one beside an old ./data/chibo.db is
    refused, so a command never works on an empty database while the real one sits there."""
    if settings.database_url:
        return True
    path = (settings.data_dir / "chibo.db").resolve()
    if path.exists():
        return True
    legacy = (LEGACY_DATA_DIR / "chibo.db").resolve()
    if legacy.exists() and settings.data_dir == default_data_dir():
        print(texts.LEGACY_DATABASE.format(path=legacy, folder=legacy.parent,
                                           default=path.parent), file=sys.stderr)
        return False
    print(texts.NEW_DATABASE.format(path=path), file=sys.stderr)
    return True


def _serve(args: argparse.Namespace, settings: Settings, redactor: Redactor) -> int:
    """`chibo run`: every chat platform whose token is set (polling or webhook), else the
    console."""
    from bot.runtime import Runtime

    channels: list = []
    webhook = args.command == "run" and args.webhook
    wanted = args.command == "run" and not args.console
    if wanted and settings.telegram_bot_token:
        from handlers.telegram.channel import TelegramChannel

        if webhook and not settings.webhook_secret:
            print(texts.NEED_SECRET, file=sys.stderr)
            return 2
        channels.append(TelegramChannel(settings, webhook=webhook))
    if wanted and settings.zalo_bot_token:
        from handlers.zalo.channel import ZaloChannel

        if webhook and not settings.zalo_webhook_secret:
            print(texts.NEED_ZALO_SECRET, file=sys.stderr)
            return 2
        channels.append(ZaloChannel(settings, webhook=webhook))
    if not channels and webhook:
        print(texts.WEBHOOK_NEEDS_TOKEN, file=sys.stderr)
        return 2
    if not channels:
        from handlers.console.terminal import TerminalChannel

        if wanted:
            print(texts.NO_TOKEN_CONSOLE, file=sys.stderr)
        root = logging.getLogger()  # the terminal is the chat: routine lines stay out of it
        root.setLevel(max(root.level, logging.WARNING))
        channels.append(TerminalChannel(sys.stdin, sys.stdout))
        webhook = False
    if not _database_found(settings):
        return 2
    runtime = Runtime(settings, channels, webhook=webhook,  # a retry quotes the platform's error
                      tell=lambda line: print(redactor(line), file=sys.stderr))
    asyncio.run(runtime.serve())
    return 0


async def _ask(services: Services, args: argparse.Namespace) -> int:
    """One question from the arguments, or one per line of standard input (the eval runner)."""
    if not args.question and sys.stdin.isatty():
        print(texts.ASK_TYPE_LINES, file=sys.stderr)
    questions = [" ".join(args.question)] if args.question else (
        line.rstrip("\n") for line in sys.stdin
    )
    asked = 0
    for question in questions:
        asked += 1
        outcome = await services.knowledge.search(question, top=max(args.top, 1))
        if args.json:
            print(json.dumps({
                "question": question, "found": outcome.found, "note": outcome.note,
                "results": [{"text": r.text, "source": r.citation, "score": r.score,
                             "lead": r.lead} for r in outcome.results],
            }, ensure_ascii=False), flush=True)
            continue
        print(texts.ASK_HEADER.format(question=question))
        if outcome.verdict == "choose":
            print(outcome.note)
        elif not outcome.found:
            print(texts.ASK_NOT_FOUND + (f" {outcome.note}" if outcome.note else ""))
        elif outcome.note:
            print(outcome.note)
        for rank, result in enumerate(outcome.results, 1):
            lead = f"{texts.ASK_LEAD.format(line=result.lead)}\n" if result.lead else ""
            print(f"[{rank}] {result.citation} (điểm {result.score:.2f})\n{lead}{result.text}\n")
    if not asked:
        print(texts.ASK_NOTHING, file=sys.stderr)
        return 2
    return 0


async def _kb(services: Services, args: argparse.Namespace) -> int:
    if args.kb_command == "import":
        from bot.progress import ProgressBar

        bar = ProgressBar(sys.stderr)
        reports = await services.importer.import_paths(args.paths, utc_now(), bar.update)
        bar.finish()
        print(texts.render_import_summary(reports))
        if any(r.status in ("imported", "replaced") for r in reports):
            print(texts.KB_INDEXING, file=sys.stderr)
            await services.knowledge.prepare()
        return 1 if all(r.status == "failed" for r in reports) else 0  # none at all: 1 too
    if args.kb_command == "list":
        docs = await services.importer.list()
        print(texts.render_document_list(docs))
        return 0
    if args.kb_command == "remove":
        code = 0
        for doc_id in args.ids:
            removed = await services.importer.remove(doc_id)
            if removed is None:
                print(texts.KB_REMOVE_MISSING.format(id=doc_id), file=sys.stderr)
                code = 1
            else:
                print(texts.KB_REMOVED.format(id=doc_id, citation=removed.citation))
        return code
    added = await services.qa.load_defaults(utc_now())
    print(texts.DEFAULTS_LOADED.format(count=added))
    return 0


async def _db(services: Services, args: argparse.Namespace) -> int:
    if args.db_command == "backup":
        if not services.db.url.startswith("sqlite"):
            print(texts.PG_BACKUP)
            return 0
        stamp = utc_now().strftime("%Y%m%d-%H%M%S")
        target = args.path or services.settings.data_dir / "backups" / f"chibo-{stamp}.db"
        try:
            print(texts.BACKED_UP.format(path=services.db.backup(target)))
        except OSError as exc:
            print(texts.CANNOT_WRITE.format(path=target, reason=exc.strerror or exc),
                  file=sys.stderr)
            return 2
        return 0
    print(texts.DB_AT_REVISION.format(revision=await services.db.schema_revision()))
    return 0


_COMMANDS: dict[str, Callable[[Services, argparse.Namespace], Awaitable[int]]] = {
    "ask": _ask, "kb": _kb, "db": _db,
}

if __name__ == "__main__":
    sys.exit(main())
