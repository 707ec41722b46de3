"""Who issued a document, its number, kind, date and title, read from its first lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from knowledge.documents.structure import classify, is_caps
from knowledge.search.references import KINDS, find_doc_numbers, kind_name
from knowledge.text.normalize import fold

_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
# Laws and the State's documents name themselves by kind and title ("BỘ LUẬT LAO ĐỘNG") and give
# their number on a line of its own ("Bộ luật số 45/2019/QH14", "Văn bản hợp nhất số 01/…").
LAW_KINDS = ("Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp", "Nghị định", "Thông tư")
_LAW_NUMBER = re.compile(r"^(?:Bộ luật|Luật|Pháp lệnh|Nghị định|Thông tư|Văn bản hợp nhất)"
                         r"\s+số\s+\d{1,4}\s*/", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"^(?:\*\s*)?Số\b", re.UNICODE)
_ISSUER_WORDS = ("đảng bộ", "đảng ủy", "huyện ủy", "tỉnh ủy", "thị ủy", "thành ủy", "ban ",
                 "chi bộ", "ủy ban", "cơ quan", "văn phòng")
_KIND_BY_FOLD = sorted(KINDS.items(), key=lambda item: len(item[0]), reverse=True)
_CODES = {display: code for code, display in KINDS.values()}  # "Quyết định" -> "QD"


@dataclass
class DocumentMeta:
    number: str | None = None
    kind: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    title: str = ""
    warnings: list[str] = field(default_factory=list)
    year: int | None = None  # of a law, from its number ("45/2019/QH14" → 2019)

    def citation(self, fallback: str) -> str:
        """How answers name the document: "Kế hoạch số 127-KH/ĐUK", a law by its name and year
        ("Bộ luật Lao động 2019"), else its short title."""
        if self.kind in LAW_KINDS and self.title:
            return law_name(self.title) + (f" {self.year}" if self.year else "")
        if self.number:
            return f"{self.kind or 'Văn bản'} số {self.number}"
        title = self.title or fallback
        if self.kind and fold(title).startswith(fold(self.kind)):
            rest = title[len(self.kind) :].strip()
            words = [w.lower() if w.isupper() and w.isalpha() else w for w in rest.split()]
            title = proper_names(" ".join([self.kind, *words]))
        return title if len(title) <= 110 else title[:110].rsplit(" ", 1)[0] + "…"


# Bodies of the Party written in capitals in a heading keep their capitals once lowered.
_PROPER = ("Ban Chấp hành Trung ương", "Ban Chấp hành", "Ban Thường vụ", "Bộ Chính trị",
           "Ban Bí thư", "Đảng bộ", "Đảng ủy", "Tỉnh ủy", "Huyện ủy", "Thị ủy", "Thành ủy",
           "Trung ương", "Đảng ủy Khối", "Mặt trận Tổ quốc")
_PROPER_RE = re.compile("|".join(rf"\b{re.escape(p.lower())}\b" for p in
                                 sorted(_PROPER, key=len, reverse=True)))


def law_name(title: str) -> str:
    """ "BỘ LUẬT LAO ĐỘNG" → "Bộ luật Lao động", "LUẬT AN NINH MẠNG" → "Luật An ninh mạng"."""
    kind = next((k for k in sorted(LAW_KINDS, key=len, reverse=True)
                 if fold(title).startswith(fold(k) + " ")), None)
    if kind is None:
        return title
    rest = title[len(kind):].strip().lower()
    return f"{kind} {rest[:1].upper()}{rest[1:]}" if rest else kind


def proper_names(text: str) -> str:
    """"của ban chấp hành đảng bộ tỉnh" → "của Ban Chấp hành Đảng bộ tỉnh"."""
    by_lower = {p.lower(): p for p in _PROPER}
    return _PROPER_RE.sub(lambda m: by_lower[m.group(0)], text)


def extract_meta(paragraphs: list[str], file_name: str) -> DocumentMeta:
    """Read the header block; anything missing is reported as a warning, not an error."""
    meta = DocumentMeta()
    head = paragraphs[:30]
    for index, para in enumerate(head):
        if meta.number is None and _LAW_NUMBER.match(para):
            numbers = find_doc_numbers(para)
            if numbers:
                meta.number = numbers[0].display
                years = _YEAR.findall(para)
                meta.year = int(years[0]) if years else None
        elif meta.number is None and _NUMBER.match(para):
            numbers = find_doc_numbers(para)
            if numbers:
                meta.number = numbers[0].display
                meta.kind = kind_name(numbers[0].code)
            else:
                meta.warnings.append("văn bản chưa có số (bản dự thảo?)")
        if meta.issued_on is None and (match := _DATE.search(para)):
            try:
                day, month, year = (int(g) for g in match.groups())
                meta.issued_on = date(year, month, day)
            except ValueError:
                meta.warnings.append(f"ngày ban hành không hợp lệ: {match.group(0)}")
        if not meta.title and (kind := _kind_heading(para)):
            meta.kind = kind if _same_code(kind, meta.kind) else meta.kind or kind
            meta.title = _title_from(head, index)
    if not meta.title:
        subject = next((p for p in head if p.lower().startswith("v/v")), None)
        meta.title = subject[3:].strip(" :.") if subject else file_name
        if not subject:
            meta.warnings.append("không nhận ra tiêu đề văn bản; dùng tên tệp")
    meta.issuer = _issuer(head)
    if meta.number is None and not any("chưa có số" in w for w in meta.warnings):
        meta.warnings.append("không tìm thấy số văn bản")
    return meta


def _same_code(kind: str, guessed: str | None) -> bool:
    """Whether the heading's kind shares its number's code with the kind the number suggested:
    "-QĐ/" numbers a Quy định and a Quyết định alike, and the heading says which it is."""
    return guessed is not None and _CODES.get(kind, kind) == _CODES.get(guessed, guessed)


def _kind_heading(para: str) -> str | None:
    if not (is_caps(para.split(" thực hiện")[0].split(" về ")[0]) or para[:1].isupper()):
        return None
    folded = fold(para)
    if is_caps(para) and len(para) <= 120:
        for kind in sorted(LAW_KINDS, key=len, reverse=True):
            if folded.startswith(fold(kind) + " "):
                return kind
    for name, (_code, display) in _KIND_BY_FOLD:
        if folded.startswith(name) and is_caps(para[: len(name)]):
            return display
    return None


def _title_from(head: list[str], index: int) -> str:
    parts = [head[index]]
    for para in head[index + 1 : index + 4]:
        if (len(para) > 300 or para.startswith(("Thực hiện", "Căn cứ", "Số"))
                or _LAW_NUMBER.match(para) or classify(para)[0]):
            break
        parts.append(para)
    title = " ".join(parts).split(" Thực hiện ")[0].split(" Căn cứ ")[0]
    return title if len(title) <= 400 else title[:400].rsplit(" ", 1)[0] + "…"


def _issuer(head: list[str]) -> str | None:
    for para in head[:8]:
        lowered = para.lower()
        if "cộng sản việt nam" in lowered and len(lowered) < 30:
            continue
        if is_caps(para) and any(word in lowered for word in _ISSUER_WORDS):
            return para.replace(" ĐẢNG CỘNG SẢN VIỆT NAM", "").strip()
    return None
