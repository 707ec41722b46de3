"""Exact references in text: document numbers ("37-QĐ/TW"), articles, items and sections."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text.normalize import fold, nfc, strip_marks

# Document kinds: folded name -> (code, display name).
KINDS: dict[str, tuple[str, str]] = {
    "nghi quyet": ("NQ", "Nghị quyết"),
    "quy dinh": ("QD", "Quy định"),
    "ket luan": ("KL", "Kết luận"),
    "ke hoach": ("KH", "Kế hoạch"),
    "chi thi": ("CT", "Chỉ thị"),
    "huong dan": ("HD", "Hướng dẫn"),
    "de an": ("DA", "Đề án"),
    "cong van": ("CV", "Công văn"),
    "thong bao": ("TB", "Thông báo"),
    "quyet dinh": ("QD", "Quyết định"),  # numbered "-QĐ/" as a Quy định is: one number space
    "chuong trinh hanh dong": ("CTR", "Chương trình hành động"),
    "chuong trinh": ("CTR", "Chương trình"),
    "bao cao": ("BC", "Báo cáo"),
}
CODE_NAMES: dict[str, str] = {}
for _code, _name in KINDS.values():
    CODE_NAMES.setdefault(_code, _name)  # "QD": Quy định, unless the text says Quyết định
CODE_NAMES.update({"QDI": "Quy định", "CTR": "Chương trình"})
_CODE_ALIASES = {"QDI": "QD", "QĐ": "QD"}

# "37-QĐ/TW", "127 -KH/ĐUK", "1656- CV/HU", "19-QĐi/TU", "21- NQ/TW"
DOC_NUMBER = re.compile(
    r"(?<![\w/])(\d{1,5})\s*-\s*([A-Za-zĐđ]{1,5})\s*/\s*([A-Za-zĐđ]{1,8}(?:-[A-Za-zĐđ]{1,6})?)",
    re.UNICODE,
)
# State documents: "45/2019/QH14" (a law of the 14th National Assembly), "145/2020/NĐ-CP",
# "10/2020/TT-BLĐTBXH"; consolidated texts: "01/VBHN-VPQH". The year is part of the identity,
# as decrees and circulars are numbered anew each year.
STATE_NUMBER = re.compile(
    r"(?<![\w/])(\d{1,4})\s*/\s*(?:(\d{4})\s*/\s*([A-ZĐ]{1,8}\d{0,2}(?:\s*-\s*[A-ZĐ]{1,12})?)"
    r"|VBHN\s*-\s*([A-ZĐ]{2,12}))(?![\w/])", re.IGNORECASE)
# The administration's own numbering, without a year: "749/QĐ-TTg" (a decision of the Prime
# Minister), "1234/QĐ-UBND", "12/CT-UBND", "45/KH-UBND". Keyed by kind and number as the Party's
# are ("quyết định 749" names it); the issuer tells them apart in the display.
ADMIN_NUMBER = re.compile(
    r"(?<![\w/])(\d{1,5})\s*/\s*(QĐ|QD|CT|KH|BC|TB|HD|KL|NQ)\s*-\s*"
    r"([A-ZĐ][A-Za-zĐđ]{1,9}(?:-[A-ZĐ][A-Za-zĐđ]{0,9})?)(?![\w/])")
_STATE_KINDS = {"QH": "Luật", "ND": "Nghị định", "TT": "Thông tư", "NQ": "Nghị quyết",
                "QD": "Quyết định", "CT": "Chỉ thị", "VBHN": "Văn bản hợp nhất",
                "UBTVQH": "Nghị quyết", "L": "Lệnh"}
_KIND_WORDS = "|".join(sorted((k for k in KINDS), key=len, reverse=True))
# "quy dinh 37", "quy dinh so 37", "qd 37", "qd37", "kh 03 cua bct" (folded text)
_KIND_NUMBER = re.compile(
    rf"\b(?P<kind>{_KIND_WORDS}|nq|qd|qdi|kl|kh|ct|hd|da|cv|tb)\s*(?:so\s*)?(?P<num>\d{{1,5}})\b"
)
_SHORT_KIND = {"nq": "NQ", "qd": "QD", "qdi": "QD", "kl": "KL", "kh": "KH", "ct": "CT",
               "hd": "HD", "da": "DA", "cv": "CV", "tb": "TB"}
_ARTICLE = re.compile(r"\bdieu\s*(\d{1,3})([a-z]?)\b")  # "điều 14", "điều 2a"
# "khoản 2", "khoản 1a", "điểm b", "điểm đ" (typed "diem dd"), in either order around the article
_CLAUSE = re.compile(r"\bkhoan\s*(\d{1,2}[a-z]?)\b")
_POINT = re.compile(r"(?<!\w)(?:điểm|diem)\s+(dd|[a-zđ])\)?(?!\w)")
_ARTICLE_SHORT = re.compile(r"\bd\.?\s*(\d{1,3})()\b")  # "QĐ 37 Đ16", only beside a document
_SECTION = re.compile(r"\b(?:muc|phan|tieu muc|diem|khoan)\s+((?:\d{1,2}\.)+\d{1,2}|\d{1,2})\b")
_ORDINALS = {
    "dau tien": 1, "thu nhat": 1, "thu hai": 2, "thu ba": 3, "thu tu": 4, "thu nam": 5,
    "thu sau": 6, "thu bay": 7, "thu tam": 8, "thu chin": 9, "thu muoi": 10,
}
_ORDINAL = re.compile(
    r"\b(?P<noun>[a-z]+(?: [a-z]+){0,2}?)\s+(?:(?:thu|so)\s*(?P<num>\d{1,2})\b|"
    r"(?P<word>" + "|".join(_ORDINALS) + r")\b)"
)
# "thứ ba" after these is a term, not a place in a list: a third party ("người, bên, nước,
# quốc gia thứ ba"), a third child, a second offence ("lần thứ hai"), a weekday ("vào thứ hai")
_TERM_ENDINGS = ("nguoi", "ben", "nuoc", "quoc gia", "con", "lan", "vao", "ngay", "sang",
                 "chieu", "toi", "cac")


# "Kế hoạch nào", "văn bản nào": the kind of document a question asks to be named
_ASKED = {**{name: code for name, (code, _) in KINDS.items()}, "van ban": "*"}


def asked_kind(words: list[str]) -> str | None:
    """The code of the kind of document the question asks for by name ("chỉ thị nào?" →
    "CT", "văn bản nào?" → "*"), if it asks for one."""
    asked = _asked(words)
    return asked[0] if asked else None


def _asked(words: list[str]) -> tuple[str, int] | None:
    """The kind asked for by name and the position of its "nào"."""
    for n, word in enumerate(words):
        if word != "nao":
            continue
        for size in (3, 2):
            name = " ".join(words[n - size:n]) if n >= size else ""
            if name in _ASKED:
                return ("*" if _ASKED[name] == "*" else code_of(_ASKED[name])), n
    return None


# "… nào của Ban Tổ chức Trung ương": the level of the body that issued the asked document, as
# the end of its issuer code (12-HD/BTCTW, 02-HD/BTCTU, 38-QĐ/TU, 127-KH/ĐUK)
_LEVELS = ((("dang", "uy", "khoi"), "DUK"), (("trung", "uong"), "TW"), (("tinh", "uy"), "TU"),
           (("thi", "uy"), "TU"), (("huyen", "uy"), "HU"))


def asked_level(words: list[str]) -> str | None:
    """The issuing level a question names after the kind it asks for ("hướng dẫn nào của Ban
    Tổ chức Trung ương" → "TW"), if it asks for a kind and names one."""
    asked = _asked(words)
    if asked is None:
        return None
    for n in range(asked[1] + 1, len(words)):
        for level, code in _LEVELS:
            if tuple(words[n:n + len(level)]) == level:
                return code
    return None


def code_of(kind_code: str) -> str:
    code = fold(kind_code).upper().replace(" ", "")
    return _CODE_ALIASES.get(code, code)


@dataclass(frozen=True)
class DocNumber:
    """A document number: 37-QĐ/TW is DocNumber(37, "QD", "TW", "37-QĐ/TW")."""

    number: int
    code: str
    issuer: str
    display: str

    @property
    def key(self) -> str:
        return f"{self.number}-{self.code}/{self.issuer}"

    @property
    def short_key(self) -> str:
        return f"{self.code}{self.number}"


def find_doc_numbers(text: str) -> list[DocNumber]:
    """Every document number written in full in a text, in order: the Party's ("37-QĐ/TW"),
    the administration's ("749/QĐ-TTg") and the State's ("45/2019/QH14", "01/VBHN-VPQH")."""
    found: list[tuple[int, DocNumber]] = []
    text = nfc(text)
    for match in DOC_NUMBER.finditer(text):
        num, kind, issuer = match.groups()
        code = code_of(kind)
        if code not in CODE_NAMES:
            continue
        display = f"{num}-{_display_kind(kind)}/{issuer.upper()}"
        found.append((match.start(), DocNumber(int(num), code,
                                               fold(issuer).upper().replace(" ", ""), display)))
    for match in ADMIN_NUMBER.finditer(text):
        num, kind, issuer = match.groups()
        found.append((match.start(), DocNumber(int(num), code_of(kind), _plain(issuer),
                                               f"{num}/{_display_kind(kind)}-{issuer}")))
    for match in STATE_NUMBER.finditer(text):
        num, year, issuer, consolidator = match.groups()
        if consolidator:
            issuer = consolidator.upper()
            code, display = f"VBHN-{fold(issuer).upper()}", f"{num}/VBHN-{issuer}"
        else:
            issuer = re.sub(r"\s+", "", issuer.upper())
            code, display = f"{year}/{_plain(issuer)}", f"{num}/{year}/{issuer}"
        found.append((match.start(), DocNumber(int(num), code, _plain(issuer), display)))
    return [number for _, number in sorted(found, key=lambda pair: pair[0])]


def _plain(issuer: str) -> str:
    """ "NĐ-CP" → "ND-CP": without marks, the dashes kept."""
    return "-".join(fold(part).upper() for part in issuer.split("-"))


def kind_name(code: str) -> str:
    """The kind a number's code stands for: "QD" → "Quy định", "2019/QH14" → "Luật"."""
    if code in CODE_NAMES:
        return CODE_NAMES[code]
    issuer = code.split("/", 1)[-1]
    head = re.split(r"[-\d]", issuer, maxsplit=1)[0]
    return _STATE_KINDS.get(head, "Văn bản")


def _display_kind(kind: str) -> str:
    return kind[:-1].upper() + "i" if kind.endswith("i") and len(kind) > 2 else kind.upper()


@dataclass(frozen=True)
class QueryRefs:
    """What a question points at exactly, besides its words."""

    docs: tuple[tuple[str, int], ...] = ()  # (code, number), e.g. ("QD", 37)
    article: int | None = None
    article_letter: str = ""  # "Điều 2a", inserted by a later law between Điều 2 and Điều 3
    clause: str | None = None  # "khoản 2" of that article
    point: str | None = None  # "điểm b" of that clause (or of the article)
    section: str | None = None
    ordinal: int | None = None
    ordinal_noun: str | None = None
    # each number's kind as typed ("quyết định 217": Quyết định), where the question names it
    said: tuple[tuple[tuple[str, int], str], ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.docs or self.article or self.section or self.ordinal)


def parse_query_refs(question: str) -> QueryRefs:
    """Find document numbers, articles ("điều 14"), sections ("mục 2.2.5") and ordinals."""
    docs: list[tuple[str, int]] = [(d.code, d.number) for d in find_doc_numbers(question)]
    folded = fold(question.replace("-", " ").replace("/", " "))
    said: dict[tuple[str, int], str] = {}
    for match in _KIND_NUMBER.finditer(folded):
        kind = match.group("kind")
        code = KINDS[kind][0] if kind in KINDS else _SHORT_KIND[kind]
        pair = (code, int(match.group("num")))
        if kind in KINDS:
            said.setdefault(pair, KINDS[kind][1])
        if pair not in docs:
            docs.append(pair)
    article_match = _ARTICLE.search(folded) or (_ARTICLE_SHORT.search(folded) if docs else None)
    section_match = _SECTION.search(strip_marks(nfc(question)).lower())
    section = section_match.group(1) if section_match else None
    ordinal = noun = None
    ordinal_match = _ordinal(folded, {n for _, n in docs})
    if ordinal_match:
        noun = ordinal_match.group("noun")
        ordinal = (
            int(ordinal_match.group("num"))
            if ordinal_match.group("num")
            else _ORDINALS[ordinal_match.group("word")]
        )
    clause = point = None
    if article_match:
        clause_match = _CLAUSE.search(folded)
        point_match = _POINT.search(nfc(question).lower())
        clause = clause_match.group(1) if clause_match else None
        point = point_match.group(1).replace("dd", "đ") if point_match else None
    return QueryRefs(
        docs=tuple(docs),
        article=int(article_match.group(1)) if article_match else None,
        article_letter=article_match.group(2) if article_match else "",
        said=tuple(said.items()),
        clause=clause,
        point=point,
        section=section,
        ordinal=ordinal,
        ordinal_noun=noun,
    )


def _ordinal(folded: str, numbers: set[int]) -> re.Match | None:
    """The first "<noun> thứ ba" / "<noun> số 2" that points at an item of a list: not a
    document's number ("Bộ luật số 45/2019/QH14") and not a term ("người thứ ba")."""
    for match in _ORDINAL.finditer(folded):
        if match.group("num") and int(match.group("num")) in numbers:
            continue
        noun = match.group("noun")
        if any(noun == end or noun.endswith(f" {end}") for end in _TERM_ENDINGS):
            continue
        return match
    return None


_KIND_TOKENS: dict[str, list[tuple[str, ...]]] = {}
for _kind, (_code, _name) in KINDS.items():
    _KIND_TOKENS.setdefault(_code, []).append(tuple(_kind.split()))
_ISSUER_TOKENS = (("trung", "uong"), ("tinh", "uy"), ("huyen", "uy"), ("dang", "uy", "khoi"))


def strip_refs(words: list[str | None], docs: list[tuple[str, int]]) -> list[str | None]:
    """Drop "quy định (số) 37" and "37 quy định trung ương" from a question's words.

    Used when the search already favours the sections about those documents, so that a
    passage that merely repeats the number does not outrank the one that answers.
    """
    out = list(words)
    for code, number in docs:
        kinds = _KIND_TOKENS.get(code, [])
        for i, word in enumerate(out):
            if word != str(number):
                continue
            out[i] = None
            j = i - 1
            if j >= 0 and out[j] == "so":
                out[j] = None
                j -= 1
            before = next((kd for kd in kinds if tuple(out[j - len(kd) + 1 : j + 1]) == kd), None)
            if before:
                out[j - len(before) + 1 : j + 1] = [None] * len(before)
            k = i + 1
            after = next((kind for kind in kinds if tuple(out[k : k + len(kind)]) == kind), None)
            if after:
                out[k : k + len(after)] = [None] * len(after)
                k += len(after)
                for issuer in _ISSUER_TOKENS:
                    if tuple(out[k : k + len(issuer)]) == issuer:
                        out[k : k + len(issuer)] = [None] * len(issuer)
    return out
