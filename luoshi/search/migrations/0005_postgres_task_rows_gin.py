"""PostgreSQL: a partial GIN index over the tasks' own rows (report null), which a search in
no particular period reads: a third of the rows, so a smaller bitmap for common words."""

from django.db import migrations

UP = ("CREATE INDEX search_taskentry_tsv_task_gin ON search_taskentry USING gin (tsv) "
      "WHERE report_id IS NULL")
DOWN = "DROP INDEX IF EXISTS search_taskentry_tsv_task_gin"


def _run(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_list_indexes")]

    operations = [migrations.RunPython(_run(UP), _run(DOWN))]
