"""BM25 postings in three flat arrays: built with numpy in one pass, and saved or loaded as a
few arrays instead of hundreds of thousands of small ones."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Postings:
    """For each term, the rows that hold it and their weights: rows[bounds[k]:bounds[k + 1]]."""

    ids: dict[str, int]
    rows: np.ndarray
    weights: np.ndarray
    bounds: np.ndarray

    @classmethod
    def empty(cls) -> Postings:
        return cls({}, np.zeros(0, np.int32), np.zeros(0, np.float32), np.zeros(1, np.int64))

    @classmethod
    def from_triples(cls, term_ids: dict[str, int], rows: np.ndarray, cols: np.ndarray,
                     weights: np.ndarray) -> Postings:
        """Group (row, term, weight) triples by term, rows in their original order."""
        order = np.argsort(cols, kind="stable")
        bounds = np.searchsorted(cols[order], np.arange(len(term_ids) + 1))
        return cls(term_ids, rows[order], weights[order].astype(np.float32), bounds)

    def get(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        k = self.ids.get(term)
        if k is None:
            return None
        start, end = self.bounds[k], self.bounds[k + 1]
        return self.rows[start:end], self.weights[start:end]
