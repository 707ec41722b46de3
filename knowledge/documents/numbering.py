"""Word's automatic numbering written out: "Điều 1.", "1." or "a)" of a numbered list live in
the .docx's numbering part, not in the paragraph, and the structure parser needs them."""

from __future__ import annotations

from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
MAX_STYLE_DEPTH = 10  # a style based on a style based on …: a loop in a broken file ends here
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
         (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str  # decimal, lowerLetter, upperRoman, bullet, none, …
    text: str  # "Điều %1.", "%1.%2.", "%1)"


class Numbering:
    """Counters of every list as a reader meets its paragraphs in order, as Word shows them."""

    def __init__(self, document) -> None:  # noqa: ANN001 - a python-docx Document
        self.levels: dict[str, dict[int, Level]] = {}  # abstractNumId → its levels
        self.lists: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstract, restarts)
        self.counters: dict[str, list[int]] = {}
        self.started: set[tuple[str, int]] = set()  # (numId, level) restarted already
        self.styles = {s.get(f"{W}styleId"): s
                       for s in document.styles.element.findall(f"{W}style")}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for abstract in root.findall(f"{W}abstractNum"):
            self.levels[abstract.get(f"{W}abstractNumId")] = {
                _int(lvl.get(f"{W}ilvl"), 0): _level(lvl) for lvl in abstract.findall(f"{W}lvl")}
        for num in root.findall(f"{W}num"):
            abstract = num.find(f"{W}abstractNumId")
            if abstract is None:
                continue
            restarts = {}
            for override in num.findall(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    restarts[_int(override.get(f"{W}ilvl"), 0)] = _int(start.get(f"{W}val"), 1)
            self.lists[num.get(f"{W}numId")] = (abstract.get(f"{W}val"), restarts)

    def label(self, paragraph) -> str:  # noqa: ANN001 - a python-docx Paragraph
        """The number Word shows before this paragraph ("" if none), counting it."""
        found = self._numbered(paragraph._p)
        if found is None:
            return ""
        num_id, ilvl = found
        abstract, restarts = self.lists.get(num_id, (None, {}))
        levels = self.levels.get(abstract or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, [0] * LEVELS)
        if ilvl in restarts and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counters[ilvl] = restarts[ilvl] - 1
        elif counters[ilvl] == 0:
            counters[ilvl] = levels[ilvl].start - 1
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, LEVELS):
            counters[deeper] = 0
        return _render(levels, counters, ilvl)

    def _numbered(self, p) -> tuple[str, int] | None:  # noqa: ANN001 - a w:p element
        """(numId, level) from the paragraph's own properties or its style's."""
        props = p.find(f"{W}pPr")
        num_pr = props.find(f"{W}numPr") if props is not None else None
        style = props.find(f"{W}pStyle") if props is not None else None
        style_id = style.get(f"{W}val") if style is not None else None
        for _ in range(MAX_STYLE_DEPTH):
            if num_pr is not None:
                break
            element = self.styles.get(style_id)
            if element is None:
                return None
            style_props = element.find(f"{W}pPr")
            num_pr = style_props.find(f"{W}numPr") if style_props is not None else None
            based = element.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        if num_pr is None:
            return None
        num_id, ilvl = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
        if num_id is None or num_id.get(f"{W}val") in (None, "0"):
            return None  # numId 0: numbering switched off for this paragraph
        level = _int(ilvl.get(f"{W}val") if ilvl is not None else "0", 0)
        return num_id.get(f"{W}val"), min(max(level, 0), LEVELS - 1)


def _level(lvl) -> Level:  # noqa: ANN001 - a w:lvl element
    def value(tag: str, default: str) -> str:
        node = lvl.find(f"{W}{tag}")
        return node.get(f"{W}val", default) if node is not None else default

    return Level(_int(value("start", "1"), 1), value("numFmt", "decimal"), value("lvlText", ""))


def _render(levels: dict[int, Level], counters: list[int], ilvl: int) -> str:
    own = levels[ilvl]
    if own.fmt == "bullet":
        return "-"
    if own.fmt == "none":
        return ""
    text = own.text
    for n in range(ilvl, -1, -1):  # %10 is never used: Word has nine levels
        fmt = levels[n].fmt if n in levels else "decimal"
        text = text.replace(f"%{n + 1}", _format(counters[n], fmt))
    return text.strip()


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman, left = "", n
        for value, numeral in ROMAN:
            while left >= value:
                roman, left = roman + numeral, left - value
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text or "")
    except ValueError:
        return default
