"""Admins curate Q&A entries: add, edit a field, hide or show again; every change audited."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge import repository
from knowledge.models import QAEntry
from knowledge.people import audit
from knowledge.qa.entries import QADraft
from knowledge.text.normalize import fold, nfc

FIELDS = ("question", "answer", "alternates", "citation", "tags")
LIMITS = {"question": (5, 500), "answer": (5, 4000), "citation": (0, 300)}
MAX_ALTERNATES, MAX_ITEM = 20, 300


class InvalidEntry(ValueError):
    """A Q&A entry that breaks a rule; the message is shown to the admin as it is."""


@dataclass(frozen=True)
class ImportedRow:
    line: int
    entry_id: int | None
    draft: QADraft
    active: bool


@dataclass(frozen=True)
class Applied:
    created: int
    updated: int
    unchanged: int


def problems(draft: QADraft) -> list[str]:
    """Everything wrong with an entry, in Vietnamese, empty when it is fine."""
    found = []
    for name, (low, high) in LIMITS.items():
        value = getattr(draft, name).strip()
        if not low <= len(value) <= high:
            found.append(f"{LABELS[name]} phải dài {low}–{high} ký tự (hiện {len(value)})")
    if len(draft.alternates) > MAX_ALTERNATES:
        found.append(f"tối đa {MAX_ALTERNATES} cách hỏi khác")
    if any(len(item) > MAX_ITEM for item in (*draft.alternates, *draft.tags)):
        found.append(f"mỗi cách hỏi khác / thẻ tối đa {MAX_ITEM} ký tự")
    return found


LABELS = {"question": "câu hỏi", "answer": "câu trả lời", "citation": "nguồn",
          "alternates": "cách hỏi khác", "tags": "thẻ"}


def question_key(question: str) -> str:
    """Two questions are the same entry when they differ only in case and spacing."""
    return " ".join(nfc(question).lower().split())


def split_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.replace("\n", "|").split("|") if part.strip())


def snapshot(entry: QAEntry) -> dict:
    return {"question": entry.question, "alternates": list(entry.alternates),
            "answer": entry.answer, "citation": entry.citation, "tags": list(entry.tags),
            "active": entry.active}


class Curation:
    """Owns the unit of work of every change to Q&A entries; bumps the index version."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions

    async def add(self, draft: QADraft, actor: str, now: datetime) -> QAEntry:
        async with self.sessions.begin() as session:
            return await add_entry(session, draft, actor, now)

    async def edit(self, entry_id: int, field: str, value: str, actor: str,
                   now: datetime) -> QAEntry | None:
        if field not in FIELDS:
            raise InvalidEntry(f"không có trường \"{field}\"; chọn một trong: {', '.join(FIELDS)}")
        async with self.sessions.begin() as session:
            entry = await session.get(QAEntry, entry_id)
            if entry is None:
                return None
            before = snapshot(entry)
            draft = _draft(entry)
            new = split_list(value) if field in ("alternates", "tags") else value.strip()
            draft = _clean(replace(draft, **{field: new}))
            if errors := problems(draft):
                raise InvalidEntry("; ".join(errors))
            _fill(entry, draft, actor, now)
            audit.record(session, actor, f"qa.edit.{field}", f"qa:{entry_id}", before,
                         snapshot(entry), now)
            await repository.bump_version(session)
            return entry

    async def set_active(self, entry_id: int, active: bool, actor: str,
                         now: datetime) -> QAEntry | None:
        async with self.sessions.begin() as session:
            entry = await session.get(QAEntry, entry_id)
            if entry is None or entry.active == active:
                return entry
            before = snapshot(entry)
            entry.active, entry.updated_by, entry.updated_at = active, actor, now
            audit.record(session, actor, "qa.show" if active else "qa.hide", f"qa:{entry_id}",
                         before, snapshot(entry), now)
            await repository.bump_version(session)
            return entry

    async def get(self, entry_id: int) -> QAEntry | None:
        async with self.sessions() as session:
            return await session.get(QAEntry, entry_id)

    async def rows(self) -> list:
        """Every entry as a plain row (id, question, alternates, answer, citation, tags,
        active), loaded in chunks: what exports need, without ORM objects."""
        async with self.sessions() as session:
            return await repository.qa_rows(session, active_only=False)

    async def all(self) -> list[QAEntry]:
        async with self.sessions() as session:
            return list((await session.execute(select(QAEntry).order_by(QAEntry.id))).scalars())

    async def search(self, text: str, limit: int = 10) -> list[QAEntry]:
        wanted = fold(text)
        scored = [(fuzz.token_set_ratio(wanted, fold(" ".join([e.question, *e.alternates]))), e)
                  for e in await self.all()]
        return [e for score, e in sorted(scored, key=lambda s: -s[0]) if score >= 50][:limit]

    async def apply(self, rows: list[ImportedRow], actor: str, now: datetime) -> Applied:
        """Create new rows, update changed ones, leave equal ones alone.

        A row without an id whose question an entry already has is that entry, so sending
        the same sheet twice adds nothing the second time.
        """
        created = updated = unchanged = 0
        async with self.sessions.begin() as session:
            by_question = {question_key(e.question): e for e in
                           (await session.execute(select(QAEntry))).scalars()}
            for row in rows:
                entry = await session.get(QAEntry, row.entry_id) if row.entry_id else \
                    by_question.get(question_key(row.draft.question))  # the same sheet sent again
                if entry is None:
                    entry = _new(row.draft, actor, now)
                    entry.active = row.active
                    session.add(entry)
                    await session.flush()
                    by_question[question_key(entry.question)] = entry
                    audit.record(session, actor, "qa.import.add", f"qa:{entry.id}", None,
                                 snapshot(entry), now)
                    created += 1
                    continue
                before = snapshot(entry)
                if before == {**snapshot_of(row.draft), "active": row.active}:
                    unchanged += 1
                    continue
                _fill(entry, row.draft, actor, now)
                entry.active = row.active
                audit.record(session, actor, "qa.import.edit", f"qa:{entry.id}", before,
                             snapshot(entry), now)
                updated += 1
            if created or updated:
                await repository.bump_version(session)
        return Applied(created, updated, unchanged)


async def add_entry(session: AsyncSession, draft: QADraft, actor: str,
                    now: datetime) -> QAEntry:
    """A new entry in the caller's unit of work (InvalidEntry if it breaks a rule)."""
    draft = _clean(draft)
    if errors := problems(draft):
        raise InvalidEntry("; ".join(errors))
    entry = _new(draft, actor, now)
    session.add(entry)
    await session.flush()
    audit.record(session, actor, "qa.add", f"qa:{entry.id}", None, snapshot(entry), now)
    await repository.bump_version(session)
    return entry


def snapshot_of(draft: QADraft) -> dict:
    return {"question": draft.question, "alternates": list(draft.alternates),
            "answer": draft.answer, "citation": draft.citation, "tags": list(draft.tags)}


def _clean(draft: QADraft) -> QADraft:
    return QADraft(draft.question.strip(), draft.answer.strip(), draft.citation.strip(),
                   tuple(a.strip() for a in draft.alternates if a.strip()),
                   tuple(t.strip() for t in draft.tags if t.strip()))


def _draft(entry: QAEntry) -> QADraft:
    return QADraft(entry.question, entry.answer, entry.citation, tuple(entry.alternates),
                   tuple(entry.tags))


def _new(draft: QADraft, actor: str, now: datetime) -> QAEntry:
    entry = QAEntry(active=True, origin="admin", created_by=actor, created_at=now)
    _fill(entry, draft, actor, now)
    return entry


def _fill(entry: QAEntry, draft: QADraft, actor: str, now: datetime) -> None:
    entry.question, entry.answer, entry.citation = draft.question, draft.answer, draft.citation
    entry.alternates, entry.tags = list(draft.alternates), list(draft.tags)
    entry.updated_by, entry.updated_at = actor, now
