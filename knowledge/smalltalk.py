"""Greetings, thanks and chit-chat: a short friendly reply, no search, no unanswered entry."""

from __future__ import annotations

from knowledge.text.normalize import fold

# Whole phrases (folded) by what they are; a message is small talk when, without the polite
# fillers below, it is nothing but one or more of these.
_PHRASES = {
    "greeting": ("xin chao", "chao", "hello", "helo", "hi", "alo", "a lo", "chao buoi sang",
                 "chao buoi toi", "chao buoi chieu", "hey"),
    "thanks": ("cam on", "cam on nhieu", "thanks", "thank you", "thank", "tks", "thanks you",
               "cam on nhe", "xin cam on", "da cam on"),
    "bye": ("tam biet", "bye", "bye bye", "hen gap lai", "chao tam biet", "goodbye"),
    "ack": ("ok", "oke", "okie", "okay", "vang", "da", "u", "uh", "uhm", "duoc roi",
            "da ro", "ro roi", "hieu roi", "tot", "tot qua", "hay qua", "good"),
    "who": ("ban la ai", "ban ten gi", "ban ten la gi", "may la ai", "ai day", "bot la gi",
            "ban lam duoc gi", "ban giup duoc gi", "ban co the lam gi"),
}
_FILLER_WORDS = "a ah nhe nha nhi ban bot oi dong chi tro ly bo em anh ad admin minh toi nhieu lam"
_FILLERS = frozenset(_FILLER_WORDS.split())
_KIND_OF = {phrase: kind for kind, phrases in _PHRASES.items() for phrase in phrases}
_LONGEST = max(len(p.split()) for p in _KIND_OF)
MAX_WORDS = 8


def small_talk(message: str) -> str | None:
    """"greeting", "thanks", "bye", "ack" or "who" when the message is only that, "vague" when
    it is only single letters or digits ("x", "1 a"): nothing to search for, else None."""
    words = fold(message).split()
    if not words or len(words) > MAX_WORDS:
        return None
    kinds, n = [], 0
    while n < len(words):
        for size in range(min(_LONGEST, len(words) - n), 0, -1):
            kind = _KIND_OF.get(" ".join(words[n:n + size]))
            if kind:
                kinds.append(kind)
                n += size
                break
        else:
            if words[n] not in _FILLERS:
                return _vague(words)
            n += 1
    return kinds[-1] if kinds else _vague(words)


def _vague(words: list[str]) -> str | None:
    return "vague" if all(len(word) == 1 for word in words) else None
