"""Shared by the claims tests that check rows of sentences written for them.

A row is (text, cue, source, stance, key): the claim whose cue is ``cue`` (the
last one when several) must have a source overlapping ``source`` (one holds the
other), the stance ``stance`` and content holding ``key``. ``names`` gives
entities as the actors stage would (surface -> (id, kind, Arabic name));
by default :data:`NAMES`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.claims.test_families import find, run

Names = dict[str, tuple[str, str, str]]

# the names the row tables' sentences use, as the actors stage would find them
NAMES: Names = {"سامي الحربي": ("person-1", "person", "سامي الحربي"),
                "علي الحسيني": ("person-2", "person", "علي الحسيني"),
                "الأمم المتحدة": ("org-1", "organization", "الأمم المتحدة"),
                "الخليل": ("place-1", "place", "الخليل"),
                "جنيف": ("place-2", "place", "جنيف")}


def check_row(text: str, cue: str, source: str, stance: str, key: str, names: Names | None = NAMES) -> None:
    """Assert the claim of ``cue`` in ``text`` as a row says (see the module docstring)."""
    c = find(run(text, names), cue)
    assert source in c.source.text or c.source.text in source, c.source.text
    assert c.stance == stance
    assert key in c.content.text, c.content.text


@pytest.fixture
def claim_row() -> Callable[..., None]:
    """:func:`check_row`, for row-table tests."""
    return check_row
