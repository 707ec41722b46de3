"""Admin commands for every channel, each checked against the caller's role first."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from knowledge import texts
from knowledge.documents.importer import ImportService
from knowledge.documents.readers import SUPPORTED
from knowledge.ids import is_id, parse_id
from knowledge.people import audit
from knowledge.people.roles import ADMIN, SUPERADMIN, Roles
from knowledge.qa.bulk import UnreadableSheet, export_csv, export_xlsx, import_entries
from knowledge.qa.curation import FIELDS, Curation, InvalidEntry
from knowledge.qa.dialogs import Dialogs
from knowledge.qa.unanswered import Unanswered
from knowledge.replies import ActionOutcome, Button, ChatRef, Reply, Span
from knowledge.text.normalize import printable

Notify = Callable[[Reply], Awaitable[object]]
ACCEPTED = (*SUPPORTED, ".csv", ".xlsx")  # what an admin may send in a chat


def _actor(user: ChatRef) -> str:
    return f"{user.platform}:{user.chat_id}"


def _line(group) -> str:  # noqa: ANN001 (an UnansweredGroup)
    """One group of unanswered questions, its last day in Vietnam time like every date shown."""
    return texts.UNANSWERED_LINE.format(count=group.count, sample=group.sample,
                                        day=f"{group.last_at.astimezone(audit.VN):%d/%m/%Y}")


class AdminTalk:
    """Private-chat admin commands: Q&A entries, unanswered questions, rights, documents."""

    def __init__(self, roles: Roles, curation: Curation, dialogs: Dialogs,
                 unanswered: Unanswered, importer: ImportService) -> None:
        self.roles = roles
        self.curation = curation
        self.dialogs = dialogs
        self.unanswered = unanswered
        self.importer = importer

    async def refusal(self, user: ChatRef, private: bool, role: str = ADMIN) -> Reply | None:
        """None when the caller may run an admin command here; otherwise why not."""
        if not await self.roles.at_least(user, role):
            return Reply.plain(texts.ONLY_SUPERADMINS if role == SUPERADMIN else texts.ONLY_ADMINS)
        if not private:
            return Reply.plain(texts.ONLY_PRIVATE)
        return None

    async def continue_dialog(self, user: ChatRef, text: str, now: datetime) -> Reply | None:
        """The next step of an admin's add conversation, if one is in progress."""
        return await self.dialogs.handle(user, printable(text), now)

    async def receive_file(self, user: ChatRef, name: str, data: bytes, valid_only: bool,
                           now: datetime, notify: Notify | None = None) -> Reply:
        """A document to import, or a Q&A sheet (sent again captioned "hợp lệ" to import only
        the valid rows after a strict attempt). `notify` is told once when a scan is long work."""
        if name.lower().endswith((".csv", ".xlsx")):
            return await self._sheet(user, name, data, valid_only, now)
        told = False

        async def on_page(done: int, total: int) -> None:
            nonlocal told
            if notify is not None and not told:
                told = True
                await notify(Reply.plain(texts.FILE_WORKING.format(pages=total, name=name)))

        report = await self.importer.import_bytes(name, data, now, f"chat:{name}", on_page)
        if report.status == "failed":
            return Reply.plain(texts.FILE_FAILED.format(name=name, error=report.error))
        async with self.roles.sessions.begin() as session:
            audit.record(session, _actor(user), f"document.{report.status}", f"file:{name}",
                         None, {"citation": report.citation, "passages": report.passages}, now)
        summary = f"{report.citation} – {report.passages} đoạn ({report.status})"
        return Reply.plain(texts.FILE_IMPORTED.format(summary=summary),
                           *(f"⚠️ {w}" for w in report.warnings))

    async def _sheet(self, user: ChatRef, name: str, data: bytes, valid_only: bool,
                     now: datetime) -> Reply:
        try:
            report = await import_entries(self.curation, data, name, all_or_nothing=not valid_only,
                                          actor=_actor(user), now=now)
        except UnreadableSheet as exc:
            return Reply.plain(texts.FILE_FAILED.format(name=name, error=exc))
        errors = [Span(f"Dòng {line}: {reason}") for line, reason in report.errors[:30]]
        if report.applied is None:
            return Reply((Span(texts.SHEET_BAD_ROWS.format(count=len(report.errors)), "bold"),
                          *errors, Span(texts.SHEET_RETRY, "italic")))
        a = report.applied
        return Reply((Span(texts.SHEET_DONE.format(created=a.created, updated=a.updated,
                                                   unchanged=a.unchanged), "bold"), *errors))

    async def export(self, args: str) -> tuple[str, bytes]:
        """All entries as a spreadsheet: CSV by default, XLSX when asked ("/xuathoidap xlsx")."""
        entries = await self.curation.rows()
        heavy = self.importer.heavy  # writing a sheet is CPU work: the process's heavy lane
        if args.strip().lower().lstrip(".") == "xlsx":
            return "hoi-dap.xlsx", await heavy.run(lambda: export_xlsx(entries))
        return "hoi-dap.csv", await heavy.run(lambda: export_csv(entries))

    async def add(self, user: ChatRef, now: datetime) -> Reply:
        return await self.dialogs.start_add(user, now)

    async def cancel(self, user: ChatRef) -> Reply:
        cancelled = await self.dialogs.cancel(user)
        return Reply.plain(texts.DIALOG_CANCELLED if cancelled else texts.NOTHING_TO_CANCEL)

    async def edit(self, user: ChatRef, args: str, now: datetime) -> Reply:
        parts = args.split(maxsplit=2)
        entry_id = parse_id(parts[0]) if parts else None
        if len(parts) < 3 or entry_id is None or parts[1] not in FIELDS:
            return Reply.plain(texts.EDIT_USAGE)
        try:
            entry = await self.curation.edit(entry_id, parts[1], parts[2], _actor(user), now)
        except InvalidEntry as exc:
            return Reply.plain(texts.DIALOG_INVALID.format(reason=exc))
        if entry is None:
            return Reply.plain(texts.NO_ENTRY.format(id=entry_id))
        return Reply.plain(texts.EDITED.format(field=texts.FIELD_NAMES[parts[1]], id=entry_id))

    async def set_active(self, user: ChatRef, args: str, active: bool, now: datetime) -> Reply:
        command = "/hien" if active else "/an"
        entry_id = parse_id(args)
        if entry_id is None:
            return Reply.plain(texts.ID_USAGE.format(command=command))
        entry = await self.curation.set_active(entry_id, active, _actor(user), now)
        if entry is None:
            return Reply.plain(texts.NO_ENTRY.format(id=entry_id))
        return Reply.plain((texts.SHOWN if active else texts.HIDDEN).format(id=entry_id))

    async def show(self, args: str) -> Reply:
        entry_id = parse_id(args)
        if entry_id is None:
            return Reply.plain(texts.ID_USAGE.format(command="/xemhoidap"))
        entry = await self.curation.get(entry_id)
        if entry is None:
            return Reply.plain(texts.NO_ENTRY.format(id=args.strip()))
        return Reply((
            Span(f"#{entry.id} ({texts.ENTRY_STATE[entry.active]})", "bold"),
            Span(f"{texts.FIELD_NAMES['question']}: {entry.question}"),
            Span(entry.answer, "quote"),
            Span(f"{texts.FIELD_NAMES['alternates']}: "
                 f"{' | '.join(entry.alternates) or texts.NONE}"),
            Span(f"{texts.FIELD_NAMES['citation']}: {entry.citation or texts.NONE}"),
        ))

    async def search(self, args: str) -> Reply:
        if not args.strip():
            return Reply.plain(texts.SEARCH_USAGE)
        found = await self.curation.search(args)
        if not found:
            return Reply.plain(texts.NO_MATCH)
        return Reply(tuple(Span(f"#{e.id} {'' if e.active else '(ẩn) '}{e.question}")
                           for e in found))

    async def unanswered_list(self) -> Reply:
        groups = await self.unanswered.groups(limit=10)
        if not groups:
            return Reply.plain(texts.UNANSWERED_EMPTY)
        spans = [Span(texts.UNANSWERED_TITLE, "bold")]
        spans += [Span(_line(g)) for g in groups]
        buttons = tuple((Button(texts.BUTTON_ANSWER.format(sample=g.sample[:40]),
                                f"ua:{g.key}"),) for g in groups)
        return Reply(tuple(spans), buttons)

    async def weekly_summary(self) -> str | None:
        """The unanswered questions of the week for admins; None when there are none."""
        groups = await self.unanswered.groups(limit=10)
        if not groups:
            return None
        lines = [texts.UNANSWERED_WEEKLY] + [_line(g) for g in groups]
        return "\n".join(lines)

    async def answer_group(self, user: ChatRef, action: str, now: datetime) -> ActionOutcome:
        """A tap on an unanswered question starts the add conversation with it filled in."""
        try:
            group = await self.unanswered.group_of(int(action.split(":")[1]))
        except (IndexError, ValueError):
            group = None
        if group is None:
            return ActionOutcome(notice=texts.UNANSWERED_EMPTY)
        reply = await self.dialogs.start_add(user, now, group.sample, group.ids)
        return ActionOutcome(edit=reply)

    async def grant(self, user: ChatRef, args: str, grant: bool, now: datetime) -> Reply:
        parts = args.split(maxsplit=1)
        if not parts or not is_id(parts[0]):
            return Reply.plain(texts.GRANT_USAGE)
        person = ChatRef(user.platform, parts[0])
        name = parts[1] if len(parts) > 1 else ""
        changed = (await self.roles.grant(user, person, name, now) if grant
                   else await self.roles.revoke(user, person, now))
        if not changed:
            return Reply.plain(texts.UNCHANGED)
        return Reply.plain(texts.GRANTED if grant else texts.REVOKED)

    async def add_member(self, user: ChatRef, args: str, now: datetime) -> Reply:
        """/themdangvien <id>: someone outside the branch groups may ask questions too."""
        if not is_id(args, hash_ok=False):
            return Reply.plain(texts.MEMBER_USAGE)
        added = await self.roles.add_member(user, ChatRef(user.platform, args.strip()), now)
        return Reply.plain(texts.MEMBER_ADDED if added else texts.UNCHANGED)

    async def audit_log(self) -> Reply:
        entries = await audit.recent(self.roles.sessions, 15)
        if not entries:
            return Reply.plain(texts.AUDIT_EMPTY)
        lines = [f"{e.at.astimezone(audit.VN):%d/%m %H:%M} {e.actor} "
                 f"{texts.AUDIT_ACTIONS.get(e.action, e.action)} {e.target}" for e in entries]
        return Reply((Span(texts.AUDIT_TITLE, "bold"), *(Span(line) for line in lines)))

    async def documents(self) -> Reply:
        docs = await self.importer.list()
        if not docs:
            return Reply.plain(texts.DOCS_EMPTY)
        return Reply((Span(texts.DOCS_TITLE, "bold"),
                      *(Span(f"#{d.id} {d.citation} ({d.passage_count} đoạn)") for d in docs)))

    async def remove_document(self, user: ChatRef, args: str, now: datetime) -> Reply:
        doc_id = parse_id(args)
        if doc_id is None:
            return Reply.plain(texts.DOC_ID_USAGE)
        removed = await self.importer.remove(doc_id)
        if removed is None:
            return Reply.plain(texts.NO_DOC.format(id=doc_id))
        async with self.roles.sessions.begin() as session:
            audit.record(session, _actor(user), "document.remove", f"document:{doc_id}",
                         {"citation": removed.citation}, None, now)
        return Reply.plain(texts.DOC_REMOVED.format(id=doc_id, citation=removed.citation))
