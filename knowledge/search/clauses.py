"""The clause and point of an article a question names ("điểm b khoản 2 Điều 3"), and what of
them the article lacks, said plainly."""

from __future__ import annotations

from knowledge import texts
from knowledge.search.references import QueryRefs

Items = dict[int, dict[str, int]]  # an article (or clause) -> its clauses (or points) by label


def find(items: Items, row: int, refs: QueryRefs) -> tuple[int, str | None]:
    """The named clause and point, as deep as the article has them (a point alone is looked
    for in the one clause that has it: "điều 3 điểm d"), and a note on what it lacks."""
    article = f"{refs.article}{refs.article_letter}"
    clauses = items.get(row, {})
    if refs.clause and refs.clause not in clauses:
        text = texts.NO_CLAUSE if clauses else texts.NO_CLAUSES
        return row, text.format(article=article, clause=refs.clause)
    clause = clauses.get(refs.clause) if refs.clause else None
    held = row if clause is None else clause
    points = items.get(held, {})
    if refs.point is None or refs.point in points:
        return points.get(refs.point or "", held), None
    if clause is not None:
        place = f"Khoản {refs.clause} Điều {article}"
        return clause, texts.NO_POINT.format(place=place, point=refs.point)
    holding = [items[c][refs.point] for c in clauses.values() if refs.point in items.get(c, {})]
    if len(holding) == 1:
        return holding[0], None
    text = texts.POINT_IN_SEVERAL if holding else texts.NO_POINT
    return row, text.format(article=article, place=f"Điều {article}", point=refs.point)
