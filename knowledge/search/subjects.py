"""Who a duty question is about ("Ban Tổ chức ĐUK có nhiệm vụ gì?") and whether a passage gives
that body its task: plans open an item with the body's name, or name it in a field of an
assignment table ("Cơ quan chủ trì thực hiện: Văn phòng Tỉnh ủy")."""

from __future__ import annotations

import re

from knowledge.text.normalize import fold, tokens

# Where a question's subject ends: "Thường trực HĐND … | có trách nhiệm gì", "Đảng viên | phải …"
_PREDICATE = frozenset({"co", "phai", "duoc", "can", "khong", "nen", "chiu"})
# … when what follows asks what it must or may do ("… có trách nhiệm gì", "… phải làm gì"; the
# pair, not the word alone: "có" folds onto the "cơ" of "cơ quan")
_ASPECT = frozenset({"trach", "nhiem", "quyen", "nghia", "lam", "vai"})
# "X chủ trì việc gì", "X phối hợp những gì": the body's part in an assignment table ("X chỉ
# đạo …" is not asked that way: "lãnh đạo, chỉ đạo" opens as many questions as it ends subjects)
_ASKS_PART = frozenset({("chu", "tri"), ("phoi", "hop"), ("phu", "trach")})
ROLES = {("chu", "tri"): "lead", ("phoi", "hop"): "assist", ("chi", "dao"): "direct",
         ("phu", "trach"): "lead"}
# Where "Nhiệm vụ của X …" stops naming X: "… trong kế hoạch", "… theo", "… là gì"
_SUBJECT_ENDS = frozenset({"trong", "theo", "khi", "de", "la", "gom", "doi", "ve", "tai", "o",
                           "nhu", "the", "duoc", "phai", "voi", "nao", "gi", "co"})
SUBJECT_WORDS = 10
LEAD_START = 3  # the subject opens the passage ("1. Các đồng chí Ủy viên …") ...
LEAD_SLACK = 4  # ... give or take a few words ("2. Thường trực HĐND, lãnh đạo UBND …")
# ... or after the body that leads it: "5. Ban Thường vụ Đoàn Khối" is the Đoàn Khối's item
_EXECUTIVE = (("ban", "thuong", "vu"), ("ban", "chap", "hanh"), ("ban", "can", "su"),
              ("thuong", "truc"), ("dang", "doan"))
# "Nhiệm vụ (cụ thể) của (các) X": a heading that names the body after saying it lists duties
_DUTY_HEAD = (("nhiem", "vu"), ("trach", "nhiem"))
# One "label: value" field of a table row or an item ("- Cơ quan chủ trì: UBKT Thị ủy.")
_FIELD = re.compile(r"([^:;\n]{3,60}):\s*([^;\n]+)")
FIELD_WORDS = 12  # a field's value is a body's name, not a paragraph
FIELD_SHARE = 0.5  # see roles_asked()
LABEL_WORDS = 8  # and its label a few words ("Cơ quan chủ trì tham mưu"), not a sentence


def subject_of(words: list[str], content: set[str]) -> list[str]:
    """The question's content words naming the body it asks about, in order: before what it
    asks the body to do ("X có trách nhiệm gì", "X chủ trì việc gì"), or after "nhiệm vụ của"
    ("Nhiệm vụ của X trong kế hoạch …")."""
    rest = after_duty_head(tuple(words), bare=True)
    if len(rest) < len(words):
        end = next((n for n, w in enumerate(rest) if w in _SUBJECT_ENDS), len(rest))
        return list(dict.fromkeys(w for w in rest[:min(end, SUBJECT_WORDS)] if w in content))
    end = 0
    for n, word in enumerate(words):
        asks = word in _PREDICATE and _ASPECT.intersection(words[n + 1:n + 3])
        if n and (asks or (word, *words[n + 1:n + 2]) in _ASKS_PART):
            end = n
            break
    return list(dict.fromkeys(w for w in words[:end] if w in content))


def roles_asked(words: list[str]) -> tuple[frozenset[str], float]:
    """Which parts of an assignment the question asks about (by default leading or doing it),
    and how much naming the body in such a field counts: fully when the question asks for that
    part ("X chủ trì việc gì?"), less when it asks the body's duties, which its own item in the
    plan states before any table row it leads."""
    asked = {ROLES[pair] for pair in zip(words, words[1:], strict=False) if pair in ROLES}
    if not asked:
        return frozenset({"lead", "do"}), FIELD_SHARE
    return frozenset(asked | {"do"} if asked == {"lead"} else asked), 1.0


def after_duty_head(opening: tuple[str, ...], bare: bool = False) -> tuple[str, ...]:
    """The opening with a leading "Nhiệm vụ cụ thể của các" dropped; a question may leave out
    the "của" ("nhiệm vụ ban cán sự đảng tòa án"), a heading does not."""
    if tuple(opening[:2]) not in _DUTY_HEAD:
        return opening
    rest = opening[2:]
    rest = rest[2:] if tuple(rest[:2]) == ("cu", "the") else rest
    if rest[:1] == ("cua",):
        rest = rest[1:]
    elif not bare:
        return opening
    return rest[1:] if rest[:1] == ("cac",) else rest


def share(subject: list[str], words: tuple[str, ...], idf: dict[str, float],
          total: float) -> float:
    """How much of the subject opens these words, in its own order: "Ban Tổ chức ĐUK" is not
    "Ủy ban Kiểm tra ĐUK", though most of their words are the same."""
    opens = LEAD_START + next((len(e) for e in _EXECUTIVE if words[:len(e)] == e), 0)
    if subject[0] not in words[:opens]:  # it must open them, not be named later
        return 0.0
    start = words.index(subject[0])
    window = words[start:start + len(subject) + LEAD_SLACK]
    found = sum(idf.get(w, 0.0) for w in subject if w in window) / total
    pairs = set(zip(window, window[1:], strict=False))
    wanted = list(zip(subject, subject[1:], strict=False))
    ordered = sum(pair in pairs for pair in wanted) / len(wanted) if wanted else 1.0
    return found * (0.5 + 0.5 * ordered)


def assignments(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The (role, body's words) fields of a passage: who leads, assists, directs or does it."""
    if ":" not in text:
        return ()
    out = []
    for label, value in _FIELD.findall(text.replace("*", "")):
        label = fold(label)
        if len(label.split()) > LABEL_WORDS:
            continue
        role = next((r for (a, b), r in ROLES.items() if f"{a} {b}" in label), None)
        if role is None and "thuc hien" in label and "thoi gian" not in label and \
                label.startswith(("co quan", "don vi")):
            role = "do"
        if role is not None:
            out.append((role, tuple(tokens(value)[:FIELD_WORDS])))
    return tuple(out)
