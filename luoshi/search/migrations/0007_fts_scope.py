"""SQLite: a ``scope`` column in the FTS5 table, so a search matches only the rows in scope.

Before, FTS5 returned every row matching the words (a common word: a quarter of all rows)
and SQLite filtered them by report/period afterwards, in the page query and the count query.
Now each row carries a scope token — ``t`` for a task's own row, ``r<report_id> p<period_id>``
for a row of a report — and the query matches ``scope : t AND tokens : (words)``.

The FTS table's external content is a view computing the scope from ``search_taskentry``;
the triggers keep it in step on insert, delete and any update of tokens, report or period
(a report moved to another period updates ``period_id``). The table is rebuilt from the view
(FTS5 'rebuild'): the index rows themselves are unchanged.

If a later migration remakes ``search_taskentry`` on SQLite (a field change Django does by
copying the table), it drops these triggers with the table: drop the view first and run
``SQLITE_UP`` again afterwards. PostgreSQL: nothing (its match is a condition on the row).
"""

from django.db import migrations

TOKENIZE = "tokenize='unicode61 remove_diacritics 0'"


def scope_sql(row: str) -> str:
    """The scope tokens of a ``search_taskentry`` row (``new``, ``old`` or a table name)."""
    return (f"CASE WHEN {row}.report_id IS NULL THEN 't' ELSE 'r' || {row}.report_id "
            f"|| coalesce(' p' || {row}.period_id, '') END")


_INSERT = ("INSERT INTO search_fts(rowid, tokens, scope) "
           f"VALUES (new.id, new.tokens, {scope_sql('new')});")
_DELETE = ("INSERT INTO search_fts(search_fts, rowid, tokens, scope) "
           f"VALUES ('delete', old.id, old.tokens, {scope_sql('old')});")
_DROP_OLD = [
    "DROP TRIGGER IF EXISTS search_taskentry_au",
    "DROP TRIGGER IF EXISTS search_taskentry_ad",
    "DROP TRIGGER IF EXISTS search_taskentry_ai",
    "DROP TABLE IF EXISTS search_fts",
]
SQLITE_UP = [
    *_DROP_OLD,
    "CREATE VIEW search_fts_source AS SELECT id, tokens, "
    f"{scope_sql('search_taskentry')} AS scope FROM search_taskentry",
    "CREATE VIRTUAL TABLE search_fts USING fts5(tokens, scope, "
    f"content='search_fts_source', content_rowid='id', {TOKENIZE})",
    f"CREATE TRIGGER search_taskentry_ai AFTER INSERT ON search_taskentry BEGIN {_INSERT} END",
    f"CREATE TRIGGER search_taskentry_ad AFTER DELETE ON search_taskentry BEGIN {_DELETE} END",
    "CREATE TRIGGER search_taskentry_au AFTER UPDATE OF tokens, report_id, period_id "
    f"ON search_taskentry BEGIN {_DELETE} {_INSERT} END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
# Back to 0002's table: tokens only, content read from search_taskentry itself.
SQLITE_DOWN = [
    *_DROP_OLD,
    "DROP VIEW IF EXISTS search_fts_source",
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    f"tokens, content='search_taskentry', content_rowid='id', {TOKENIZE})",
    "CREATE TRIGGER search_taskentry_ai AFTER INSERT ON search_taskentry BEGIN "
    "INSERT INTO search_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
    "CREATE TRIGGER search_taskentry_ad AFTER DELETE ON search_taskentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); END",
    "CREATE TRIGGER search_taskentry_au AFTER UPDATE OF tokens ON search_taskentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); "
    "INSERT INTO search_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_report_order_index")]

    operations = [migrations.RunPython(_run(SQLITE_UP), _run(SQLITE_DOWN))]
