"""Runs of a .docx typed in a legacy Vietnamese font (".VnTime" is TCVN3, "VNI-Times" is VNI)
are converted run by run: an old paragraph pasted into a Unicode document is read right too."""

from __future__ import annotations

from knowledge.documents import wordtext
from knowledge.text.legacy import from_tcvn3, from_vni, has_unicode_vietnamese


def font_encoding(name: str | None) -> str | None:
    """The legacy encoding a font name implies: TCVN3 (".Vn…"), VNI ("VNI-…"), else None."""
    lower = (name or "").strip().lower()
    if lower.startswith(".vn"):
        return "TCVN3"
    if lower.startswith("vni"):
        return "VNI"
    return None


def style_font(style) -> str | None:  # noqa: ANN001 - a python-docx style or None
    """The font a style sets, looking through the styles it is based on."""
    seen = 0
    while style is not None and seen < 20:  # a loop of based-on styles is a broken file
        name = style.font.name
        if name:
            return name
        style, seen = style.base_style, seen + 1
    return None


def paragraph_text(paragraph, default_font: str | None) -> tuple[str, str | None]:  # noqa: ANN001
    """The paragraph's text in Unicode and the legacy encoding converted, if any."""
    runs = wordtext.runs(paragraph)
    base = style_font(paragraph.style) or default_font
    fonts = [run.font.name or style_font(run.style) or base for run in runs]
    encodings = [font_encoding(font) for font in fonts]
    legacy = [run.text for run, encoding in zip(runs, encodings, strict=True) if encoding]
    if not legacy or any(has_unicode_vietnamese(text) for text in legacy):
        return "".join(run.text for run in runs), None  # Unicode in an old font's name stays
    parts: list[str] = []
    for run, font, encoding in zip(runs, fonts, encodings, strict=True):
        text = run.text
        if encoding == "TCVN3":
            text = from_tcvn3(text)
            if font.strip().lower().endswith("h"):  # ".VnTimeH": capitals drawn on the lower codes
                text = text.upper()
        elif encoding == "VNI":
            text = from_vni(text)
        parts.append(text)
    return "".join(parts), next(e for e in encodings if e)
