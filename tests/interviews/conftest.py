"""Fixtures of the interviews app's request tests (the people are in tests/conftest.py)."""

import pytest

from tests.factories import make_kit, make_position


@pytest.fixture
def position(manager):
    """A position of six questions, with Max as its hiring manager."""
    return make_position(make_kit(6), managers=[manager])
