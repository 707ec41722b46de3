"""What the bot says to a member, for every channel: answers, paging, feedback, help."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge import repository, texts
from knowledge.models import AskedQuestion
from knowledge.people.roles import Roles
from knowledge.replies import ActionOutcome, Button, ChatRef, Reply, Span
from knowledge.search.ranking import Result
from knowledge.search.service import KnowledgeService
from knowledge.smalltalk import small_talk
from knowledge.text.normalize import fold, printable

KEEP_RESULTS = 6


class Conversation:
    """Platform-free conversation logic; channels only translate input and render replies."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        knowledge: KnowledgeService,
        max_chars: int = 500,
        *,
        roles: Roles | None = None,
        per_minute: int = 10,
    ) -> None:
        self.sessions = sessions
        self.knowledge = knowledge
        self.max_chars = max_chars
        self.roles = roles  # set when only registered members may ask
        self.per_minute = per_minute

    def start(self) -> Reply:
        return Reply.plain(texts.START)

    def help(self, extra: tuple[str, ...] = ()) -> Reply:
        """The help text; the router adds the commands this person may use."""
        spans = [Span(texts.HELP_TITLE, "bold"), *(Span(line) for line in texts.HELP_LINES),
                 Span(texts.HELP_EXAMPLES_TITLE, "bold"),
                 *(Span(line, "italic") for line in texts.HELP_EXAMPLES)]
        if extra:
            spans += [Span(extra[0], "bold"), *(Span(line) for line in extra[1:])]
        return Reply(tuple(spans))

    def unsupported(self) -> Reply:
        return Reply.plain(texts.UNSUPPORTED_MESSAGE)

    def unknown_command(self, typed: str = "", near: str | None = None,
                        about: str = "") -> Reply:
        """"Not understood", with the command it was likely meant to be when there is one."""
        if near is None:
            return Reply.plain(texts.UNKNOWN_COMMAND)
        shown = printable(typed).lstrip("/")[:32]
        return Reply.plain(texts.UNKNOWN_COMMAND_NEAR.format(typed=shown, name=near, about=about))

    async def ask(self, chat: ChatRef, user: str | None, question: str, now: datetime) -> Reply:
        """Answer one question, record it (for paging, feedback and the unanswered list)."""
        question = " ".join(printable(question).split())  # no NUL reaches storage
        if not question:
            return Reply.plain(texts.ASK_EMPTY)
        if len(question) > self.max_chars:
            return Reply.plain(texts.ASK_TOO_LONG.format(length=len(question),
                                                         limit=self.max_chars))
        if not fold(question):
            return Reply.plain(texts.ASK_NO_WORDS)
        if self.roles is not None and user and not await self.roles.may_ask(
                ChatRef(chat.platform, user)):
            return Reply.plain(texts.MEMBERS_ONLY)
        chat_kind = small_talk(question)
        if chat_kind:  # a greeting or thanks is neither searched nor logged as unanswered
            return Reply.plain(texts.SMALL_TALK[chat_kind])
        if user and await self._too_fast(user, now):
            return Reply.plain(texts.TOO_MANY_QUESTIONS)
        outcome = await self.knowledge.search(question, top=KEEP_RESULTS)
        results = [r for i, r in enumerate(outcome.results)
                   if r.relevant or (i == 0 and outcome.verdict != "none")]
        choose = outcome.verdict == "choose"  # a question back, not a gap in the documents
        async with self.sessions.begin() as session:  # an unsure reply is logged as unanswered
            asked = await repository.record_question(session, AskedQuestion(
                question=question, normalized=fold(question), found=outcome.found or choose,
                confidence=outcome.confidence, results=[r.key for r in results],
                platform=chat.platform, chat_id=chat.chat_id, user_id=user, asked_at=now,
            ))
        if outcome.verdict == "unsure" and results:
            answer = self._answer(asked.id, results, 0)
            return Reply((Span(texts.UNSURE, "bold"), *answer.spans,
                          Span(texts.UNSURE_HINT, "italic")), answer.buttons)
        if choose:
            return self._choices(asked.id, results, [Span(outcome.note or "", "bold")], 5)
        if not outcome.found:
            return self._not_found(asked.id, results, outcome.note)
        answer = self._answer(asked.id, list(results), 0)
        if outcome.note:  # "Điều 3 không có khoản 5; dưới đây là Điều 3."
            return Reply((Span(outcome.note, "italic"), *answer.spans), answer.buttons)
        return answer

    async def _too_fast(self, user: str, now: datetime) -> bool:
        async with self.sessions() as session:
            recent = await repository.questions_since(session, user, now - timedelta(minutes=1))
        return recent >= self.per_minute

    async def act(self, action: str, user: str, now: datetime) -> ActionOutcome:
        """A button press: "more:<asked>:<rank>" pages, "fb:<asked>:<rank>:<1|0>" votes."""
        parts = action.split(":")
        try:
            kind, asked_id, rank = parts[0], int(parts[1]), int(parts[2])
        except (IndexError, ValueError):
            return ActionOutcome(notice=texts.ACTION_EXPIRED)
        async with self.sessions.begin() as session:
            asked = await repository.asked(session, asked_id)
            if asked is None or not 0 <= rank < max(len(asked.results), 1):
                return ActionOutcome(notice=texts.ACTION_EXPIRED)
            if kind == "fb" and len(parts) == 4 and asked.results:
                helpful = parts[3] == "1"
                await repository.vote(session, asked_id, rank, asked.results[rank], user,
                                      helpful, now)
                return ActionOutcome(
                    notice=texts.FEEDBACK_THANKS if helpful else texts.FEEDBACK_RECORDED_BAD
                )
            keys, question = list(asked.results), asked.question
        if kind != "more":
            return ActionOutcome(notice=texts.ACTION_EXPIRED)
        results = await self._results_for(keys, question)
        if results[rank] is None:
            return ActionOutcome(notice=texts.RESULT_GONE)
        return ActionOutcome(edit=self._answer(asked_id, results, rank))

    async def _results_for(self, keys: list[str], question: str) -> list[Result | None]:
        searcher = await self.knowledge.searcher()
        return searcher.results_for(keys, question)

    def _answer(self, asked_id: int, results: list[Result | None], rank: int) -> Reply:
        result = results[rank]
        assert result is not None
        lead = [Span(texts.KEY_LINE.format(line=result.lead))] if result.lead else []
        spans = [Span(result.citation, "bold"), *lead, Span(result.text, "quote"),
                 Span(texts.RESULT_POSITION.format(rank=rank + 1, total=len(results)), "italic")]
        paging: list[Button] = []  # typed choices keep their numbers on every page
        if rank > 0:
            paging.append(Button(texts.BUTTON_PREVIOUS, f"more:{asked_id}:{rank - 1}", 1))
        if rank + 1 < len(results):
            paging.append(Button(texts.BUTTON_MORE, f"more:{asked_id}:{rank + 1}", 2))
        votes = (Button(texts.BUTTON_HELPFUL, f"fb:{asked_id}:{rank}:1", 3),
                 Button(texts.BUTTON_UNHELPFUL, f"fb:{asked_id}:{rank}:0", 4))
        rows = tuple(row for row in (tuple(paging), votes) if row)
        return Reply(tuple(spans), rows)

    def _not_found(self, asked_id: int, nearest: list[Result], note: str | None) -> Reply:
        """"Not found", and the nearest topics as choices that open their passage."""
        spans = [Span(texts.NOT_FOUND)]
        if note:
            spans.insert(0, Span(note, "bold"))
        if not nearest:
            spans.append(Span(texts.NO_TOPICS, "italic"))
            return Reply(tuple(spans))
        return self._choices(asked_id, nearest, [*spans, Span(texts.NEAREST_TOPICS, "bold")])

    def _choices(self, asked_id: int, results: list[Result], spans: list[Span],
                 most: int = 3) -> Reply:
        """The results' documents as choices (one per citation) that open their passage."""
        topics: dict[str, int] = {}
        for rank, result in enumerate(results):
            topics.setdefault(result.citation.split(" (trích ")[0], rank)
        shown = list(topics.items())[:most]
        spans.extend(Span(f"• {topic}") for topic, _ in shown)
        buttons = tuple((Button(texts.BUTTON_TOPIC.format(title=topic[:48]),
                                f"more:{asked_id}:{rank}"),) for topic, rank in shown)
        return Reply(tuple(spans), buttons)
