"""Users of each role, for any test: ``supervisor``, ``leader``, ``liaison_for(*units)``,
``admin_user`` (pytest-django) and ``client_for(user)`` for a logged-in test client.

Registered in tests/conftest.py through ``pytest_plugins``.
"""

from __future__ import annotations

import pytest
from django.test import Client

from luoshi.rounds.accounts import add_user
from luoshi.rounds.models import Role

PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture
def fast_hashing(settings):
    """A cheap hasher: the default PBKDF2 costs about a second per user created."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def supervisor(db, fast_hashing):
    return add_user("督查员", Role.SUPERVISOR, password=PASSWORD, email="duchashi@example.org")


@pytest.fixture
def leader(db, fast_hashing):
    return add_user("领导", Role.LEADER, password=PASSWORD)


@pytest.fixture
def liaison_for(db, fast_hashing):
    """``liaison_for(unit, …, name=…)``: a liaison bound to these units."""
    count = 0

    def make(*units, name: str | None = None):
        nonlocal count
        count += 1
        username = name or f"联络员{count}"
        return add_user(username, Role.LIAISON, units=list(units), password=PASSWORD,
                        email=f"liaison{count}@example.org")

    return make


@pytest.fixture
def client_for(db):
    """``client_for(user)``: a test client logged in as ``user`` (None: anonymous)."""

    def make(user) -> Client:
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make


@pytest.fixture
def leader_client(leader, client_for) -> Client:
    return client_for(leader)


@pytest.fixture
def supervisor_client(supervisor, client_for) -> Client:
    return client_for(supervisor)
