import pytest

from luoshi.settings import database_from_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "postgres://u:p%40ss@db.example:5433/luoshi",
            {"ENGINE": "django.db.backends.postgresql", "NAME": "luoshi", "USER": "u",
             "PASSWORD": "p@ss", "HOST": "db.example", "PORT": "5433"},
        ),
        ("sqlite:////tmp/x.sqlite3", {"ENGINE": "django.db.backends.sqlite3",
                                      "NAME": "/tmp/x.sqlite3"}),
    ],
)
def test_database_from_url(url, expected):
    got = database_from_url(url)
    assert {k: got[k] for k in expected} == expected


def test_database_from_url_rejects_unknown_scheme():
    with pytest.raises(ValueError, match="mysql"):
        database_from_url("mysql://x/y")


@pytest.mark.django_db
def test_database_backend_is_the_one_configured(settings):
    import os

    from django.db import connection

    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_every_setting_is_documented():
    """docs/deploy.md's settings table names every LUOSHI_* variable the code reads."""
    import re
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    read = set()
    for path in [repo / "luoshi" / "settings.py", *(repo / "luoshi" / "cli").glob("*.py")]:
        read |= set(re.findall(r"\bLUOSHI_[A-Z_]+[A-Z]\b", path.read_text(encoding="utf-8")))
    documented = set(re.findall(r"`(LUOSHI_[A-Z_]+[A-Z])`",
                                (repo / "docs" / "deploy.md").read_text(encoding="utf-8")))
    assert read - documented == set(), "settings missing from docs/deploy.md"
    assert {"LUOSHI_DEBUG", "LUOSHI_PROXY_HEADER", "LUOSHI_EMAIL_HOST"} <= read
