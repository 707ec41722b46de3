"""Whatever a person types after any command, or whatever a button carries, the bot answers
politely: no exception escapes a handler, and what a member without rights sends changes
nothing (Hypothesis throws the input)."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.services import Services
from handlers.commands import COMMANDS
from handlers.console.channel import ConsoleChannel
from knowledge.replies import ChatRef

NAMES = sorted(c.name for c in COMMANDS if c.name not in ("themhoidap", "xuathoidap"))
ARGS = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["²", "١٢", "0", "-1", "99999999999999999999", "1e400", "\x00", "|", "||",
                     "a | b | c | d", "2027 | nghỉ: 30/2", "2027 | làm:", "ABCDEFGH", "#",
                     "telegram:abc", "ngày 01/01/0001 | x | lùi", "2027 | xóa", "xlsx"]),
)
MEMBER = ChatRef("console", "1001")
PEOPLE = [ChatRef("console", "local"), MEMBER]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), args=ARGS, who=st.sampled_from(PEOPLE))
async def test_any_arguments_to_any_command_get_an_answer(services: Services, name: str,
                                                          args: str, who: ChatRef) -> None:
    out = io.StringIO()
    before = await _stored(services)
    await ConsoleChannel(services, io.StringIO(), out, user=who).handle(f"/{name} {args}")
    assert out.getvalue().strip()
    if who == MEMBER:
        assert await _stored(services) == before, f"/{name} {args!r} changed something"


# what only someone with rights may change (a member's questions are logged on purpose)
GUARDED = ("documents", "qa_entries", "admins", "known_members", "synonym_groups", "branches",
           "branch_chats", "branch_members", "schedules", "deadlines", "branch_invites",
           "official_days", "completions", "outbox", "audit_log")


async def _stored(services: Services) -> dict[str, int]:
    from sqlalchemy import text

    async with services.db.sessions() as session:
        return {table: (await session.execute(text(f"SELECT count(*) FROM {table}")))
                .scalar_one() for table in GUARDED}


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.text(max_size=40), st.from_regex(r"done:[0-9²]{0,3}:[0-9]{0,3}:.{0,12}",
                                                          fullmatch=True)))
async def test_any_button_data_gets_a_polite_notice(services: Services, data: str) -> None:
    from handlers.commands import caller
    from handlers.router import Incoming
    from knowledge.clock import utc_now

    who = await caller(services, Incoming(ChatRef("console", "1001"),
                                          ChatRef("console", "local"), "A", True, "",
                                          utc_now()))
    before = await _stored(services)
    outcome = await services.reminder_talk.press_done(data, who, utc_now())
    assert outcome.notice
    assert await _stored(services) == before


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.one_of(st.text(min_size=1, max_size=20).filter(lambda t: not t[0].isspace()),
                      st.sampled_from(["lich", "hạn", "LICHHOP@bot", "deadline", "x" * 200,
                                       "<b>", "@", "hanchot@", "đ"])))
async def test_any_unknown_command_gets_a_reply_naming_at_most_a_real_command(
        services: Services, name: str) -> None:
    out = io.StringIO()
    await ConsoleChannel(services, io.StringIO(), out).handle(f"/{name}")
    said = out.getvalue()
    assert said.strip()
    if "Có phải đồng chí muốn gõ /" in said:
        meant = said.split("muốn gõ /", 1)[1].split(" ", 1)[0]
        assert meant in {c.name for c in COMMANDS}
