"""Which page of a scanned PDF each passage came from, so its citation can send a reader to
the paper copy (OCR misreads a letter now and then; the page is where to check it)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from knowledge.documents.passages import PassageDraft
from knowledge.text.normalize import canonical_tones

_WORDS = 6  # a passage is found by its first words, whatever line breaks OCR put between them


def with_pages(drafts: list[PassageDraft], text: str,
               pages: tuple[tuple[int, bool], ...]) -> list[PassageDraft]:
    """The drafts, those from a recognised page carrying its number (1-based)."""
    if not any(ocr for _, ocr in pages):
        return drafts
    source = canonical_tones(text)
    starts = [start for start, _ in pages]
    out: list[PassageDraft] = []
    position = 0
    for draft in drafts:
        words = draft.text.split()[:_WORDS]
        found = None
        if words:
            pattern = re.compile(r"\s+".join(map(re.escape, words)))
            found = pattern.search(source, position) or pattern.search(source)
        if found is None:
            out.append(draft)
            continue
        if found.start() >= position:
            position = found.start()
        index = bisect.bisect_right(starts, found.start()) - 1
        out.append(replace(draft, page=index + 1) if pages[index][1] else draft)
    return out
