"""An admin imports documents; their structure becomes passages members can be answered from."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bot.services import Services
from knowledge.documents.importer import parse_document
from knowledge.documents.passages import MAX_ANSWER, WHOLE_SECTION
from knowledge.documents.readers import read_document
from knowledge.text.normalize import fold
from tests.conftest import NOW
from tests.knowledge.documents import (
    PLAN_PARAGRAPHS,
    make_docx,
    make_numbered_docx,
    make_official_docx,
    make_pdf,
)


def _parsed(corpus: Path, prefix: str):
    path = next(corpus.glob(f"{prefix}_*.txt"))
    return parse_document(path.read_text(encoding="utf-8"), path.name)


def test_the_outline_document_keeps_its_number_and_the_19_articles_of_regulation_37(
    corpus: Path,
) -> None:
    parsed = _parsed(corpus, "004")
    assert parsed.meta.number == "1656-CV/HU"
    assert parsed.meta.kind == "Công văn"
    articles = [p for p in parsed.passages if p.kind == "article"]
    assert [p.label for p in articles] == [f"Điều {n}" for n in range(1, 20)]
    assert {p.subject for p in articles} == {"37-QĐ/TW"}
    article_18 = articles[17]
    assert "sử dụng rượu, bia không đúng quy định" in article_18.text
    assert "bạo lực trong gia đình" in article_18.text  # the paragraphs after it stay with it
    assert any("Nội dung cụ thể của 19 điều" in t for t in article_18.trail)


def test_plans_keep_number_date_and_numbered_items_with_their_heading_trail(
    corpus: Path,
) -> None:
    parsed = _parsed(corpus, "002")
    assert parsed.meta.number == "127-KH/ĐUK"
    assert str(parsed.meta.issued_on) == "2023-02-02"
    section = next(p for p in parsed.passages if p.label == "2.3")
    assert section.trail[0].startswith("III- NHIỆM VỤ")
    # lines hard-wrapped by PDF extraction are joined again
    assert "kết nạp đảng viên mới hàng năm từ 150 đảng viên trở lên" in "\n".join(
        p.text for p in parsed.passages)


def test_a_table_row_becomes_a_passage_that_names_its_columns(corpus: Path) -> None:
    parsed = _parsed(corpus, "000")
    row = next(p for p in parsed.passages if "Sổ tay Đảng viên điện tử" in p.text and
               p.kind == "row")
    assert "Cơ quan chủ trì thực hiện: Ban Tổ chức Tỉnh ủy" in row.text
    assert "Thời gian thực hiện: Quý IV/2022" in row.text


def test_the_signature_block_says_who_signed(corpus: Path) -> None:
    parsed = _parsed(corpus, "000")
    signature = next(p for p in parsed.passages if p.kind == "signature")
    assert "Lê Thị Kim Dung" in signature.text


def test_no_answer_is_a_whole_chapter(corpus: Path) -> None:
    for path in sorted(corpus.glob("*.txt")):
        parsed = parse_document(path.read_text(encoding="utf-8"), path.name)
        assert parsed.passages, path.name
        longest = max(len(p.answer) for p in parsed.passages)
        assert longest <= max(MAX_ANSWER, WHOLE_SECTION) + 160, (path.name, longest)


def _reasons(sentences: int) -> str:
    first = "Năm năm qua, việc thực hiện nghị quyết đã có nhiều chuyển biến tích cực. " * sentences
    second = "Tuy nhiên vẫn còn hạn chế. Vì vậy Ban Chấp hành quyết định ban hành Kết luận này. "
    return "\n".join(["Số 9-KL/TW", "KẾT LUẬN", "I- BỐI CẢNH",
                      "* Ban Chấp hành ban hành Kết luận là do:",
                      first.strip(), (second * 8).strip(), "II- MỤC TIÊU", "Mục tiêu chung."])


def test_a_member_asking_why_reads_every_reason_of_a_section_split_in_two() -> None:
    passages = parse_document(_reasons(9), "kl.txt").passages
    parts = [p for p in passages if p.kind in ("star", "part")]
    assert len(parts) == 2  # the section is indexed as two parts ...
    for part in parts:  # ... and each answers with both paragraphs, as the document has them
        assert "Năm năm qua" in part.answer and "quyết định ban hành" in part.answer
        assert len(part.answer) <= WHOLE_SECTION


def test_a_section_longer_than_one_message_still_answers_part_by_part() -> None:
    passages = parse_document(_reasons(14), "kl.txt").passages
    first, second = (p for p in passages if p.kind in ("star", "part"))
    assert "Năm năm qua" in first.answer and "quyết định ban hành" not in first.answer
    assert "quyết định ban hành" in second.answer and "Năm năm qua" not in second.answer


def test_markdown_emphasis_and_page_numbers_do_not_reach_the_answers(corpus: Path) -> None:
    for path in sorted(corpus.glob("*.txt")):
        for passage in parse_document(path.read_text(encoding="utf-8"), path.name).passages:
            assert "**" not in passage.text and "<b>" not in passage.text, passage.text[:80]


async def test_reimporting_skips_unchanged_files_and_replaces_changed_ones(
    services: Services, tmp_path: Path
) -> None:
    doc = tmp_path / "ke-hoach.txt"
    doc.write_text("\n\n".join(PLAN_PARAGRAPHS), encoding="utf-8")
    first = await services.importer.import_paths([doc], NOW)
    again = await services.importer.import_paths([doc], NOW)
    doc.write_text("\n\n".join([*PLAN_PARAGRAPHS, "3. Tổ chức kết nạp 2 đảng viên mới."]),
                   encoding="utf-8")
    changed = await services.importer.import_paths([doc], NOW)
    assert [r.status for r in (*first, *again, *changed)] == ["imported", "unchanged", "replaced"]
    assert changed[0].passages == first[0].passages + 1
    docs = await services.importer.list()
    assert len(docs) == 1 and docs[0].number == "45-KH/ĐU"
    outcome = await services.knowledge.search("kết nạp mấy đảng viên mới")
    assert "kết nạp 2 đảng viên mới" in outcome.results[0].text


async def test_docx_and_pdf_are_read_and_a_bad_file_does_not_stop_the_others(
    services: Services, tmp_path: Path
) -> None:
    folder = tmp_path / "moi"
    (folder / "con").mkdir(parents=True)
    make_docx(folder / "ke-hoach-45.docx")
    vietnamese = make_pdf(folder / "con" / "thong-bao.pdf", [
        "THÔNG BÁO", "Số 12-TB/ĐU",
        "1. Hội nghị học tập nghị quyết của chi bộ thôn Đồng Tâm tổ chức vào sáng thứ Bảy "
        "tuần đầu tiên của tháng, tại nhà văn hóa thôn, mời toàn thể đảng viên tham dự đầy đủ."])
    (folder / "anh.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a document")
    (folder / "hong.docx").write_bytes(b"this is not a zip file")
    reports = {Path(r.path).name: r for r in await services.importer.import_paths([folder], NOW)}
    assert reports["ke-hoach-45.docx"].status == "imported"
    assert reports["thong-bao.pdf"].status == "imported"
    assert reports["hong.docx"].status == "failed"
    assert "docx" in (reports["hong.docx"].error or "")
    assert "anh.jpg" not in reports  # only supported formats are picked from a folder
    explicit = await services.importer.import_paths([folder / "anh.jpg"], NOW)
    assert explicit[0].status == "failed" and ".jpg" in (explicit[0].error or "")

    table_answer = await services.knowledge.search("thu nộp đảng phí 6 tháng đầu năm hạn khi nào")
    assert "Thời gian: Trước 30/6/2026" in table_answer.results[0].text
    pdf_answer = await services.knowledge.search("hội nghị học tập nghị quyết thôn Đồng Tâm ở đâu")
    text = pdf_answer.results[0].text
    assert "nha van hoa thon" in fold(text)
    if vietnamese:
        assert "nhà văn hóa thôn" in text
    assert "\n1\n" not in text  # the page number is dropped


async def test_removing_a_document_removes_its_answers(services: Services, tmp_path: Path) -> None:
    doc = tmp_path / "ke-hoach.md"
    doc.write_text("\n\n".join(PLAN_PARAGRAPHS), encoding="utf-8")
    await services.importer.import_paths([doc], NOW)
    before = await services.knowledge.search("báo cáo trước ngày mấy hằng tháng")
    assert before.found and "trước ngày 25 hằng tháng" in before.results[0].text
    [document] = await services.importer.list()
    assert (await services.importer.remove(document.id)) is not None
    after = await services.knowledge.search("báo cáo trước ngày mấy hằng tháng")
    assert not after.found and after.results == ()
    assert await services.importer.remove(document.id) is None


@given(st.text(alphabet=st.sampled_from("ab \t\r\nòa\u0300ỳ"), max_size=200),
       st.integers(min_value=1, max_value=9))
def test_cleaning_in_bounded_blocks_reads_the_same_lines_as_in_one_piece(text: str,
                                                                         block: int) -> None:
    """Big documents are cleaned a block at a time (so a thread never holds the interpreter
    lock long); whatever the block size, the lines are those of the whole text."""
    from knowledge.documents import cleanup
    from knowledge.text.normalize import canonical_tones

    whole = [line.rstrip() for line in canonical_tones(
        text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")]
    original, cleanup.BLOCK = cleanup.BLOCK, block
    try:
        assert list(cleanup._lines(text)) == whole
    finally:
        cleanup.BLOCK = original


async def test_an_empty_file_is_refused_instead_of_becoming_an_empty_document(
    services: Services, tmp_path: Path
) -> None:
    (tmp_path / "trong.txt").write_text("", encoding="utf-8")
    (tmp_path / "khoang-trang.txt").write_text("  \n\n \t", encoding="utf-8")
    reports = await services.importer.import_paths([tmp_path], NOW)
    assert [(r.status, r.error) for r in reports] == [
        ("failed", "tệp không có chữ nào (tệp trống?)")] * 2
    assert await services.importer.list() == []


def test_a_title_in_capitals_keeps_the_party_s_bodies_capitalised(corpus: Path) -> None:
    parsed = _parsed(corpus, "000")
    citation = parsed.meta.citation("000.txt")
    assert "của Ban Chấp hành Đảng bộ tỉnh" in citation
    assert "ban chấp hành" not in citation


async def test_an_import_cut_off_half_way_shows_nothing_and_is_cleaned_by_the_next(
    services: Services, tmp_path: Path
) -> None:
    from sqlalchemy import func, select

    from knowledge.models import Document, Passage

    plan = tmp_path / "ke-hoach-45.txt"
    plan.write_text("\n\n".join(PLAN_PARAGRAPHS), encoding="utf-8")
    async with services.db.sessions.begin() as session:  # a process died while writing it
        half = Document(file_name=plan.name, source_path=f"{plan.resolve()}#abc", sha256="abc",
                        title="Kế hoạch dở dang", citation="Kế hoạch dở dang", warnings=[],
                        passage_count=1, imported_at=NOW, ready=False)
        session.add(half)
        await session.flush()
        session.add(Passage(document_id=half.id, ordinal=1, label="", kind="para", trail=[],
                            subject="", text="Đảng phí nộp trước ngày mười lăm hằng tháng.",
                            answer="Đảng phí nộp trước ngày mười lăm hằng tháng."))
    assert await services.importer.list() == []
    outcome = await services.knowledge.search("đảng phí nộp trước ngày mười lăm")
    assert all("dở dang" not in r.citation for r in outcome.results)
    [report] = await services.importer.import_paths([plan], NOW)
    assert report.status == "imported"
    async with services.db.sessions() as session:
        left = (await session.execute(select(func.count(Document.id)).where(
            Document.ready.is_(False)))).scalar_one()
    assert left == 0 and [d.file_name for d in await services.importer.list()] == [plan.name]


async def test_a_rule_numbered_by_word_keeps_its_articles_clauses_and_points(
        services: Services, tmp_path: Path) -> None:
    """Committees number "Điều 1.", "1." and "a)" with Word's lists: the numbers are not in the
    paragraphs' text, yet every passage knows its article and clause, and is cited by them."""
    path = make_numbered_docx(tmp_path / "quy-dinh-98.docx")
    text = read_document(path).text
    for line in ("Điều 2. Sinh hoạt định kỳ", "2. Nội dung sinh hoạt gồm:",
                 "b) Kiểm điểm việc thực hiện", "Điều 3. Hiệu lực thi hành"):
        assert line in text
    assert "\nGhi chú cuối văn bản" in text  # a paragraph outside the list gets no number
    reports = await services.importer.import_paths([path], NOW)
    assert reports[0].status == "imported"
    outcome = await services.knowledge.search("nội dung sinh hoạt chi bộ thôn gồm những gì")
    assert outcome.results[0].citation.endswith("Điều 2, khoản 2"), outcome.results[0]
    exact = await services.knowledge.search("quy định 98 điều 1")
    assert exact.found and exact.results[0].citation.endswith("Điều 1")


async def test_a_rule_with_the_usual_heading_and_signature_tables_keeps_its_number(
        services: Services, tmp_path: Path) -> None:
    """The heading and the closing of an official document are tables that only lay text out:
    read cell by cell, the number, date and signer are found as in a typed document."""
    path = make_official_docx(tmp_path / "quy-dinh-99.docx")
    reports = await services.importer.import_paths([path], NOW)
    assert reports[0].status == "imported"
    exact = await services.knowledge.search("QĐ 99 điều 2")
    assert exact.found
    assert exact.results[0].citation.startswith("Quy định số 99-QĐ/TU")
    assert "Điều 2" in exact.results[0].citation
    signed = await services.knowledge.search("ai ký quy định 99")  # that rule's signature
    assert signed.found and "Nguyễn Văn Bình" in signed.results[0].text
