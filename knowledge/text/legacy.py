"""Text typed in the legacy Vietnamese encodings, TCVN3 (ABC, ".VnTime" fonts: "§¶ng viªn")
and VNI ("VNI-Times" fonts: "ñaûng vieân"), recognised and turned into Unicode NFC.

Legacy text reaches us as Latin-1 characters (a .txt read byte for byte, a .docx run in a legacy
font); a text holding any Unicode Vietnamese letter is never converted.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN 5712:1993, byte -> letter (VN1; the ABC fonts use its subset VN3)
_TCVN = {0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự",
         0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"}
_TCVN.update(zip(range(0x80, 0xA0), "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ", strict=True))
_TCVN.update(zip(range(0xA1, 0x100), (
    "ĂÂÊÔƠƯĐăâêôơưđẰ"
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"
    "éẹềểễếệìỉỄẾỒĩíịò"
    "Ổỏõóọồổỗốộờởỡớợù"
    "ỖủũúụừửữứựỳỷỹýỵỐ"), strict=True))
_FROM_TCVN = {letter: byte for byte, letter in _TCVN.items()}

# VNI: a base letter, then one mark that carries the tone and the vowel's shape
_TONES = {"": "", "\u0301": "ùÙ", "\u0300": "øØ", "\u0309": "ûÛ", "\u0303": "õÕ", "\u0323": "ïÏ"}
_CIRCUMFLEX = {"": "âÂ", "\u0301": "áÁ", "\u0300": "àÀ", "\u0309": "åÅ", "\u0303": "ãÃ",
               "\u0323": "äÄ"}
_BREVE = {"": "êÊ", "\u0301": "éÉ", "\u0300": "èÈ", "\u0309": "úÚ", "\u0303": "üÜ",
          "\u0323": "ëË"}
_VNI_SINGLE = {"ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "í": "í", "Í": "Í",
               "ì": "ì", "Ì": "Ì", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị",
               "î": "ỵ", "Î": "Ỵ"}
_SHAPES = {"a": ("", "\u0302", "\u0306"), "e": ("", "\u0302"), "o": ("", "\u0302"),
           "ơ": ("",), "u": ("",), "ư": ("",), "y": ("",)}
_SHAPE_MARKS = {"": _TONES, "\u0302": _CIRCUMFLEX, "\u0306": _BREVE}
_WRITTEN_BASE = {"ơ": "ô", "ư": "ö"}  # how VNI writes the base of ơ and ư


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for base, shapes in _SHAPES.items():
        for shape in shapes:
            for tone, marks in _SHAPE_MARKS[shape].items():
                if base == "y" and tone == "\u0323":
                    continue  # ỵ is one sign of its own (î)
                for case, mark in enumerate(marks):
                    written = _WRITTEN_BASE.get(base, base)
                    letter = unicodedata.normalize("NFC", base + shape + tone)
                    if case:
                        written, letter = written.upper(), letter.upper()
                    if mark or shape:
                        pairs[written + mark] = letter
    return pairs


_VNI = _vni_pairs()
_FROM_VNI = {letter: written for written, letter in _VNI.items()}
_FROM_VNI.update({letter: written for written, letter in _VNI_SINGLE.items()})
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, [*_VNI, *_VNI_SINGLE]),
                                          key=len, reverse=True)))
_UNICODE_VIETNAMESE = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169"
                                 "\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_COMMON = frozenset([  # words almost every Vietnamese document holds
    "của", "và", "các", "là", "được", "trong", "những", "người", "cho", "với", "có", "không",
    "đảng", "viên", "chi", "bộ", "một", "này", "đã", "theo", "về", "để", "khi", "thực",
    "hiện", "công", "tác",
])


def from_tcvn3(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(
        _TCVN.get(byte, ch) if (byte := _byte(ch)) is not None else ch for ch in text))


def to_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 as Latin-1 characters (tests build legacy documents with it)."""
    return "".join(chr(_FROM_TCVN[ch]) if ch in _FROM_TCVN else ch
                   for ch in unicodedata.normalize("NFC", text))


def from_vni(text: str) -> str:
    return _VNI_PATTERN.sub(lambda m: _VNI.get(m.group(), _VNI_SINGLE.get(m.group(), "")),
                            text)


def to_vni(text: str) -> str:
    return "".join(_FROM_VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def from_legacy(text: str) -> tuple[str, str | None]:
    """(Unicode text, the legacy encoding it was in, or None when it was not)."""
    if has_unicode_vietnamese(text):
        return text, None
    before = _common_words(text)
    best, name = text, None
    for candidate, encoding in ((from_tcvn3(text), "TCVN3"), (from_vni(text), "VNI")):
        found = _common_words(candidate)
        if found >= max(5, 2 * before + 1) and found > _common_words(best):
            best, name = candidate, encoding
    return best, name


def has_unicode_vietnamese(text: str) -> bool:
    """Letters only Unicode has (ă, đ, ơ, ư, ạ…): such a text is never converted."""
    return _UNICODE_VIETNAMESE.search(text) is not None


def _common_words(text: str) -> int:
    return sum(word in _COMMON for word in text.lower().split())


def _byte(ch: str) -> int | None:
    """The byte a legacy font's character stands for. Only Latin-1 characters: Word keeps the
    curly quotes and dashes of an ABC document as themselves (U+201C…), never as letters."""
    return ord(ch) if ord(ch) < 256 else None
