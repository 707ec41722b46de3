"""`chibo branch|schedule|deadline|reminders …`: the reminder side of the command line."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys

from bot import arguments, texts
from bot.services import Services, utc_now
from jobs.phrases import PhraseError
from jobs.recurrence import VN, occurrences
from jobs.texts import describe, when
from knowledge.replies import ChatRef


class UserError(Exception):
    """Something the operator typed that cannot be used: the message says what and why."""


def _ref(value: str) -> ChatRef:
    """A chat as typed: "telegram:-1001234", "zalo:abc", or a bare Telegram id."""
    platform, _, chat_id = value.strip().rpartition(":")
    platform = platform.lower() or "telegram"
    if platform not in ("telegram", "zalo") or not chat_id or not chat_id.isascii() or (
            platform == "telegram" and not chat_id.lstrip("-").isdigit()):
        raise UserError(texts.BAD_CHAT.format(value=value))
    return ChatRef(platform, chat_id)


async def _branch(services: Services, typed: str):  # noqa: ANN202 (a Branch)
    """A branch by its number or its name (unique, case and spacing ignored)."""
    branches = await services.branches.branches()
    if typed.strip().lstrip("#").isdigit():
        found = [b for b in branches if b.id == int(typed.strip().lstrip("#"))]
    else:
        wanted = " ".join(typed.split()).casefold()
        found = [b for b in branches if b.name.casefold() == wanted]
    if len(found) == 1:
        return found[0]
    known = ", ".join(f"#{b.id} {b.name}" for b in branches[:10]) or texts.NO_BRANCHES_YET
    key = "BRANCH_AMBIGUOUS" if found else "NO_BRANCH"
    raise UserError(getattr(texts, key).format(value=typed, known=known))


def add_parsers(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    branch = sub.add_parser("branch", help=texts.CLI_BRANCH).add_subparsers(
        dest="branch_command", metavar="BRANCH_COMMAND")
    add = branch.add_parser("add", help=texts.CLI_BRANCH_ADD)
    add.add_argument("name")
    add.add_argument("--committee", default="")
    add.add_argument("--chat", help=texts.CLI_CHAT)
    add.add_argument("--secretary", action="append", default=[], help=texts.CLI_SEC)
    branch.add_parser("list", help=texts.CLI_BRANCH_LIST)
    invite = branch.add_parser("invite", help=texts.CLI_BRANCH_INVITE)
    invite.add_argument("name")
    invite.add_argument("--committee", default="")
    deadline = sub.add_parser("deadline", help=texts.CLI_DEADLINE).add_subparsers(
        dest="deadline_command", metavar="DEADLINE_COMMAND")
    new = deadline.add_parser("add", help=texts.CLI_DEADLINE_ADD)
    new.add_argument("title")
    new.add_argument("rule")
    new.add_argument("--committee")
    new.add_argument("--branch", nargs="+", action="extend", dest="branches",
                     help=texts.CLI_DEADLINE_BRANCHES)
    new.add_argument("--target", choices=("secretaries", "group"), default="secretaries")
    deadline.add_parser("list", help=texts.CLI_DEADLINE_LIST)
    done = deadline.add_parser("done", help=texts.CLI_DEADLINE_DONE)
    done.add_argument("deadline", type=int)
    done.add_argument("branch", help=texts.CLI_BRANCH_REF)
    done.add_argument("--date", type=arguments.day)
    progress = deadline.add_parser("progress", help=texts.CLI_DEADLINE_PROGRESS)
    progress.add_argument("deadline", type=int)
    reminders = sub.add_parser("reminders", help=texts.CLI_REMINDERS).add_subparsers(
        dest="reminders_command", metavar="REMINDERS_COMMAND")
    reminders.add_parser("status", help=texts.CLI_REMINDERS_STATUS)
    reminders.add_parser("plan", help=texts.CLI_REMINDERS_PLAN)
    run = reminders.add_parser("run", help=texts.CLI_REMINDERS_RUN)
    run.add_argument("--until-idle", action="store_true", help=texts.CLI_UNTIL_IDLE)
    days = sub.add_parser("holidays", help=texts.CLI_HOLIDAYS)
    days.add_argument("year", type=int)
    days.add_argument("--off", help=texts.CLI_HOLIDAYS_OFF)
    days.add_argument("--work", default="", help=texts.CLI_HOLIDAYS_WORK)
    days.add_argument("--clear", action="store_true", help=texts.CLI_HOLIDAYS_CLEAR)


def wants(args: argparse.Namespace) -> bool:
    return args.command in ("branch", "deadline", "reminders", "holidays") or (
        args.command == "schedule" and args.schedule_command in ("set", "show"))


def add_schedule_parsers(schedule: argparse._SubParsersAction) -> None:  # noqa: SLF001
    put = schedule.add_parser("set", help=texts.CLI_SCHEDULE_SET)
    put.add_argument("branch", help=texts.CLI_BRANCH_REF)
    put.add_argument("rule")
    put.add_argument("--place", default="")
    put.add_argument("--shift", choices=("none", "before", "after"), default="none")
    show = schedule.add_parser("show", help=texts.CLI_SCHEDULE_SHOW)
    show.add_argument("branch", help=texts.CLI_BRANCH_REF)


async def run(services: Services, args: argparse.Namespace) -> int:
    command = args.command
    if command == "holidays":
        return await _holidays(services, args)
    sub = getattr(args, f"{command}_command", None)
    if sub is None:
        return 2
    try:
        return await _HANDLERS[(command, sub)](services, args)
    except (PhraseError, UserError) as exc:
        print(exc, file=sys.stderr)
        return 2


async def _branch_add(services: Services, args: argparse.Namespace) -> int:
    chat = _ref(args.chat) if args.chat else None
    secretaries = [_ref(person) for person in args.secretary]
    name = " ".join(args.name.split())
    if not name:
        raise UserError(texts.INVITE_NEEDS_NAME)
    branch, created = await services.branches.register(name, " ".join(args.committee.split()),
                                                       chat, utc_now())
    for person in secretaries:
        await services.branches.add_member(branch.id, person, "", now=utc_now())
    print(texts.BRANCH_SAVED.format(id=branch.id, name=branch.name,
                                    state="mới" if created else "đã có"))
    return 0


async def _branch_invite(services: Services, args: argparse.Namespace) -> int:
    name = " ".join(args.name.split())[:200]
    if not name:
        print(texts.INVITE_NEEDS_NAME, file=sys.stderr)
        return 2
    invite = await services.reminder_talk.invites.create(
        name, " ".join(args.committee.split())[:200], "cli", utc_now())
    print(texts.INVITE_CODE.format(name=invite.branch_name, code=invite.code,
                                   day=f"{invite.expires_at.astimezone(VN):%d/%m/%Y}"))
    return 0


async def _branch_list(services: Services, args: argparse.Namespace) -> int:
    for branch in await services.branches.branches():
        print(f"#{branch.id:<5} {branch.name} ({branch.committee or '-'})")
    return 0


async def _schedule_set(services: Services, args: argparse.Namespace) -> int:
    branch = await _branch(services, args.branch)
    parsed = await services.branches.set_schedule(branch.id, args.rule, args.place,
                                                  args.shift, utc_now())
    print(texts.SCHEDULE_SAVED.format(text=parsed.explanation))
    _, upcoming = await services.branches.schedule(branch.id, utc_now())
    print(*(f"  • {when(moment)}" for moment in upcoming), sep="\n")
    return 0


async def _schedule_show(services: Services, args: argparse.Namespace) -> int:
    branch = await _branch(services, args.branch)
    schedule, upcoming = await services.branches.schedule(branch.id, utc_now())
    if schedule is None:
        print(texts.NO_SCHEDULE)
        return 1
    print(schedule.phrase)
    for moment in upcoming:
        print(moment.isoformat())
    return 0


async def _deadline_add(services: Services, args: argparse.Namespace) -> int:
    branch_ids = [(await _branch(services, typed)).id for typed in args.branches or []]
    if args.committee is not None:
        committees = {b.committee for b in await services.branches.branches()}
        if args.committee not in committees:
            raise UserError(texts.NO_COMMITTEE.format(
                value=args.committee, known=", ".join(sorted(c for c in committees if c))
                or texts.NO_BRANCHES_YET))
    deadline, parsed = await services.branches.add_deadline(
        args.title, args.rule, committee=args.committee, branch_ids=branch_ids or None,
        target=args.target, by="cli", now=utc_now())
    print(texts.DEADLINE_SAVED.format(id=deadline.id, text=parsed.explanation))
    calendar = await services.days_off.calendar()
    print(*(f"  • {when(moment)}" for moment in occurrences(parsed.rule, utc_now(), 3, calendar)),
          sep="\n")
    return 0


async def _deadline_list(services: Services, args: argparse.Namespace) -> int:
    from jobs.recurrence import from_spec

    for deadline in await services.branches.deadlines():
        print(f"#{deadline.id:<4} {deadline.title} – {describe(from_spec(deadline.spec))}")
    return 0


async def _deadline_done(services: Services, args: argparse.Namespace) -> int:
    from jobs.branches import applies, current_occurrence

    progress = await services.branches.progress(args.deadline, utc_now())
    if progress is None:
        print(texts.NO_DEADLINE.format(id=args.deadline), file=sys.stderr)
        return 1
    branch = await _branch(services, args.branch)
    if not applies(progress.deadline, branch):
        raise UserError(texts.NOT_TARGETED.format(deadline=args.deadline, branch=branch.name))
    day = args.date or current_occurrence(progress.deadline, utc_now())
    new = await services.branches.mark_done(args.deadline, branch.id, day, "cli", utc_now())
    print(texts.DONE_SAVED if new else texts.DONE_ALREADY)
    return 0


async def _deadline_progress(services: Services, args: argparse.Namespace) -> int:
    progress = await services.branches.progress(args.deadline, utc_now())
    if progress is None:
        print(texts.NO_DEADLINE.format(id=args.deadline), file=sys.stderr)
        return 1
    print(texts.render_progress(progress))
    return 0


async def _reminders_status(services: Services, args: argparse.Namespace) -> int:
    from jobs.delivery import outbox_status

    counts, upcoming = await outbox_status(services.db.sessions, utc_now())
    print(texts.render_status(counts, upcoming))
    return 0


async def _reminders_plan(services: Services, args: argparse.Namespace) -> int:
    print(texts.PLANNED.format(count=await services.planner.plan(utc_now())))
    return 0


async def _reminders_run(services: Services, args: argparse.Namespace) -> int:
    """The planner and the sender for every platform whose token is set."""
    s = services.settings
    if not s.telegram_bot_token and not s.zalo_bot_token:
        print(texts.NEED_TOKEN, file=sys.stderr)
        return 2
    async with contextlib.AsyncExitStack() as stack:
        transports: dict = {}
        if s.telegram_bot_token:
            from telegram import Bot

            from handlers.telegram.transport import TelegramTransport

            bot = await stack.enter_async_context(
                Bot(s.telegram_bot_token, base_url=s.telegram_api_base_url))
            transports["telegram"] = TelegramTransport(bot)
        if s.zalo_bot_token:
            from handlers.zalo.client import ZaloClient
            from handlers.zalo.transport import ZaloTransport

            client = ZaloClient(s.zalo_api_base_url, s.zalo_bot_token)
            stack.push_async_callback(client.close)
            transports["zalo"] = ZaloTransport(client)
        runner = services.reminders(transports)
        if args.until_idle:
            print(texts.render_outcomes(await runner.until_idle()))
            return 0
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await runner.start()
        await stop.wait()
        await runner.stop()
    return 0


async def _holidays(services: Services, args: argparse.Namespace) -> int:
    """Print the year's days off; with --off/--work enter the decision, --clear remove it."""
    from jobs.daysoff import DaysError, parse_days
    from jobs.texts import holiday_lines

    if not 1900 <= args.year <= 2199:
        print(texts.CLI_BAD_YEAR, file=sys.stderr)
        return 2
    if args.work and args.off is None:
        print(texts.CLI_WORK_NEEDS_OFF, file=sys.stderr)
        return 2
    if args.clear:
        await services.days_off.clear(args.year, "cli", utc_now())
    elif args.off is not None:
        try:
            off, work = parse_days(args.off, args.year), parse_days(args.work, args.year)
        except DaysError as exc:
            print(exc, file=sys.stderr)
            return 2
        await services.days_off.decide(args.year, off, work, "cli", utc_now())
    print("\n".join(holiday_lines(await services.days_off.calendar(), args.year)))
    return 0


_HANDLERS = {
    ("branch", "add"): _branch_add, ("branch", "list"): _branch_list,
    ("branch", "invite"): _branch_invite,
    ("schedule", "set"): _schedule_set, ("schedule", "show"): _schedule_show,
    ("deadline", "add"): _deadline_add, ("deadline", "list"): _deadline_list,
    ("deadline", "done"): _deadline_done, ("deadline", "progress"): _deadline_progress,
    ("reminders", "status"): _reminders_status, ("reminders", "plan"): _reminders_plan,
    ("reminders", "run"): _reminders_run,
}
