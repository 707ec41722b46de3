"""`chibo kb qa …`, `chibo admin …`, `chibo audit`: curation from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot import texts
from bot.services import Services, utc_now
from knowledge.people import audit
from knowledge.qa.bulk import UnreadableSheet, export_csv, export_xlsx, import_entries
from knowledge.replies import ChatRef

ACTOR = "cli"


def add_qa_parsers(kb: argparse._SubParsersAction) -> None:  # noqa: SLF001
    qa = kb.add_parser("qa", help=texts.CLI_QA).add_subparsers(dest="qa_command",
                                                               metavar="QA_COMMAND")
    export = qa.add_parser("export", help=texts.CLI_QA_EXPORT)
    export.add_argument("path", type=Path)
    load = qa.add_parser("import", help=texts.CLI_QA_IMPORT)
    load.add_argument("path", type=Path)
    load.add_argument("--valid-only", action="store_true", help=texts.CLI_VALID_ONLY)
    synonyms = kb.add_parser("synonyms", help=texts.CLI_SYNONYMS).add_subparsers(
        dest="synonyms_command", metavar="SYNONYMS_COMMAND")
    synonyms.add_parser("list", help=texts.CLI_SYNONYMS_LIST)
    add = synonyms.add_parser("add", help=texts.CLI_SYNONYMS_ADD)
    add.add_argument("members", nargs="+", help='"nhậu = uống rượu, bia | say xỉn"')
    remove = synonyms.add_parser("remove", help=texts.CLI_SYNONYMS_REMOVE)
    remove.add_argument("id", type=int)


def _positive(text: str) -> int:
    """A count from 1 to 10,000 (argparse shows the message in place of a traceback)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 10_000:
        raise argparse.ArgumentTypeError(texts.BAD_LIMIT.format(value=text))
    return value


def add_parsers(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    admin = sub.add_parser("admin", help=texts.CLI_ADMIN).add_subparsers(
        dest="admin_command", metavar="ADMIN_COMMAND")
    for name, help_text in (("grant", texts.CLI_GRANT), ("revoke", texts.CLI_REVOKE)):
        command = admin.add_parser(name, help=help_text)
        command.add_argument("user", help="telegram:12345")
        command.add_argument("--name", default="")
    admin.add_parser("list", help=texts.CLI_ADMIN_LIST)
    log = sub.add_parser("audit", help=texts.CLI_AUDIT)
    log.add_argument("--limit", type=_positive, default=20)
    sub.add_parser("unanswered", help=texts.CLI_UNANSWERED)


def wants(args: argparse.Namespace) -> bool:
    return args.command in ("admin", "audit", "unanswered") or (
        args.command == "kb" and args.kb_command in ("qa", "synonyms"))


async def run(services: Services, args: argparse.Namespace) -> int:
    if args.command == "audit":
        for entry in await audit.recent(services.db.sessions, args.limit):
            print(texts.render_audit(entry))
        return 0
    if args.command == "admin":
        return await _admin(services, args)
    if args.command == "unanswered":
        print((await services.admin.unanswered_list()).text)
        return 0
    if args.kb_command == "synonyms":
        return await _synonyms(services, args)
    if args.qa_command == "export":
        if args.path.suffix.lower() not in (".csv", ".xlsx"):
            print(texts.EXPORT_FORMATS.format(suffix=args.path.suffix or "không đuôi"),
                  file=sys.stderr)
            return 2
        entries = await services.curation.all()
        data = export_xlsx(entries) if args.path.suffix.lower() == ".xlsx" else export_csv(entries)
        try:
            args.path.write_bytes(data)
        except OSError as exc:
            print(texts.CANNOT_WRITE.format(path=args.path, reason=exc.strerror), file=sys.stderr)
            return 2
        print(texts.QA_EXPORTED.format(count=len(entries), path=args.path))
        return 0
    if args.qa_command == "import":
        try:
            report = await import_entries(services.curation, args.path.read_bytes(),
                                          args.path.name, all_or_nothing=not args.valid_only,
                                          actor=ACTOR, now=utc_now())
        except (UnreadableSheet, OSError) as exc:
            print(texts.QA_UNREADABLE.format(error=exc), file=sys.stderr)
            return 2
        print(texts.render_qa_import(report))
        return 1 if report.errors else 0
    return 2


async def _admin(services: Services, args: argparse.Namespace) -> int:
    actor = ChatRef("cli", "cli")
    if args.admin_command == "list":
        for grant in await services.roles.admins():
            print(f"{grant.platform}:{grant.user_id} {grant.name}".strip())
        return 0
    if args.admin_command is None:
        return 2
    from bot.config import person_ref

    try:
        person = ChatRef(*person_ref(args.user))
    except ValueError:
        print(texts.BAD_PERSON.format(value=args.user), file=sys.stderr)
        return 2
    if args.admin_command == "grant":
        changed = await services.roles.grant(actor, person, args.name, utc_now())
    else:
        changed = await services.roles.revoke(actor, person, utc_now())
    print(texts.ADMIN_CHANGED if changed else texts.ADMIN_UNCHANGED)
    return 0


async def _synonyms(services: Services, args: argparse.Namespace) -> int:
    """The same service as /dongnghia; what it answers is printed."""
    command = args.synonyms_command
    if command is None:
        return 2
    words = {"list": "", "add": " ".join(getattr(args, "members", [])),
             "remove": f"xoa {getattr(args, 'id', '')}"}[command]
    reply = await services.vocabulary.chat("cli", words, utc_now())
    print(reply.text)
    ok = command == "list" or reply.text.startswith(("Đã thêm", "Đã xóa"))
    return 0 if ok else 1
