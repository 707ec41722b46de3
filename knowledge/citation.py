"""One-line citations: "Quy định số 37-QĐ/TW, Điều 18", "Kế hoạch số 127-KH/ĐUK › III › 2.3"."""

from __future__ import annotations

from knowledge.references import CODE_NAMES, find_doc_numbers
from knowledge.structure import classify

_SHORT = 70


def passage_citation(
    doc_citation: str, doc_number: str | None, subject: str | None, trail: list[str],
    label: str | None, kind: str,
) -> str:
    base = doc_citation
    source = ""
    if subject and subject != doc_number:
        numbers = find_doc_numbers(subject)
        name = CODE_NAMES.get(numbers[0].code, "Văn bản") if numbers else "Văn bản"
        base = f"{name} số {subject}"
        source = f" (trích {doc_citation})"
    if kind == "article" and label:
        return f"{base}, {label}{source}"
    steps: list[str] = []
    for line in trail:
        marker, step_label = classify(line)
        if marker == "star" and not (subject and subject in line[:60]):
            steps.append(_short(line.lstrip("* ").rstrip(":")))
        elif step_label and marker != "star" and not (
            subject and subject != doc_number and marker in ("roman", "upper")
        ):
            steps.append(step_label)
    if label and kind != "part":
        steps.append(label)
    path = " › ".join(steps[-3:])
    return f"{base} › {path}{source}" if path else f"{base}{source}"


def _short(text: str) -> str:
    if len(text) <= _SHORT:
        return text
    return text[:_SHORT].rsplit(" ", 1)[0] + "…"
