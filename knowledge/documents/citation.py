"""One-line citations: "Quy định số 37-QĐ/TW, Điều 18", "Kế hoạch số 127-KH/ĐUK › III › 2.3"."""

from __future__ import annotations

import re

from knowledge import texts
from knowledge.documents.structure import classify
from knowledge.search.references import find_doc_numbers, kind_name

_SHORT = 70
_COUNTED = re.compile(
    r"^.*?\d+\s*-\s*[A-ZĐa-zđ]+/[A-ZĐ]+\s+(?:có|gồm|xác định)(?: những)?\s+(?:\d+\s+)?"
    r"(?P<topic>[^:]+?)(?: chủ yếu)?$"
)


def passage_citation(
    doc_citation: str, doc_number: str | None, subject: str | None, trail: list[str],
    label: str | None, kind: str, page: int | None = None,
) -> str:
    cited = _citation(doc_citation, doc_number, subject, trail, label, kind)
    return f"{cited} ({texts.CITE_SCANNED_PAGE.format(page=page)})" if page else cited


def _citation(
    doc_citation: str, doc_number: str | None, subject: str | None, trail: list[str],
    label: str | None, kind: str,
) -> str:
    base = doc_citation
    source = ""
    if subject and subject != doc_number:
        numbers = find_doc_numbers(subject)
        name = kind_name(numbers[0].code) if numbers else "Văn bản"
        base = f"{name} số {subject}"
        source = f" (trích {doc_citation})"
    if kind == "article" and label:
        return f"{base}, {label}{source}"
    article = _within_article(trail, label, kind)
    if article:
        return f"{base}, {article}{source}"
    if kind == "row":
        table = _short(trail[0].split("(Kèm theo")[0].strip().capitalize()) if trail else ""
        row = f"dòng {label}" if label else ""
        path = " › ".join(s for s in (table, row) if s)
        return f"{base} › {path}{source}" if path else f"{base}{source}"
    steps: list[str] = []
    for line in trail:
        marker, step_label = classify(line)
        if marker == "star":
            steps.append(_short(_topic(line.lstrip("* ").rstrip(":"))))
        elif step_label and not (
            subject and subject != doc_number and marker in ("roman", "upper")
        ):
            steps.append(step_label)
    if label and kind != "part":
        if steps and classify(trail[-1])[0] == "star" and label.startswith("("):
            steps[-1] = f"{steps[-1]} {label}"  # "nhiệm vụ trọng tâm (5)"
        else:
            steps.append(label)
    steps = [s for n, s in enumerate(steps) if not any(t.startswith(f"{s}.") for t in steps[n:])]
    path = " › ".join(s for s in steps[-3:] if s)
    return f"{base} › {path}{source}" if path else f"{base}{source}"


def _within_article(trail: list[str], label: str | None, kind: str) -> str:
    """ "Điều 35, khoản 1, điểm a" for a clause or point of an article, else ""."""
    steps = [(marker, step) for marker, step in map(classify, trail)]
    starts = [n for n, (marker, _) in enumerate(steps) if marker == "article"]
    if not starts:
        return ""
    parts = [steps[starts[-1]][1] or ""]
    for marker, step in [*steps[starts[-1] + 1:], (kind, label)]:
        if (marker == "dec1" or (marker == "paren" and len(parts) == 1)) and step:
            parts.append(f"khoản {step.strip('()')}")  # "1)" right under an article: a clause
        elif marker == "letter" and step:
            parts.append(f"điểm {step.rstrip(')')}")
    return ", ".join(parts)


def _topic(heading: str) -> str:
    """ "Kế hoạch số 147-KH/TU có 12 nhiệm vụ trọng tâm" -> "nhiệm vụ trọng tâm"."""
    match = _COUNTED.match(heading)
    return match.group("topic") if match else heading


def _short(text: str) -> str:
    if len(text) <= _SHORT:
        return text
    return text[:_SHORT].rsplit(" ", 1)[0] + "…"
