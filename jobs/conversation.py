"""Reminder commands for every channel: register, schedule, deadlines, done, progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from jobs import texts
from jobs.branches import BranchService
from jobs.daysoff import DaysError, DaysOffService, parse_days
from jobs.invites import InviteError, Invites, looks_like_code
from jobs.phrase_texts import notes
from jobs.phrases import PhraseError
from jobs.recurrence import VN, from_spec, occurrences
from knowledge.ids import ascii_number, parse_id
from knowledge.replies import ActionOutcome, Button, ChatRef, Reply, Span
from knowledge.text.normalize import fold as fold_word

SHIFT_WORDS = {"lui": "after", "lùi": "after", "sau": "after", "som": "before",
               "sớm": "before", "truoc": "before", "trước": "before"}


@dataclass(frozen=True)
class Caller:
    """Who typed a command, where, and with which rights (the channel finds them out)."""

    chat: ChatRef
    user: ChatRef
    name: str
    in_group: bool
    group_admin: bool
    bot_admin: bool


def _parts(args: str) -> list[str]:
    return [part.strip() for part in args.split("|")]


def _who(caller: Caller) -> str:
    return f"{caller.user.platform}:{caller.user.chat_id}"


def _replaced(chats: list[str]) -> tuple[str, ...]:
    return (texts.REPLACED_CHATS.format(count=len(chats)),) if chats else ()


class ReminderConversation:
    def __init__(self, branches: BranchService, invites: Invites,
                 days_off: DaysOffService) -> None:
        self.branches = branches
        self.invites = invites
        self.days_off = days_off

    async def register(self, caller: Caller, args: str, now: datetime) -> Reply:
        """/dangky <mã> from the committee, or /dangky Tên | Cấp ủy by an admin in the group."""
        if not caller.in_group:
            return Reply.plain(texts.ONLY_IN_GROUP.format(command="/dangky"))
        text = args.strip()
        if not text:
            return Reply.plain(texts.REGISTER_USAGE)
        if looks_like_code(text):
            try:
                bound = await self.invites.redeem(text, caller.chat, caller.user, caller.name,
                                                  now)
            except InviteError as exc:
                return Reply.plain(texts.CODE_REFUSED[str(exc)])
            return Reply.plain(texts.REGISTERED_WITH_CODE.format(name=bound.branch.name,
                                                                 person=caller.name),
                               *_replaced(bound.replaced), texts.NEXT_STEPS)
        if not caller.bot_admin:
            return Reply.plain(texts.NEED_CODE)
        parts = _parts(text)
        committee = parts[1] if len(parts) > 1 else ""
        branch, created = await self.branches.register(parts[0][:200], committee[:200],
                                                       caller.chat, now, actor=_who(caller))
        template = texts.REGISTERED if created else texts.REBOUND
        return Reply.plain(template.format(name=branch.name), texts.NEXT_STEPS)

    async def invite(self, caller: Caller, args: str, now: datetime) -> Reply:
        """/maduky Tên chi bộ | Cấp ủy — an admin gets a one-time code for the secretary."""
        if not caller.bot_admin:
            return Reply.plain(texts.ONLY_BOT_ADMINS)
        if caller.in_group:
            return Reply.plain(texts.INVITE_PRIVATE_ONLY)
        parts = _parts(args)
        if not parts[0]:
            return Reply.plain(texts.INVITE_USAGE)
        committee = parts[1][:200] if len(parts) > 1 else ""
        invite = await self.invites.create(parts[0][:200], committee, _who(caller), now)
        return Reply((Span(texts.INVITE_MADE.format(name=invite.branch_name)),
                      Span(f"/dangky {invite.code}", "bold"),
                      Span(texts.INVITE_HOW.format(day=texts.day_text(invite.expires_at)))))

    async def secretary(self, caller: Caller, args: str, now: datetime) -> Reply:
        """/bithu [phó]: a group admin claims a role nobody holds yet; officers and admins too."""
        branch = await self.branches.branch_of_chat(caller.chat)
        if branch is None:
            return Reply.plain(texts.NOT_REGISTERED)
        role = "deputy" if args.strip().lower() in ("pho", "phó", "pho bi thu", "phó bí thư") \
            else "secretary"
        allowed = await self._officer(caller, branch.id) or (
            caller.group_admin and not await self.branches.holds_role(branch.id, role))
        if not allowed:
            return Reply.plain(texts.ROLE_TAKEN.format(role=texts.ROLES[role])
                               if caller.group_admin else texts.ONLY_GROUP_ADMINS)
        await self.branches.add_member(branch.id, caller.user, caller.name, role,
                                       actor=_who(caller), now=now)
        return Reply.plain(texts.SECRETARY_SAVED.format(
            name=caller.name, role=texts.ROLES[role], branch=branch.name))

    async def set_schedule(self, caller: Caller, args: str, now: datetime) -> Reply:
        """/datlich ngày 5 hằng tháng lúc 19h30 | Nhà văn hóa thôn | lùi"""
        branch = await self.branches.branch_of_chat(caller.chat)
        if branch is None:
            return Reply.plain(texts.NOT_REGISTERED)
        if not await self._officer(caller, branch.id):
            return Reply.plain(texts.ONLY_OFFICERS)
        parts = _parts(args)
        if not parts[0]:
            return Reply.plain(texts.SCHEDULE_USAGE)
        place = parts[1][:200] if len(parts) > 1 else ""
        shift = SHIFT_WORDS.get(parts[2].lower(), "none") if len(parts) > 2 else "none"
        try:
            parsed = await self.branches.set_schedule(branch.id, parts[0], place, shift, now,
                                                      actor=_who(caller))
        except PhraseError as exc:
            return Reply.plain(str(exc))
        return await self._schedule_reply(branch.id, now, texts.SCHEDULE_SET.format(
            text=parsed.explanation), notes(parsed.rule))

    async def show_schedule(self, caller: Caller, now: datetime) -> Reply:
        branch = await self.branches.branch_of_chat(caller.chat)
        if branch is None:
            return Reply.plain(texts.NOT_REGISTERED)
        return await self._schedule_reply(branch.id, now, None)

    async def _schedule_reply(self, branch_id: int, now: datetime, head: str | None,
                              extra: list[str] | None = None) -> Reply:
        schedule, upcoming = await self.branches.schedule(branch_id, now)
        if schedule is None:
            return Reply.plain(texts.NO_SCHEDULE_YET)
        lines = [Span(head or texts.describe(from_spec(schedule.spec)), "bold")]
        lines.extend(Span(note) for note in extra or ())
        if schedule.place:
            lines.append(Span(texts.PLACE.format(place=schedule.place)))
        lines.append(Span(texts.UPCOMING))
        lines.extend(Span(f"• {texts.when(moment)}") for moment in upcoming)
        return Reply(tuple(lines))

    async def add_deadline(self, caller: Caller, args: str, now: datetime) -> Reply:
        """/themhanchot Tiêu đề | lịch [| nhóm] — bot admins only, for every branch."""
        if not caller.bot_admin:
            return Reply.plain(texts.ONLY_BOT_ADMINS)
        parts = _parts(args)
        if len(parts) < 2 or not parts[0] or not parts[1]:
            return Reply.plain(texts.DEADLINE_USAGE)
        target = "group" if len(parts) > 2 and parts[2].lower() in ("nhom", "nhóm") \
            else "secretaries"
        try:
            deadline, parsed = await self.branches.add_deadline(
                parts[0][:300], parts[1], target=target, by=_who(caller), now=now)
        except PhraseError as exc:
            return Reply.plain(str(exc))
        upcoming = occurrences(parsed.rule, now, 3, await self.days_off.calendar())
        return Reply((Span(texts.DEADLINE_ADDED.format(id=deadline.id, title=deadline.title,
                                                       text=parsed.explanation), "bold"),
                      *(Span(note) for note in notes(parsed.rule)), Span(texts.UPCOMING),
                      *(Span(f"• {texts.when(moment)}") for moment in upcoming)))

    async def deadlines(self, caller: Caller, now: datetime) -> Reply:
        """/hanchot — the deadlines of this group's branch, or of the caller's branches."""
        branches = await self._branches_of(caller)
        if not branches:
            return Reply.plain(texts.NOT_REGISTERED if caller.in_group else texts.NO_BRANCHES)
        spans: list[Span] = []
        buttons: list[tuple[Button, ...]] = []
        for branch in branches:
            spans.append(Span(branch.name, "bold"))
            items = await self.branches.deadlines_for(branch, now)
            done = await self.branches.completed(branch.id, items)
            if not items:
                spans.append(Span(texts.NO_DEADLINES))
            for deadline, day in items:
                mark = "✅" if (deadline.id, day) in done else "⬜"
                spans.append(Span(f"{mark} #{deadline.id} {deadline.title} – {day:%d/%m/%Y}"))
                if (deadline.id, day) not in done:
                    buttons.append((Button(texts.DONE_BUTTON.format(id=deadline.id),
                                           f"done:{deadline.id}:{branch.id}:{day}"),))
        return Reply(tuple(spans), tuple(buttons[:8]))

    async def done(self, caller: Caller, args: str, now: datetime) -> Reply:
        """/xong <mã hạn chót> — for this group's branch or the secretary's only branch."""
        branches = await self._branches_of(caller)
        if not branches:
            return Reply.plain(texts.NOT_REGISTERED if caller.in_group else texts.NO_BRANCHES)
        if len(branches) > 1:
            return Reply.plain(texts.DONE_WHICH_BRANCH)
        if not await self._officer(caller, branches[0].id):
            return Reply.plain(texts.ONLY_OFFICERS)
        deadline_id = parse_id(args)
        if deadline_id is None:
            return Reply.plain(texts.DONE_USAGE)
        items = dict((d.id, day) for d, day in await self.branches.deadlines_for(branches[0], now))
        if deadline_id not in items:
            return Reply.plain(texts.NO_SUCH_DEADLINE.format(id=deadline_id))
        return await self._mark(deadline_id, branches[0].id, items[deadline_id], caller, now)

    async def press_done(self, action: str, caller: Caller, now: datetime) -> ActionOutcome:
        """The "✅ Đã xong" button: done:<deadline>:<branch>:<YYYY-MM-DD>, checked against the
        database (the deadline applies to the branch and that day is the one due) and the
        presser's current rights; anything else is an old or forged button."""
        parts = action.split(":")
        deadline_id, branch_id = (parse_id(p) for p in (parts + ["", ""])[1:3])
        try:
            occurrence = date.fromisoformat(parts[3]) if len(parts) == 4 else None
        except ValueError:
            occurrence = None
        if deadline_id is None or branch_id is None or occurrence is None:
            return ActionOutcome(notice=texts.OLD_BUTTON)
        if not await self._officer(caller, branch_id):
            return ActionOutcome(notice=texts.NOT_YOUR_BRANCH)
        branch = await self.branches.branch(branch_id)
        due = dict((d.id, day) for d, day in await self.branches.deadlines_for(branch, now)) \
            if branch is not None else {}
        if due.get(deadline_id) != occurrence:
            return ActionOutcome(notice=texts.OLD_BUTTON)
        reply = await self._mark(deadline_id, branch_id, occurrence, caller, now)
        return ActionOutcome(notice=reply.text)

    async def _mark(self, deadline_id: int, branch_id: int, day: date, caller: Caller,
                    now: datetime) -> Reply:
        new = await self.branches.mark_done(deadline_id, branch_id, day, _who(caller), now)
        return Reply.plain(texts.MARKED_DONE if new else texts.ALREADY_DONE)

    async def progress(self, caller: Caller, args: str, now: datetime) -> Reply:
        """/tiendo [mã] — admins see which branches have finished and which have not."""
        if not caller.bot_admin:
            return Reply.plain(texts.ONLY_BOT_ADMINS)
        wanted = args.strip().lstrip("#")
        deadlines = await self.branches.deadlines()
        if ascii_number(wanted):
            deadlines = [d for d in deadlines if d.id == int(wanted)]
        if not deadlines:
            return Reply.plain(texts.NO_DEADLINES)
        spans: list[Span] = []
        for deadline in deadlines[:10]:
            report = await self.branches.progress(deadline.id, now)
            if report is None:
                continue
            spans.append(Span(texts.PROGRESS_LINE.format(
                id=deadline.id, title=deadline.title, day=f"{report.occurrence:%d/%m/%Y}"
                if report.occurrence else "-", done=len(report.done),
                total=len(report.done) + len(report.pending)), "bold"))
            spans.extend(Span(f"⬜ {b.name}") for b in report.pending[:30])
        return Reply(tuple(spans))

    async def holidays(self, caller: Caller, args: str, now: datetime) -> Reply:
        """/ngaynghi [năm] — the public days off a meeting moves away from."""
        text = args.strip() or str(now.astimezone(VN).year)
        if not (ascii_number(text) and 1900 <= int(text) <= 2199):
            return Reply.plain(texts.HOLIDAYS_USAGE)
        lines = texts.holiday_lines(await self.days_off.calendar(), int(text))
        return Reply((Span(lines[0], "bold"), *(Span(line) for line in lines[1:])))

    async def decide_holidays(self, caller: Caller, args: str, now: datetime) -> Reply:
        """/datngaynghi 2027 | nghỉ: 5/2-11/2, 1/9-2/9 | làm: 20/2 (or | xóa) — admins."""
        if not caller.bot_admin:
            return Reply.plain(texts.ONLY_BOT_ADMINS)
        parts = _parts(args)
        if not (ascii_number(parts[0]) and 1900 <= int(parts[0]) <= 2199) or len(parts) < 2:
            return Reply.plain(texts.DECIDE_USAGE)
        year = int(parts[0])
        if fold_word(parts[1]) in ("xoa", "xoa bo"):
            cleared = await self.days_off.clear(year, _who(caller), now)
            return Reply.plain((texts.DECISION_CLEARED if cleared else texts.NO_DECISION)
                               .format(year=year))
        lists: dict[str, set[date]] = {"nghi": set(), "lam": set()}
        for part in parts[1:]:
            label, _, days = part.partition(":")
            if fold_word(label) not in lists or not days.strip():
                return Reply.plain(texts.DECIDE_USAGE)
            try:
                lists[fold_word(label)] |= parse_days(days, year)
            except DaysError as exc:
                return Reply.plain(str(exc))
        await self.days_off.decide(year, lists["nghi"], lists["lam"], _who(caller), now)
        lines = texts.holiday_lines(await self.days_off.calendar(), year)
        return Reply((Span(texts.DECIDED.format(year=year, off=len(lists["nghi"]),
                                                work=len(lists["lam"])), "bold"),
                      *(Span(line) for line in lines)))

    async def _officer(self, caller: Caller, branch_id: int) -> bool:
        """The branch's secretary or deputy, or an admin: not any member or group admin."""
        return caller.bot_admin or await self.branches.is_officer(branch_id, caller.user)

    async def _branches_of(self, caller: Caller) -> list:
        if caller.in_group:
            branch = await self.branches.branch_of_chat(caller.chat)
            return [branch] if branch else []
        return await self.branches.branches_of_member(caller.user)

