"""Statements that contradict the project's constitution, named for the CA.

The constitution decides where the owners' funds go: share capital for a
company, partners' or a proprietor's capital accounts otherwise. A partnership
set up as a "private limited" project leaves its partners' capital out of net
worth, and the balance sheet cannot tie; the CA then reads a difference of
crores with no reason. The printed headings say which it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from projects.models import Constitution

_APOSTROPHE = r"['’`]?"


class Sign(NamedTuple):
    pattern: re.Pattern
    fits: tuple[str, ...]  # the constitutions whose statements print it
    what: str  # what the statements show, in words
    owner: str  # who prints it


SIGNS = (
    Sign(
        re.compile(rf"\bpartners?{_APOSTROPHE}s?{_APOSTROPHE}\s+(capital|current)\b", re.I),
        (Constitution.PARTNERSHIP, Constitution.LLP),
        "partners' capital accounts",
        "a partnership firm or an LLP",
    ),
    Sign(
        re.compile(rf"\bproprietor{_APOSTROPHE}s?{_APOSTROPHE}\s+capital\b", re.I),
        (Constitution.PROPRIETORSHIP,),
        "a proprietor's capital account",
        "a proprietorship",
    ),
    Sign(
        re.compile(r"\bshare\s+capital\b", re.I),
        (Constitution.PRIVATE_LIMITED, Constitution.PUBLIC_LIMITED),
        "share capital",
        "a company",
    ),
)


class Printed(NamedTuple):
    text: str  # a label or heading as printed
    where: str  # "BEW 2024-25.pdf, page 1"


def contradiction(constitution: str, printed: Iterable[Printed]) -> str | None:
    """A sentence naming the first printed line that another constitution's statements
    carry, or None when everything printed fits `constitution`."""
    for line in printed:
        for sign in SIGNS:
            if constitution not in sign.fits and sign.pattern.search(line.text):
                return (
                    f"The project is set up as a {Constitution(constitution).label.lower()}, "
                    f'but its statements show {sign.what} ("{line.text}", {line.where}), '
                    f"which {sign.owner} has: its owners' funds are then left out of the "
                    f"balance sheet. If the client is {sign.owner}, set up a project with "
                    "that constitution and upload these files there."
                )
    return None
