"""PostgreSQL: match on a stored tsvector column instead of an expression index.

With an index on to_tsvector('simple', tokens), PostgreSQL recomputes the expression for every
candidate row it rechecks, which for a common word is thousands of long texts per query. A
generated column computes it once per write; the GIN index moves onto it. SQLite: nothing.
"""

from django.db import migrations

POSTGRES_UP = [
    "DROP INDEX IF EXISTS search_taskentry_tokens_gin",
    "ALTER TABLE search_taskentry ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, tokens)) STORED",
    "CREATE INDEX search_taskentry_tsv_gin ON search_taskentry USING gin (tsv)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS search_taskentry_tsv_gin",
    "ALTER TABLE search_taskentry DROP COLUMN IF EXISTS tsv",
    "CREATE INDEX search_taskentry_tokens_gin ON search_taskentry "
    "USING gin (to_tsvector('simple'::regconfig, tokens))",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(_run(POSTGRES_UP), _run(POSTGRES_DOWN))]
