"""Fixtures shared by the request tests: the people of a screening, signed in or not."""

import pytest

from interviews.roles import HIRING_MANAGER, RECRUITER
from tests.factories import make_interview, make_user


@pytest.fixture
def recruiter():
    """Rita, a recruiter."""
    return make_user(RECRUITER, email="rita@example.com", first_name="Rita")


@pytest.fixture
def manager():
    """Max, a hiring manager (of no position until a test makes him one)."""
    return make_user(HIRING_MANAGER, email="max@example.com", first_name="Max")


@pytest.fixture
def interview(recruiter):
    """An in-progress interview of three questions, run by Rita."""
    return make_interview(recruiter, kit_size=3)


@pytest.fixture
def signed_in(client, recruiter):
    """The test client, signed in as Rita."""
    client.force_login(recruiter)
    return client
