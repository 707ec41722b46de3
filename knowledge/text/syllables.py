"""Whether a folded word can be a Vietnamese syllable: a typo ("dnag", "tnih", "haoch") cannot,
while a real word the documents never use ("nào", "nuôi", "bóng") can and is no typo."""

from __future__ import annotations

import re

_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
# Vowels closed by a glide (ai, ươi, iêu…) or open diphthongs (ia, ưa) end the syllable.
_OPEN = (r"(?:oai|oay|oao|oeo|uay|uoi|uou|ieu|yeu|uyu|uya"
         r"|ai|ao|au|ay|eo|eu|ia|iu|oi|ua|ui|uu|uo|ue)")
# Other vowels may take a final consonant (an, anh, ương, uyên, oăc…).
_CLOSED = r"(?:uye|oa|oe|uy|uo|ua|ie|ye|oo|ue|a|e|i|o|u|y)(?:ch|nh|ng|c|m|n|p|t)?"
_SYLLABLE = re.compile(rf"^{_ONSET}(?:{_OPEN}|{_CLOSED})$")


def is_syllable(folded: str) -> bool:
    """True for "nao", "nguoi", "khuyen"; False for "dnag", "ivec", "haoch", "thm"."""
    return bool(_SYLLABLE.match(folded))
