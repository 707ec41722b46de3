"""Typos read in context: a mistyped syllable is the known one a keystroke away that makes a
word pair of the documents with its neighbour ("dnag viên" is "đảng viên", "quy địh" is
"quy định"), which a spelling-only match cannot tell among its many near neighbours."""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.search.index import SearchIndex
from knowledge.text.syllables import is_syllable

SHORTEST = 3  # a two-letter typo is a letter away from too many syllables to be read
ALONE = 5  # from this length a slip is read without context too
LONG = 7  # from this length two slips are read (one below it): a swap, a drop, a double


def read(index: SearchIndex, words: list[str]) -> list[str | None]:
    """The indexed spelling of each word: as typed, read in context, or a near typo. Context
    is read again while it helps, and two slips side by side ("đnảg ivên") are read as a pair."""
    resolved = [index.known(w) for w in words]
    pending = [n for n, r in enumerate(resolved) if r is None]
    near = {n: _near(index, words[n]) for n in pending}  # one vocabulary scan per word
    fuzzy_done = False
    while pending:
        fixed = [n for n in pending if _fix(index, near[n], resolved, n)]
        if not fixed:
            fixed = [m for n in pending if n + 1 in pending
                     for m in _fix_together(index, near[n], near[n + 1], resolved, n)]
        pending = [n for n in pending if resolved[n] is None]
        if not fixed:
            if fuzzy_done:
                break
            for n in pending:  # a near typo by spelling alone, which may give context back
                resolved[n] = index.resolve(words[n]) or _commonest(index, words[n], near[n])
            pending, fuzzy_done = [n for n in pending if resolved[n] is None], True
    return resolved


def _fix(index: SearchIndex, near: list[tuple[str, float]], resolved: list[str | None],
         n: int) -> bool:
    """Read word n in the context of its neighbours as resolved so far."""
    before = resolved[n - 1] if n else None
    after = resolved[n + 1] if n + 1 < len(resolved) else None
    resolved[n] = in_context(index, near, before, after)
    return resolved[n] is not None


def _fix_together(index: SearchIndex, first_near: list[tuple[str, float]],
                  second_near: list[tuple[str, float]], resolved: list[str | None],
                  n: int) -> list[int]:
    """Words n and n+1, both slipped: the nearest known pair the documents use."""
    if resolved[n] is not None or resolved[n + 1] is not None:
        return []
    best: tuple[float, str, str] | None = None
    for first, d1 in first_near:
        for second, d2 in second_near:
            pair = f"{first}_{second}"
            if pair in index.idf:
                rank = (d1 + d2) * 100 + index.idf[pair]
                if best is None or rank < best[0]:
                    best = (rank, first, second)
    if best is None:
        return []
    resolved[n], resolved[n + 1] = best[1], best[2]
    return [n, n + 1]


def _commonest(index: SearchIndex, word: str, near: list[tuple[str, float]]) -> str | None:
    """Out of context, a longer word one slip from known syllables ("nheiu") is the commonest."""
    if len(word) < ALONE:
        return None
    close = [c for c, d in near if d <= 1]
    return min(close, key=index.idf.__getitem__) if close else None


def _near(index: SearchIndex, word: str) -> list[tuple[str, float]]:
    """Known syllables a slip or two away from a word that cannot itself be a syllable."""
    if len(word) < SHORTEST or word.isdigit() or not index.vocabulary \
            or is_syllable(word):  # a real word the documents do not use is not a typo
        return []
    slips = 1 if len(word) < LONG else 2
    return [(c, d) for c, d, _ in process.extract(word, index.vocabulary, scorer=OSA.distance,
                                                  score_cutoff=slips, limit=None)]


def in_context(index: SearchIndex, near: list[tuple[str, float]], before: str | None,
               after: str | None) -> str | None:
    """Of a slipped word's near syllables (`_near`; a swap counts one slip), the nearest that
    pairs with a neighbour as the documents do; of several, the commoner pair's."""
    if not (before or after):
        return None
    best: tuple[float, str] | None = None
    for candidate, distance in near:
        pairs = [p for p in (f"{before}_{candidate}" if before else "",
                             f"{candidate}_{after}" if after else "") if p in index.idf]
        if not pairs:
            continue
        rank = distance * 100 + min(index.idf[p] for p in pairs)  # fewer slips, commoner pair
        if best is None or rank < best[0]:
            best = (rank, candidate)
    return best[1] if best else None
