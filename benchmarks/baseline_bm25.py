"""The baseline: plain BM25 over the same passages, words folded and split, nothing else."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np

from knowledge.text.normalize import fold

K1, B = 1.2, 0.75


def _pairs(words: list[str]) -> list[str]:
    """Syllables and adjacent syllable pairs: pairs stand in for Vietnamese two-syllable words."""
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


class PlainBM25:
    def __init__(self, texts: list[str], pairs: bool = False) -> None:
        self.pairs = pairs
        docs = [self._terms(t) for t in texts]
        lengths = np.asarray([len(d) or 1 for d in docs], dtype=np.float32)
        avg = float(lengths.mean()) if len(docs) else 1.0
        df = Counter(term for doc in docs for term in set(doc))
        n = max(len(docs), 1)
        idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        columns: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for i, doc in enumerate(docs):
            norm = K1 * (1 - B + B * lengths[i] / avg)
            for term, freq in Counter(doc).items():
                ids, weights = columns[term]
                ids.append(i)
                weights.append(idf[term] * freq * (K1 + 1) / (freq + norm))
        self.size = len(docs)
        self.postings = {t: (np.asarray(i, dtype=np.int32), np.asarray(w, dtype=np.float32))
                         for t, (i, w) in columns.items()}

    def _terms(self, text: str) -> list[str]:
        words = fold(text).split()
        return _pairs(words) if self.pairs else words

    def search(self, question: str, top: int = 3) -> list[int]:
        scores = np.zeros(self.size, dtype=np.float32)
        for term in self._terms(question):
            posting = self.postings.get(term)
            if posting is not None:
                scores[posting[0]] += posting[1]
        if self.size <= top:
            return [int(i) for i in np.argsort(-scores)]
        best = np.argpartition(-scores, top)[:top]
        return [int(i) for i in best[np.argsort(-scores[best])] if scores[i] > 0]
