"""The guided add-entry conversation; its state lives in the database, so it survives restarts.

question -> answer -> other ways to ask -> source -> preview -> saved. /huy cancels at any step.
Answering a group of the unanswered list is one step: the answer saves the entry at once.
The caller's rights are checked at every step: revoked rights end the dialog, saving nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge import texts
from knowledge.models import DialogState
from knowledge.people.roles import ADMIN, Roles
from knowledge.qa.curation import Curation, InvalidEntry, add_entry, problems, split_list
from knowledge.qa.entries import QADraft
from knowledge.qa.unanswered import Unanswered, resolve_in
from knowledge.replies import ActionOutcome, Button, ChatRef, Reply, Span
from knowledge.text.normalize import fold

ADD = "add_qa"
MAX_ALTERNATES = 5
STEPS = ("question", "answer", "alternates", "citation", "preview")
SKIP = {"-", "bỏ qua", "bo qua", "không", "khong", "k"}


class Dialogs:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], curation: Curation,
                 unanswered: Unanswered, roles: Roles) -> None:
        self.sessions = sessions
        self.curation = curation
        self.unanswered = unanswered
        self.roles = roles

    async def _revoked(self, user: ChatRef) -> bool:
        """Rights are read again at each step; a revoked admin's dialog is dropped."""
        if await self.roles.at_least(user, ADMIN):
            return False
        await self.cancel(user)
        return True

    async def start_add(self, user: ChatRef, now: datetime, question: str = "",
                        group: list[int] | None = None) -> Reply:
        """Begin (or begin again); a question from the unanswered list is filled in."""
        data = {"question": question, "answer": "", "alternates": [], "citation": "",
                "resolves": group or []}
        step = "answer" if question else "question"
        await self._save(user, step, data, now)
        if question:
            return Reply((Span(texts.DIALOG_PREFILLED.format(question=question), "bold"),
                          Span(texts.DIALOG_QUEUE_ANSWER if group else texts.DIALOG_ASK["answer"]),
                          Span(texts.DIALOG_CANCEL_HINT, "italic")))
        return Reply((Span(texts.DIALOG_ASK["question"]), Span(texts.DIALOG_CANCEL_HINT,
                                                                "italic")))

    async def handle(self, user: ChatRef, text: str, now: datetime) -> Reply | None:
        """The next answer of a conversation in progress; None when there is none."""
        state = await self._load(user)
        if state is None:
            return None
        if await self._revoked(user):
            return Reply.plain(texts.DIALOG_RIGHTS_GONE)
        step, data = state.step, dict(state.data)
        text = text.strip()
        if step == "preview":
            return self._preview(data)
        if step in ("alternates", "citation") and text.lower() in SKIP:
            text = ""
        if step == "alternates":
            data["alternates"] = list(split_list(text))
        else:
            data[step] = text
        trouble = _check(step, data)
        if trouble:
            return Reply.plain(texts.DIALOG_INVALID.format(reason=trouble),
                               texts.DIALOG_ASK[step])
        if step == "answer" and data.get("resolves"):  # from the unanswered list: done now
            return await self._save_from_queue(user, data, now)
        following = STEPS[STEPS.index(step) + 1]
        await self._save(user, following, data, now)
        return self._preview(data) if following == "preview" else Reply.plain(
            texts.DIALOG_ASK[following])

    async def act(self, user: ChatRef, action: str, now: datetime) -> ActionOutcome:
        """Preview buttons: save, start again, cancel."""
        state = await self._load(user)
        if state is not None and await self._revoked(user):
            return ActionOutcome(edit=Reply.plain(texts.DIALOG_RIGHTS_GONE))
        if state is None or state.step != "preview":
            return ActionOutcome(notice=texts.DIALOG_GONE)
        if action == "dlg:cancel":
            await self.cancel(user)
            return ActionOutcome(edit=Reply.plain(texts.DIALOG_CANCELLED))
        if action == "dlg:restart":
            return ActionOutcome(edit=await self.start_add(user, now))
        try:
            entry_id = await self._store(user, state.data, now, "preview")
        except InvalidEntry as exc:
            return ActionOutcome(notice=str(exc))
        if entry_id is None:  # pressed twice: the first press saved it
            return ActionOutcome(notice=texts.DIALOG_GONE)
        return ActionOutcome(edit=Reply.plain(texts.DIALOG_SAVED.format(id=entry_id)))

    async def _save_from_queue(self, user: ChatRef, data: dict, now: datetime) -> Reply:
        """The other wordings of the group become ways to ask; the source can follow later."""
        asked = await self.unanswered.wordings(list(data["resolves"]))
        seen, others = {fold(data["question"])}, []
        for wording in asked:  # each distinct wording once, the question itself not again
            if fold(wording) not in seen:
                seen.add(fold(wording))
                others.append(wording)
        data = dict(data, alternates=others[:MAX_ALTERNATES])
        try:
            entry_id = await self._store(user, data, now, "answer")
        except InvalidEntry:  # an odd wording the entry refuses: save without the wordings
            entry_id = await self._store(user, dict(data, alternates=[]), now, "answer")
        if entry_id is None:
            return Reply.plain(texts.DIALOG_GONE)
        return Reply.plain(texts.DIALOG_SAVED_FROM_QUEUE.format(
            id=entry_id, count=len(data["resolves"])), texts.DIALOG_ADD_SOURCE.format(id=entry_id))

    async def _store(self, user: ChatRef, data: dict, now: datetime, step: str) -> int | None:
        """One transaction: the entry, the questions it answers, the end of the dialog."""
        draft = QADraft(data["question"], data["answer"], data["citation"],
                        tuple(data["alternates"]))
        async with self.sessions.begin() as session:
            claimed = await session.execute(delete(DialogState).where(
                DialogState.platform == user.platform, DialogState.user_id == user.chat_id,
                DialogState.step == step))
            if not claimed.rowcount:
                return None
            entry = await add_entry(session, draft, f"{user.platform}:{user.chat_id}", now)
            if data.get("resolves"):
                await resolve_in(session, list(data["resolves"]), now)
            return entry.id

    async def cancel(self, user: ChatRef) -> bool:
        async with self.sessions.begin() as session:
            result = await session.execute(delete(DialogState).where(
                DialogState.platform == user.platform, DialogState.user_id == user.chat_id))
            return bool(result.rowcount)

    def _preview(self, data: dict) -> Reply:
        spans = (
            Span(texts.DIALOG_PREVIEW, "bold"),
            Span(f"{texts.FIELD_NAMES['question']}: {data['question']}"),
            Span(f"{texts.FIELD_NAMES['answer']}: {data['answer']}", "quote"),
            Span(f"{texts.FIELD_NAMES['alternates']}: "
                 f"{' | '.join(data['alternates']) or texts.NONE}"),
            Span(f"{texts.FIELD_NAMES['citation']}: {data['citation'] or texts.NONE}"),
        )
        buttons = ((Button(texts.BUTTON_SAVE, "dlg:save"),
                    Button(texts.BUTTON_RESTART, "dlg:restart"),
                    Button(texts.BUTTON_CANCEL, "dlg:cancel")),)
        return Reply(spans, buttons)

    async def _load(self, user: ChatRef) -> DialogState | None:
        async with self.sessions() as session:
            query = select(DialogState).where(DialogState.platform == user.platform,
                                              DialogState.user_id == user.chat_id,
                                              DialogState.kind == ADD)
            return (await session.execute(query)).scalar_one_or_none()

    async def _save(self, user: ChatRef, step: str, data: dict, now: datetime) -> None:
        async with self.sessions.begin() as session:
            query = select(DialogState).where(DialogState.platform == user.platform,
                                              DialogState.user_id == user.chat_id)
            state = (await session.execute(query)).scalar_one_or_none()
            if state is None:
                state = DialogState(platform=user.platform, user_id=user.chat_id)
                session.add(state)
            state.kind, state.step, state.data, state.updated_at = ADD, step, data, now


def _check(step: str, data: dict) -> str | None:
    """The problem with what was just typed; fields not reached yet get harmless values."""
    position = STEPS.index(step)
    filled = {name: data[name] if STEPS.index(name) <= position else placeholder
              for name, placeholder in (("question", "?" * 10), ("answer", "?" * 10),
                                        ("alternates", []), ("citation", ""))}
    found = problems(QADraft(filled["question"], filled["answer"], filled["citation"],
                             tuple(filled["alternates"])))
    return found[0] if found else None
