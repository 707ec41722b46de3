"""Vietnamese text normalisation shared by indexing and querying, so both sides agree."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Tone marks as combining characters; every other mark (circumflex, breve, horn) stays.
_TONES = {"\u0300": "f", "\u0301": "s", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_WORD = re.compile(r"[0-9a-z]+")
_WORD_ANY_CASE = re.compile(r"\w+", re.UNICODE)

# Old-style tone placement (hòa, khỏe, thủy) is the canonical form; new style (hoà, khoẻ,
# thuỷ) is moved onto the first vowel of an open "oa", "oe", "uy" syllable.
_OLD_STYLE = re.compile(
    r"(?<![qQ])([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![\w])", re.UNICODE
)

# Chat shorthand (folded form) -> folded words.
SHORTHAND: dict[str, str] = {
    "ko": "khong", "k": "khong", "kh": "khong", "hok": "khong", "hong": "khong",
    "khg": "khong", "kg": "khong", "hem": "khong",
    "dc": "duoc", "dk": "duoc", "dx": "duoc",
    "vs": "voi", "j": "gi", "ntn": "nhu the nao", "bn": "bao nhieu", "bnhieu": "bao nhieu",
    "mk": "minh", "cx": "cung", "trc": "truoc", "ng": "nguoi", "ns": "noi",
    "tgian": "thoi gian", "tg": "thoi gian", "hnay": "hom nay", "nt": "nhu the",
    "sd": "su dung", "ql": "quan ly", "sh": "sinh hoat", "shcb": "sinh hoat chi bo",
}

# Abbreviations of party documents and bodies (folded, lower case) -> folded words.
ABBREVIATIONS: dict[str, str] = {
    "nq": "nghi quyet", "qd": "quy dinh", "qdi": "quy dinh", "kl": "ket luan",
    "kh": "ke hoach", "ct": "chi thi", "hd": "huong dan", "ctr": "chuong trinh",
    "cv": "cong van", "tb": "thong bao", "bc": "bao cao",
    "tw": "trung uong", "bch": "ban chap hanh", "btv": "ban thuong vu",
    "bct": "bo chinh tri", "bbt": "ban bi thu", "ubkt": "uy ban kiem tra",
    "mttq": "mat tran to quoc", "duk": "dang uy khoi", "hdnd": "hoi dong nhan dan",
    "ubnd": "uy ban nhan dan", "bcs": "ban can su", "btg": "ban tuyen giao",
    "btc": "ban to chuc", "tcd": "to chuc dang", "tccsd": "to chuc co so dang",
    "dv": "dang vien", "cbdv": "can bo dang vien", "cb": "can bo", "bt": "bi thu",
    "btcb": "bi thu chi bo", "vpduk": "van phong dang uy khoi",
    "tu": "tinh uy", "hu": "huyen uy", "du": "dang uy", "da": "de an", "tt": "thuong truc",
    "pbt": "pho bi thu", "llct": "li luan chinh tri", "bdv": "ban dan van",
    "bnc": "ban noi chinh", "cq": "co quan", "db": "dang bo", "cbcc": "can bo cong chuc",
    "ccvc": "cong chuc vien chuc", "uv": "uy vien", "bcd": "ban chi dao", "qh": "quoc hoi",
    "shcb": "sinh hoat chi bo", "ubmttq": "uy ban mat tran to quoc", "vptu": "van phong tinh uy",
}
# These collide with ordinary Vietnamese syllables once folded (tư, hư, dù, đã, ...), so they
# are expanded only when written in capitals inside mixed-case text, or inside a number.
CASE_SENSITIVE = {"tu", "hu", "du", "da", "tt", "kh", "ct", "bt", "cb", "bc", "tb", "db", "uv"}
# Short abbreviations that chat shorthand also uses: capitals mean the abbreviation.
_SHORTHAND_OR_ABBREV = {"kh"}
# Before a number these name a document's kind even in a shouted or lower-case question ("KH 12",
# "ct 05"): "kh" is then no "không". Not "da": "da 16 tuoi" is "đã 16 tuổi".
_KIND_ABBREV = frozenset({"kh", "ct", "hd", "tb", "bc"})

_VNI_DIGIT = re.compile(r"(?<=[a-z])[1-9](?=[a-z]|$)")
_TELEX_TONE_END = re.compile(r"^([a-z]*[aeiouy][a-z]*?)([sfrxj])$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def canonical_tones(text: str) -> str:
    """Unify new-style tone placement (hoà, uỷ, thuỷ) with old style (hòa, ủy, thủy)."""

    def move(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        decomposed = unicodedata.normalize("NFD", second)
        base = decomposed[0]
        tone = "".join(ch for ch in decomposed[1:] if ch in _TONES)
        return unicodedata.normalize("NFC", first + tone) + base

    return _OLD_STYLE.sub(move, nfc(text))


def printable(text: str) -> str:
    """Without NUL and other control characters (PostgreSQL refuses NUL in text); whitespace
    such as new lines is kept."""
    return "".join(ch for ch in text if ch.isprintable() or ch in "\n\t ")


def strip_marks(text: str) -> str:
    """Remove every Vietnamese diacritic, including đ -> d."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics, punctuation and whitespace collapsed to single spaces."""
    return " ".join(_WORD.findall(strip_marks(text).lower()))


def has_diacritics(text: str) -> bool:
    return strip_marks(text) != nfc(text).replace("đ", "d").replace("Đ", "D")


_PERIODS = frozenset({"nam", "thang", "quy", "tuan", "ngay", "ki"})
_I_FOR_Y = re.compile(r"^(?:[bcdghklmnprstvx]|ch|kh|nh|ph|th|tr)y$")


_COMRADE = re.compile(r"(?i)(?<!\w)đ/c(?!\w)")
_MARKED_WORD = re.compile(r"\w*[^\x00-\x7f]\w*")


def marked_words(text: str) -> set[str]:
    """The words of a text written with marks, lower case, tones placed one way."""
    return set(_MARKED_WORD.findall(canonical_tones(text.lower())))


def marked_tokens(text: str) -> list[str]:
    """Every word of a text in order, lower case with its marks, tones placed one way."""
    return _WORD_ANY_CASE.findall(canonical_tones(nfc(text).lower()))


_Y_AS_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")
_I_AS_Y = str.maketrans("iíìỉĩị", "yýỳỷỹỵ")


def one_spelling(word: str) -> str:
    """A marked word spelt as tokens() folds it: the final y of tỷ, lý, kỹ written i, and the
    old "qui", "quí" written quy, quý."""
    folded = fold(word)
    if folded == "qui":
        return word[:-1] + word[-1].translate(_I_AS_Y)
    return word[:-1] + word[-1].translate(_Y_AS_I) if _I_FOR_Y.match(folded) else word


def _strip_zeros(token: str) -> str:
    """One spelling per word: 03 -> 3, the i/y variants tỷ/tỉ, lý/lí, kỹ/kĩ -> i, and the old
    "qui định", "qui chế" -> quy."""
    if token.isdigit():
        return token.lstrip("0") or "0"
    if token == "qui":
        return "quy"
    if _I_FOR_Y.match(token):
        return token[:-1] + "i"
    return token


def tokens(text: str, *, expand: bool = True) -> list[str]:
    """Folded word tokens with party abbreviations and chat shorthand expanded."""
    text = nfc(text).replace("%", " phần trăm ")  # "10%" and "mười phần trăm" meet
    text = _COMRADE.sub(" đồng chí ", text)  # "đ/c" is written for "đồng chí"
    raw_words = _WORD_ANY_CASE.findall(text.replace("_", " "))
    letters = [w for w in raw_words if not w.isdigit()]
    shouting = bool(letters) and all(w.isupper() for w in letters if len(w) > 1)
    out: list[str] = []
    for n, raw in enumerate(raw_words):
        if expand and raw == "TƯ" and _central(raw_words, n, shouting):
            out.extend(("trung", "uong"))
            continue
        numbered = n + 1 < len(raw_words) and raw_words[n + 1].isdigit()
        out.extend(_word_tokens(raw, shouting and not (numbered and fold(raw) in _KIND_ABBREV),
                                expand))
    for i in range(len(out) - 1):
        if out[i] in ("moi", "hang") and out[i + 1] in _PERIODS:
            out[i] = "hang"  # mỗi năm = hằng năm = hàng năm
    return out


def _central(raw_words: list[str], n: int, shouting: bool) -> bool:
    """"TƯ" with its hook is Trung ương ("TU" is Tỉnh ủy): in mixed-case text, or after another
    abbreviation in capitals ("BCH TƯ"), not in a shouted "THỨ TƯ"."""
    return not shouting or (n > 0 and fold(raw_words[n - 1]) in ABBREVIATIONS)


@lru_cache(maxsize=131072)
def _word_tokens(raw: str, shouting: bool, expand: bool) -> tuple[str, ...]:
    """The tokens of one written word; words repeat, so this is cached."""
    out: list[str] = []
    for part in fold(raw).split():
        out.extend(_expand(part, raw, shouting) if expand else [_strip_zeros(part)])
    return tuple(out)


def _expand(part: str, raw: str, shouting: bool) -> list[str]:
    capital = raw.isupper() and len(raw) > 1 and not shouting
    if part in _SHORTHAND_OR_ABBREV:
        return (ABBREVIATIONS[part] if capital else SHORTHAND[part]).split()
    if part in ABBREVIATIONS and (part not in CASE_SENSITIVE or capital):
        return ABBREVIATIONS[part].split()
    if part in SHORTHAND and not raw.isupper():
        return SHORTHAND[part].split()
    return [_strip_zeros(part)]


def typing_leftovers(token: str) -> list[str]:
    """Folded readings of a token typed with Telex or VNI keys but no Vietnamese keyboard."""
    candidates: list[str] = []
    if any(ch.isdigit() for ch in token) and any(ch.isalpha() for ch in token):
        vni = _VNI_DIGIT.sub("", token)
        if vni != token and not any(ch.isdigit() for ch in vni):
            candidates.append(vni)
    word = token
    match = _TELEX_TONE_END.match(word)
    if match:
        word = match.group(1)
    telex = word.replace("dd", "d").replace("uow", "uo").replace("w", "")
    for double in ("aa", "ee", "oo"):
        telex = telex.replace(double, double[0])
    if telex != token and telex:
        candidates.append(telex)
    return candidates


# Words that frame a question or join a sentence; they never decide which passage answers.
_QUESTION_WORDS = (
    "gi nao sao bao nhieu the a ha nhi nhe vay chua ai dau may khi cua vao cac nhung la va "
    "voi cho nhu hay hoac nay ay tai ve ra phai do"
)
QUESTION_WORDS = frozenset(_QUESTION_WORDS.split())
# The same words as written with their marks: "tài", "bảo", "đồ", "máy", "đầu" fold onto them but
# name things, and "vay" (borrow) is what "vậy" reads as when typed without marks.
_MARKED = (
    "gì nào sao bao nhiêu thế à ạ hả nhỉ nhé vậy chưa ai đâu mấy khi của vào các những là và "
    "với cho như hay hoặc này ấy tại về ra phải do đó"
)
_MARKED_QUESTION_WORDS = frozenset(_MARKED.split())
# How people talk, not what they ask about ("bên kia", "người ta", "mình", "rồi"): the codes
# hardly write them, so their rarity would make them weigh most. Without marks only the
# spellings no other word shares.
_SPOKEN_WORDS = "mình rồi mãi kia ta nhé ạ ơi chứ luôn hả nhỉ đấy vẫn"
_SPOKEN = frozenset(_SPOKEN_WORDS.split())
_SPOKEN_PLAIN = frozenset({"kia", "ta"})


def question_words(text: str) -> frozenset[str]:
    """The folded words that only frame this question: QUESTION_WORDS, less those the text
    writes with marks as words that name something ("tài sản", "bảo hiểm", "đồ", "vay"), plus
    the spoken words it uses."""
    if not has_diacritics(text):
        return QUESTION_WORDS | _SPOKEN_PLAIN
    words = marked_tokens(text)
    naming = {fold(w) for w in words
              if w not in _MARKED_QUESTION_WORDS and fold(w) in QUESTION_WORDS}
    return (QUESTION_WORDS - naming) | {fold(w) for w in words if w in _SPOKEN}

