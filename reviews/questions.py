"""One question per printed row: the same label in the same context is asked once.

A project's statements of two years, or a statement and its provisional update,
print the same row in each file. The CA answers it once (reviews.services carries
the answer to every pending item of the question); the screen, the counts and the
project page count questions, not files.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviews.memory import keys_for
from reviews.models import ReviewItem


def question_key(item: ReviewItem) -> tuple:
    """Items with equal keys ask the same question. An amount to confirm asks about one
    file's figures, so it is a question of its own."""
    if item.is_amount or item.line_item is None:
        return ("item", item.pk)
    return ("row", *keys_for(item.line_item))


def grouped(items: Iterable[ReviewItem]) -> list[list[ReviewItem]]:
    """The items by question, in the order of each question's first item."""
    questions: dict[tuple, list[ReviewItem]] = {}
    for item in items:
        questions.setdefault(question_key(item), []).append(item)
    return list(questions.values())


def pending_questions(project) -> int:
    pending = project.review_items.pending().linked().select_related("line_item__source_file")
    return len(grouped(pending))
