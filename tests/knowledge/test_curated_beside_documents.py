"""A new install holds the default Q&A entries beside the documents: they answer the questions
they were written for, show the passage they quote, and take nothing from other questions."""

from __future__ import annotations

from functools import partial

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services import Services
from knowledge import texts
from knowledge.qa.entries import QADraft
from knowledge.search.curated import FLOOR, quoted
from knowledge.search.index import Entry, SearchIndex
from knowledge.search.query import parse_query
from knowledge.search.ranking import Searcher
from knowledge.search.synonyms import Thesaurus
from tests.conftest import NOW

# Questions the documents answer that share only their frame ("đảng viên có được … không",
# "… vi phạm điều nào") with a default entry: written for this test, not taken from any set.
DOCUMENT_QUESTIONS = [
    "Đảng viên sử dụng ma túy vi phạm điều nào?",
    "Dang vien co duoc can thiep vao hoat dong thanh tra, kiem toan khong?",
    "Chi bộ có được sinh hoạt theo tổ đảng không?",
    "Kế hoạch luân chuyển bí thư cấp ủy xã không phải người địa phương hoàn thành khi nào?",
]


async def _with_defaults(kb: Services) -> Services:
    assert await kb.qa.load_defaults(NOW) > 0
    return kb


async def test_a_member_who_asks_what_an_entry_was_written_for_gets_it_and_its_passage(
    kb: Services,
) -> None:
    services = await _with_defaults(kb)
    outcome = await services.knowledge.search("Đảng viên có được đánh bạc không?", top=3)
    first = outcome.results[0]
    assert outcome.found and first.key.startswith("q:")
    assert first.text.startswith("Không. Điều 18")
    source = texts.QUOTED_FROM.split("(")[0]
    assert source in first.text  # then the article it rests on, in full
    assert "Điều 18. Tổ chức, tham gia đánh bạc dưới mọi hình thức" in first.text
    assert not any(r.text.startswith("Điều 18.") for r in outcome.results[1:])  # not twice


async def test_a_poor_member_asking_about_party_fees_is_not_told_about_gambling(
    kb: Services,
) -> None:
    services = await _with_defaults(kb)
    for question in ("Đảng viên nghèo có được giảm đảng phí không?",
                     "Dang vien ngheo co duoc giam tien dang phi khong?",
                     "Đảng viên có được chơi golf không?"):
        outcome = await services.knowledge.search(question, top=3)
        assert not outcome.found, question
        assert all("đánh bạc" not in r.text for r in outcome.results[:1]), question


async def test_a_member_who_says_nhau_reaches_the_entry_on_drinking_through_synonyms(
    kb: Services,
) -> None:
    services = await _with_defaults(kb)
    outcome = await services.knowledge.search("dang vien co duoc nhau khong", top=3)
    assert outcome.found
    assert "rượu" in outcome.results[0].text and outcome.results[0].key.startswith("q:")


async def test_questions_the_documents_answer_get_the_same_answer_with_the_defaults_loaded(
    kb: Services,
) -> None:
    before = [await kb.knowledge.search(q, top=3) for q in DOCUMENT_QUESTIONS]
    services = await _with_defaults(kb)
    after = [await services.knowledge.search(q, top=3) for q in DOCUMENT_QUESTIONS]
    for question, old, new in zip(DOCUMENT_QUESTIONS, before, after, strict=True):
        passage, first = old.results[0], new.results[0]
        assert passage.key.startswith("p:") and new.verdict == old.verdict, question
        # the same passage, or an entry written for the question that shows that passage
        assert first.key == passage.key or passage.text in first.text, question


async def test_an_entry_that_quotes_nothing_is_shown_alone(kb: Services) -> None:
    services = await _with_defaults(kb)
    added = await services.curation.add(QADraft(
        "Lịch trực cơ quan dịp Tết thế nào?", "Trực theo phân công của Văn phòng.", ""),
        "admin", NOW)
    outcome = await services.knowledge.search("lịch trực cơ quan dịp tết", top=3)
    assert outcome.results[0].key == f"q:{added.id}"
    assert outcome.results[0].text == "Trực theo phân công của Văn phòng."


def test_a_quote_that_skips_words_or_ends_in_its_own_is_still_traced_by_its_clauses() -> None:
    answer = ("Không. Điều 17 cấm “Can thiệp, tác động để vợ (chồng), con… đi du lịch, học tập "
              "bằng tiền tài trợ; nhờ người khác lo giùm”.")
    pieces = [folded for _, folded in quoted(answer)]
    assert pieces[0].startswith("can thiep tac dong de vo chong con di du lich")  # whole first
    assert "can thiep tac dong de vo chong con" in pieces  # the words before the "…"
    assert "nho nguoi khac lo gium" in pieces
    assert all(len(p.split()) >= 4 for p in pieces)


async def test_default_entries_show_the_passage_their_answer_quotes(kb: Services) -> None:
    services = await _with_defaults(kb)
    searcher = await services.knowledge.searcher()
    quoting = [i for i in searcher.curated.rows
               if quoted(searcher.index.entries[i].answer)]
    traced = [i for i in quoting if i in searcher.curated.sources]
    assert len(traced) >= 0.9 * len(quoting)  # a few answers quote in words of their own


async def test_weighing_only_entries_that_share_a_heavy_word_misses_none(kb: Services) -> None:
    """The shortcut in Curated.asked finds exactly the entries a full scan would."""
    services = await _with_defaults(kb)
    searcher = await services.knowledge.searcher()
    questions = [*DOCUMENT_QUESTIONS, "đảng viên có được nhậu không", "ĐV có đc đánh bạc ko?",
                 "đi làm ăn xa thì sinh hoạt đảng ở đâu", "Kết luận 21 nói gì?", "xin chao",
                 "chi bộ 4 tốt là gì", "báo cáo tháng nộp ngày nào"]
    found = 0
    for question in questions:
        query = parse_query(question, searcher.index, searcher.lookup.subjects,
                            searcher.thesaurus, searcher.lookup.named)
        match = partial(searcher.features.curated, query)
        full = [i for i in searcher.curated.rows if match(i) >= FLOOR]
        assert searcher.curated.asked(query, match) == full, question
        found += bool(full)
    assert found >= 3  # some of them are asked, so the comparison is not of empty lists


_PASSAGES = ["Điều 18. Tổ chức, tham gia đánh bạc dưới mọi hình thức; sử dụng rượu, bia "
             "không đúng quy định hoặc đến mức bê tha.",
             "1. Chi bộ sinh hoạt định kỳ vào ngày mùng 5 hằng tháng, báo cáo kết quả trước "
             "ngày 25 hằng tháng."]
_SMALL = Searcher(SearchIndex.build(
    [Entry(f"p:{n}", "passage", t, "", t, f"Điều {n}") for n, t in enumerate(_PASSAGES)]
    + [Entry("q:1", "qa", "Đảng viên có được uống rượu bia không?", "", "Không. “Tổ chức, "
             "tham gia đánh bạc dưới mọi hình thức”.", "Điều 18", node_kind="qa",
             questions=("Đảng viên có được uống rượu bia không?", "đảng viên say xỉn")),
       Entry("q:2", "qa", "Báo cáo trước ngày mấy?", "", "Trước ngày 25.", "Hỏi đáp",
             node_kind="qa", questions=("Báo cáo trước ngày mấy?",))]),
    thesaurus=Thesaurus.load())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộớờởỡợứừửữự 0123456789?,.“”…",
               max_size=80))
def test_any_question_is_matched_against_curated_entries_without_error(text: str) -> None:
    outcome = _SMALL.search(text, 3)
    scores = [r.score for r in outcome.results]
    assert scores == sorted(scores, reverse=True) and all(0.0 <= s <= 1.0 for s in scores)
    query = parse_query(text, _SMALL.index, _SMALL.lookup.subjects, _SMALL.thesaurus,
                        _SMALL.lookup.named)
    match = partial(_SMALL.features.curated, query)
    assert _SMALL.curated.asked(query, match) == \
        [i for i in _SMALL.curated.rows if match(i) >= FLOOR]
