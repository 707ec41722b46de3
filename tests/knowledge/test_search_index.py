"""The index adds a common term's weights as one row: the same scores, in bounded memory."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from knowledge.search import index as index_module
from knowledge.search.index import Entry, SearchIndex

TEXTS = ["Đảng viên phải sinh hoạt chi bộ hằng tháng.",
         "Đảng viên đóng đảng phí đầy đủ.",
         "Chi bộ họp thường kỳ mỗi tháng một lần.",
         "Đảng viên không được đánh bạc."]
TERMS = [("dang", 1.0), ("vien", 0.5), ("chi", 1.0), ("dang_vien", 1.0), ("bac", 1.0)]


def _index() -> SearchIndex:
    return SearchIndex.build([Entry(key=f"e{n}", kind="passage", text=t, context="", answer=t,
                                    citation=f"Điều {n}") for n, t in enumerate(TEXTS)])


def test_common_terms_added_as_rows_score_as_when_scattered(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    with_rows = _index()
    scores, present = with_rows.score(TERMS), with_rows.presence(["dang_vien", "chi_bo"])
    assert with_rows.rows_bytes() > 0
    monkeypatch.setattr(index_module, "DENSE_SHARE", 1.0)  # nothing is common: all scattered
    scattered = _index()
    assert np.allclose(scores, scattered.score(TERMS), atol=1e-6)
    assert np.array_equal(present, scattered.presence(["dang_vien", "chi_bo"]))
    assert scattered.rows_bytes() == 0


def test_rows_stay_within_their_budget_and_are_not_saved(monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    index = _index()
    monkeypatch.setattr(index_module, "DENSE_BUDGET", 4 * len(TEXTS))  # room for one row
    index.score(TERMS)
    assert index.rows_bytes() == 4 * len(TEXTS)
    assert pickle.loads(pickle.dumps(index)).rows_bytes() == 0


def test_the_index_tells_a_word_pair_written_as_typed_from_one_that_only_folds_alike() -> None:
    """Where the documents hold "tru luong", they write "trữ lượng", not the "trừ lương" a
    member typed; "tỷ lệ" is the "tỉ lệ" they write; "phần trăm" they only hold as "%" (the
    tokens' rewrite), which cannot be checked and counts as written."""
    texts = ["Khai thác gỗ ở rừng chưa có trữ lượng bị cấm.",
             "Nâng cao tỉ lệ đảng viên trẻ.", "Kết nạp 4% đảng viên mới."]
    index = SearchIndex.build([Entry(key=f"e{n}", kind="passage", text=t, context="", answer=t,
                                     citation=f"Điều {n}") for n, t in enumerate(texts)])
    assert not index.writes(("tru", "luong"), ("trừ", "lương"))
    assert index.writes(("tru", "luong"), ("trữ", "lượng"))
    assert index.writes(("tru", "luong"), ("tru", "luong"))  # typed without marks: either
    assert index.writes(("ti", "le"), ("tỷ", "lệ"))
    assert index.writes(("phan", "tram"), ("phần", "trăm"))
    assert pickle.loads(pickle.dumps(index))._written == {}  # the cache is not saved
