"""The full-text index of TaskEntry.tokens, per database.

SQLite: an FTS5 table over search_taskentry (external content), kept in step by triggers, so
every insert, update and delete of a row (ORM, bulk or cascade) reaches it in the same
transaction. PostgreSQL: a GIN index on to_tsvector('simple', tokens); the tokens are already
jieba words separated by spaces, so the 'simple' configuration only splits and lower-cases.
"""

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "tokens, content='search_taskentry', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_taskentry_ai AFTER INSERT ON search_taskentry BEGIN "
    "INSERT INTO search_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
    "CREATE TRIGGER search_taskentry_ad AFTER DELETE ON search_taskentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); END",
    "CREATE TRIGGER search_taskentry_au AFTER UPDATE OF tokens ON search_taskentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); "
    "INSERT INTO search_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS search_taskentry_au",
    "DROP TRIGGER IF EXISTS search_taskentry_ad",
    "DROP TRIGGER IF EXISTS search_taskentry_ai",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_UP = [
    "CREATE INDEX search_taskentry_tokens_gin ON search_taskentry "
    "USING gin (to_tsvector('simple'::regconfig, tokens))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS search_taskentry_tokens_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        ),
    ]
