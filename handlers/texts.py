"""The router's Vietnamese sentences: refusals by role and place, kept together for review."""

from __future__ import annotations

from jobs import texts as reminder_texts
from knowledge import texts as knowledge_texts

ROLE_NEEDED = {
    "secretary": reminder_texts.ONLY_OFFICERS,
    "admin": knowledge_texts.ONLY_ADMINS,
    "superadmin": knowledge_texts.ONLY_SUPERADMINS,
}
ONLY_PRIVATE = knowledge_texts.ONLY_PRIVATE
ONLY_IN_GROUP = reminder_texts.ONLY_IN_GROUP
COMMANDS_TITLE = "Các lệnh đồng chí dùng được:"
NO_SUCH_CHOICE = "Không có nút số {number}."  # typed choices (console, Zalo)
