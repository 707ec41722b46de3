"""Every chat command, declared once: name, help line, lowest role, where, and what it runs.

Channels (Telegram, console, Zalo) offer exactly these; the router checks the role and the place
before running one. Finer rights that depend on the branch (its secretary, a group admin) are
checked by the services themselves.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from handlers.router import Incoming
from jobs.conversation import Caller
from knowledge import texts as kb_texts
from knowledge.people.roles import ADMIN, MEMBER, SUPERADMIN
from knowledge.replies import Attachment, Reply, Span

if TYPE_CHECKING:
    from bot.services import Services

Run = Callable[["Services", Incoming], Awaitable[Reply]]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    role: str  # the lowest role allowed: member | secretary | admin | superadmin
    where: str  # private | group | both
    run: Run
    aliases: tuple[str, ...] = ()
    menu: bool = False  # listed in the platform's command menu


async def caller(services: Services, incoming: Incoming, *, group_admin: bool = False) -> Caller:
    """The reminder services' view of the person (group admin asked only when needed)."""
    return Caller(incoming.chat, incoming.user, incoming.name, incoming.in_group,
                  group_admin and incoming.in_group and await incoming.group_admin(),
                  await services.roles.at_least(incoming.user, ADMIN))


def _reminders(method: str, *, args: bool = True, group_admin: bool = False) -> Run:
    async def run(services: Services, incoming: Incoming) -> Reply:
        who = await caller(services, incoming, group_admin=group_admin)
        call = getattr(services.reminder_talk, method)
        return await (call(who, incoming.args, incoming.now) if args
                      else call(who, incoming.now))

    return run


async def _vocabulary(services: Services, incoming: Incoming) -> Reply:
    actor = f"{incoming.user.platform}:{incoming.user.chat_id}"
    return await services.vocabulary.chat(actor, incoming.args, incoming.now)


def _admin(call: Callable[..., Awaitable[Reply]]) -> Run:
    async def run(services: Services, incoming: Incoming) -> Reply:
        return await call(services.admin, incoming)

    return run


async def _start(services: Services, incoming: Incoming) -> Reply:
    if not incoming.in_group:  # someone who had blocked the bot is reachable again
        await services.chats.back(incoming.user.platform, incoming.user.chat_id)
    return services.conversation.start()


async def _help(services: Services, incoming: Incoming) -> Reply:
    from handlers.router import Router

    return await Router(services).help(incoming)


async def _ask(services: Services, incoming: Incoming) -> Reply:
    if incoming.in_group:
        await services.roles.seen_in(incoming.chat, incoming.user, incoming.now)
    return await services.conversation.ask(incoming.chat, incoming.user.chat_id, incoming.args,
                                           incoming.now)


async def _cancel(services: Services, incoming: Incoming) -> Reply:
    return await services.admin.cancel(incoming.user)


async def _export(services: Services, incoming: Incoming) -> Reply:
    name, data = await services.admin.export(incoming.args)
    return Reply((Span(kb_texts.EXPORT_CAPTION),), attachment=Attachment(name, data))


A, P, G, B = ADMIN, "private", "group", "both"
# Words people type for a command in English or by its topic; an unknown command close to one
# of them is answered with the command it means
HINTS = {"deadline": "hanchot", "deadlines": "hanchot", "han": "hanchot", "schedule": "lichhop",
         "lich": "lichhop", "meeting": "lichhop", "hop": "lichhop", "done": "xong",
         "cancel": "huy", "ask": "hoi", "menu": "help", "trogiup": "help", "register": "dangky",
         "holiday": "ngaynghi", "holidays": "ngaynghi", "synonym": "dongnghia",
         "unanswered": "chuatraloi", "admin": "help"}

COMMANDS: tuple[Command, ...] = (
    Command("hoi", "hỏi về văn bản, quy định (dùng được trong nhóm)", MEMBER, B, _ask,
            menu=True),
    Command("lichhop", "lịch sinh hoạt chi bộ", MEMBER, B,
            _reminders("show_schedule", args=False), menu=True),
    Command("hanchot", "các hạn chót của chi bộ", MEMBER, B,
            _reminders("deadlines", args=False), menu=True),
    Command("help", "hướng dẫn sử dụng", MEMBER, B, _help, ("huongdan",), menu=True),
    Command("start", "lời chào", MEMBER, B, _start, menu=True),
    Command("xong", "báo chi bộ đã xong một hạn chót: /xong <mã>", MEMBER, B,
            _reminders("done")),
    Command("ngaynghi", "các ngày nghỉ lễ, tết mà lịch họp tránh: /ngaynghi [năm]", MEMBER, B,
            _reminders("holidays")),
    Command("huy", "hủy thao tác đang làm dở", MEMBER, B, _cancel),
    Command("dangky", "gắn nhóm với chi bộ bằng mã cấp ủy cấp: /dangky <mã>", MEMBER, G,
            _reminders("register")),
    Command("bithu", "nhận là bí thư (hoặc /bithu phó) để được nhắc hạn chót riêng", MEMBER, G,
            _reminders("secretary", group_admin=True)),
    Command("datlich", "đặt lịch sinh hoạt: /datlich <lịch> | <địa điểm> | lùi", MEMBER, G,
            _reminders("set_schedule")),
    Command("maduky", "cấp mã đăng ký cho chi bộ: /maduky Tên chi bộ | Cấp ủy", A, P,
            _reminders("invite")),
    Command("themhanchot", "thêm hạn chót: /themhanchot Tiêu đề | <lịch> [| nhóm]", A, B,
            _reminders("add_deadline")),
    Command("tiendo", "chi bộ nào đã xong, chưa xong: /tiendo [mã]", A, B,
            _reminders("progress")),
    Command("datngaynghi", "nhập quyết định ngày nghỉ của năm", A, B,
            _reminders("decide_holidays")),
    Command("dongnghia", "từ đồng nghĩa: /dongnghia nhậu = uống rượu, bia · /dongnghia xoa <số>",
            A, P, _vocabulary),
    Command("themhoidap", "thêm mục hỏi – đáp từng bước", A, P,
            _admin(lambda t, i: t.add(i.user, i.now))),
    Command("suahoidap", "sửa một trường: /suahoidap <mã> <trường> <nội dung>", A, P,
            _admin(lambda t, i: t.edit(i.user, i.args, i.now))),
    Command("an", "ẩn một mục hỏi – đáp: /an <mã>", A, P,
            _admin(lambda t, i: t.set_active(i.user, i.args, False, i.now))),
    Command("hien", "hiện lại một mục: /hien <mã>", A, P,
            _admin(lambda t, i: t.set_active(i.user, i.args, True, i.now))),
    Command("xemhoidap", "xem một mục: /xemhoidap <mã>", A, P,
            _admin(lambda t, i: t.show(i.args))),
    Command("timhoidap", "tìm mục hỏi – đáp: /timhoidap <từ khóa>", A, P,
            _admin(lambda t, i: t.search(i.args))),
    Command("chuatraloi", "các câu hỏi chưa có câu trả lời", A, P,
            _admin(lambda t, i: t.unanswered_list())),
    Command("nhatky", "nhật ký thay đổi", A, P, _admin(lambda t, i: t.audit_log())),
    Command("themdangvien", "cho một người được hỏi: /themdangvien <mã người dùng>", A, P,
            _admin(lambda t, i: t.add_member(i.user, i.args, i.now))),
    Command("vanban", "các văn bản đã nhập", A, P, _admin(lambda t, i: t.documents())),
    Command("xoavanban", "xóa một văn bản: /xoavanban <mã>", A, P,
            _admin(lambda t, i: t.remove_document(i.user, i.args, i.now))),
    Command("xuathoidap", "xuất các mục hỏi – đáp ra tệp (csv hoặc xlsx)", A, P, _export),
    Command("capquyen", "cấp quyền quản trị: /capquyen <mã người dùng> <tên>", SUPERADMIN, P,
            _admin(lambda t, i: t.grant(i.user, i.args, True, i.now))),
    Command("thuquyen", "thu hồi quyền quản trị: /thuquyen <mã người dùng>", SUPERADMIN, P,
            _admin(lambda t, i: t.grant(i.user, i.args, False, i.now))),
)
