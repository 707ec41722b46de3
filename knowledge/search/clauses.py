"""The clause and point of an article a question names ("điểm b khoản 2 Điều 3"), and what of
them the article lacks, said plainly."""

from __future__ import annotations

from knowledge import texts
from knowledge.search.references import QueryRefs

Items = dict[int, dict[str, int]]  # an article (or clause) -> its clauses (or points) by label


def item(items: Items, row: int, refs: QueryRefs) -> int:
    """The clause and point of an article a question names ("điểm b khoản 1 Điều 3"),
    as deep as the article has them; a point alone is looked for in the one clause that
    has it ("điều 3 điểm d")."""
    row = items.get(row, {}).get(refs.clause or "", row)
    if refs.point is None:
        return row
    children = items.get(row, {})
    if refs.point in children:
        return children[refs.point]
    holding = [items[clause][refs.point] for clause in children.values()
               if refs.point in items.get(clause, {})]
    return holding[0] if len(holding) == 1 else row


def lacking(items: Items, row: int, refs: QueryRefs) -> str | None:
    """What of the clause and point a question names the article does not have."""
    article = f"{refs.article}{refs.article_letter or ''}"
    clauses = items.get(row, {})
    if refs.clause and refs.clause not in clauses:
        text = texts.NO_CLAUSE if clauses else texts.NO_CLAUSES
        return text.format(article=article, clause=refs.clause)
    if refs.point is None:
        return None
    clause = clauses.get(refs.clause or "")
    points = items.get(clause if clause is not None else row, {})
    if refs.point in points:
        return None
    place = f"Khoản {refs.clause} Điều {article}" if clause is not None else f"Điều {article}"
    if clause is None:
        holding = sum(refs.point in items.get(c, {}) for c in clauses.values())
        if holding == 1:
            return None
        if holding > 1:
            return texts.POINT_IN_SEVERAL.format(article=article, point=refs.point)
    return texts.NO_POINT.format(place=place, point=refs.point)
