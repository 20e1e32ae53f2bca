"""Many rows of one model written as tuples: COPY on PostgreSQL, ``executemany`` on SQLite.

    table = RowTable(Measurement, ["report", "task", "value", ...])
    ids = table.new_ids(len(rows))          # inside the transaction that writes them
    table.write(rows)                       # tuples in the order of the fields given (+ id)

For bulk loads and bulk analysis (``luoshi.core.services.bulk_analysis``,
``luoshi.search.bulk``), where building a model instance per row costs more than the rest of
the work. Columns not named get their field's default (``auto_now`` ones the time of the
write), so a field added to a model later does not break the bulk path. Values go through
the field's own ``get_db_prep_save`` where the database needs a conversion (JSON, dates), so
the stored values are what the ORM would store. No model signals are sent (like
``bulk_create``).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connections, models, router, transaction
from django.dispatch import Signal
from django.utils import timezone

# Sent after rows went in by COPY (PostgreSQL), which Django's execute hooks do not see;
# ``connection`` names the database. Model signals are not sent (as for ``bulk_create``).
rows_copied = Signal()

# Field types whose Python values the database adapter cannot take as they are.
_CONVERTED = (models.JSONField, models.DateTimeField, models.DateField, models.DecimalField,
              models.UUIDField, models.TimeField, models.DurationField)


class EncodedJSON:
    """A JSON column's value encoded already (``encode_json``; e.g. by a worker process, so
    that only a string travels back): written as it is, where the field's own conversion
    would encode the value in the writing process."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


def encode_json(model: type[models.Model], field: str, value: Any) -> EncodedJSON:
    """``value`` encoded as ``model.field`` (a JSONField) would store it: its encoder, as
    Django's ``adapt_json_value`` (PostgreSQL parses the text into jsonb either way)."""
    f = model._meta.get_field(field)
    return EncodedJSON(json.dumps(f.get_prep_value(value), cls=f.encoder))


class RowTable:
    """The rows of ``model``: ``fields`` named by the caller (with ``"id"`` first when the
    caller allocates ids), every other concrete column its default."""

    def __init__(self, model: type[models.Model], fields: Sequence[str]):
        self.model = model
        self.db = router.db_for_write(model)
        self.connection = connections[self.db]
        meta = model._meta
        given = [meta.get_field(f) for f in fields]
        names = {f.name for f in given}
        rest = [f for f in meta.concrete_fields
                if f.name not in names and not f.primary_key and not f.generated]
        self.fields = given + rest
        self.width = len(given)
        self._defaults = rest
        ops = self.connection.ops
        self.table = ops.quote_name(meta.db_table)
        self.columns = ", ".join(ops.quote_name(f.column) for f in self.fields)
        self._convert = [(i, f) for i, f in enumerate(self.fields) if isinstance(f, _CONVERTED)]

    def _default_values(self) -> tuple:
        now = timezone.now()
        out = []
        for f in self._defaults:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                out.append(now)
            else:
                out.append(f.get_default())
        return tuple(out)

    def new_ids(self, n: int) -> list[int]:
        """``n`` ids no other row has or will get. Call inside the writing transaction: on
        SQLite that transaction holds the write lock (``transaction_mode`` IMMEDIATE, the
        settings' default), so the highest id cannot move under it."""
        if n <= 0:
            return []
        pk = self.model._meta.pk
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [self.model._meta.db_table, pk.column, n])
                return [row[0] for row in cursor.fetchall()]
            # Past every id ever given (AUTOINCREMENT's sqlite_sequence), not only the rows
            # left: an id of a deleted row is never reused (history names rows by id).
            cursor.execute(
                f"SELECT max(m) FROM (SELECT max({self.connection.ops.quote_name(pk.column)})"
                f" AS m FROM {self.table} UNION ALL SELECT seq FROM sqlite_sequence"
                f" WHERE name = %s)", [self.model._meta.db_table])
            first = (cursor.fetchone()[0] or 0) + 1
        return list(range(first, first + n))

    def write(self, rows: Iterable[Sequence[Any]]) -> int:
        """Insert ``rows`` (tuples of the named fields' values). Returns how many."""
        defaults = self._default_values()
        connection = self.connection
        convert = [(i, f) for i, f in self._convert if i < self.width]
        # The defaults are converted once; the caller's values row by row.
        fixed = list(defaults)
        for i, f in self._convert:
            if i >= self.width:
                fixed[i - self.width] = f.get_db_prep_save(fixed[i - self.width], connection)
        fixed_t = tuple(fixed)

        def full(row: Sequence[Any]) -> tuple:
            if convert:
                row = list(row)
                for i, f in convert:
                    value = row[i]
                    row[i] = value.text if type(value) is EncodedJSON else \
                        f.get_db_prep_save(value, connection)
            return (*row, *fixed_t)

        n = 0
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                sql = f"COPY {self.table} ({self.columns}) FROM STDIN"
                with cursor.cursor.copy(sql) as copy:
                    for row in rows:
                        copy.write_row(full(row))
                        n += 1
                # COPY goes through the driver, past Django's execute hooks: say it was a
                # write, so that whatever keys caches on the data (web.pagecache) sees it.
                rows_copied.send(sender=self.model, connection=connection)
            else:
                marks = ", ".join(["%s"] * len(self.fields))
                batch: list[tuple] = []
                sql = f"INSERT INTO {self.table} ({self.columns}) VALUES ({marks})"
                for row in rows:
                    batch.append(full(row))
                    if len(batch) >= 5000:
                        cursor.executemany(sql, batch)
                        n += len(batch)
                        batch.clear()
                if batch:
                    cursor.executemany(sql, batch)
                    n += len(batch)
        return n


# Memory for rebuilding the deferred indexes (``indexes_deferred``), for that transaction only:
# PostgreSQL's default (64 MB) makes the GIN index of a million-row table sort in many passes.
INDEX_BUILD_MEMORY = "512MB"
# Connections making the deferred indexes at once after the load (``builders``): one per core,
# at most this many (each may take ``INDEX_BUILD_MEMORY``).
MAX_INDEX_BUILDERS = 3


def index_builders() -> int:
    """Connections for making a load's indexes again (``indexes_deferred(builders=...)``):
    one per core of this machine, at most ``MAX_INDEX_BUILDERS`` (the database server is
    assumed to run here or on a machine as large)."""
    return max(1, min(os.cpu_count() or 1, MAX_INDEX_BUILDERS))


@contextmanager
def indexes_deferred(*tables: type[models.Model], keys: bool = True,
                     builders: int = 1) -> Iterator[None]:
    """For a load into tables nobody reads meanwhile (a first bulk load): on PostgreSQL, drop
    their plain indexes and their foreign keys and make them again at the end, in one
    transaction — one sort per index instead of an update per row (the full-text GIN index
    most of all), and one join per foreign key instead of a lookup per row and key (a million
    index rows name five other tables each). Unique indexes stay (they are checks, not just
    speed); a row that names a missing row still fails the load, when its key is made again.
    The tables, and those their keys point at, are locked against writes until the end; the
    tables are analysed for the planner at the end (statistics a later step of the same load
    needs before autovacuum can see the rows). ``keys=False``: the foreign keys stay (for a
    load beside other writers: dropping a key locks the table it points at against them).

    ``builders`` > 1, where this block's transaction is the outermost: the foreign keys are
    made again and the rows committed, then the indexes are made on ``builders`` connections
    at once, the full-text (GIN) ones first (PostgreSQL makes one index on one core; a
    million-row table's GIN index takes a minute, its other indexes as long together), then
    the tables analysed. The indexes are the same; meanwhile the rows are readable without
    them (slowly), and writers wait for each index being made. An index whose making failed
    is tried once more on this connection; failing again, the error names every index still
    missing (the rows stay). Inside a caller's transaction, where other connections see
    none of the rows, they are made in it, one after the other. SQLite: nothing changes."""
    connection = connections[router.db_for_write(tables[0])]
    if connection.vendor != "postgresql":
        yield
        return
    names = [t._meta.db_table for t in tables]
    quote = connection.ops.quote_name
    after_commit = builders > 1 and not connection.in_atomic_block
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                " AND tablename = ANY(%s) AND indexdef NOT LIKE 'CREATE UNIQUE %%'", [names])
            found = cursor.fetchall()
            cursor.execute(
                "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k"
                " JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n"
                " ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
                " AND c.relname = ANY(%s) AND k.contype = 'f' ORDER BY k.oid", [names])
            found_keys = cursor.fetchall() if keys else []
            # Checks already pending (rows written earlier in this transaction) would stop
            # the ALTER TABLE: run them first.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for name, _definition in found:
                cursor.execute(f"DROP INDEX {quote(name)}")
            for table, name, _definition in found_keys:
                cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        yield
        with connection.cursor() as cursor:
            # Django's foreign keys are checked at commit (DEFERRABLE INITIALLY DEFERRED);
            # PostgreSQL builds no index on a table with such checks pending: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SELECT current_setting('maintenance_work_mem'), pg_size_bytes("
                           "current_setting('maintenance_work_mem')) < pg_size_bytes(%s)",
                           [INDEX_BUILD_MEMORY])
            memory, raise_memory = cursor.fetchone()
            if raise_memory:  # never lower what the server was given
                cursor.execute("SELECT set_config('maintenance_work_mem', %s, true)",
                               [INDEX_BUILD_MEMORY])
            if not after_commit:
                for _name, definition in found:
                    cursor.execute(definition)
            # Each key is checked here by one query over the whole table.
            for table, name, definition in found_keys:
                cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} "
                               f"{definition}")
            cursor.execute("SELECT set_config('maintenance_work_mem', %s, true)", [memory])
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            if not after_commit:
                _analyze(cursor, names, quote)
    if after_commit:
        _make_indexes_at_once(connection.alias, [d for _n, d in found], builders)
        with connection.cursor() as cursor:
            _analyze(cursor, names, quote)


def _analyze(cursor: Any, names: list[str], quote: Any) -> None:
    # Planner statistics for what comes next in the same load (the next step reads these
    # tables): autovacuum sees none of the rows before the commit, nor soon after it.
    for name in names:
        cursor.execute(f"ANALYZE {quote(name)}")


def _make_index(alias: str, definition: str) -> None:
    """One ``CREATE INDEX`` on this thread's connection of ``alias``, in a transaction of its
    own with the build's memory."""
    connection = connections[alias]
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('maintenance_work_mem', greatest("
                       "pg_size_bytes(current_setting('maintenance_work_mem')), "
                       "pg_size_bytes(%s)) / 1024 || 'kB', true)", [INDEX_BUILD_MEMORY])
        cursor.execute(definition)


def _make_indexes_at_once(alias: str, definitions: list[str], builders: int) -> None:
    """``definitions`` made on ``builders`` threads, each with a connection of its own, the
    GIN ones first (the longest: the last to end is then a short one). Failed ones are tried
    again here, one after the other."""
    queue = sorted(definitions, key=lambda d: " USING gin " not in d)
    lock = threading.Lock()
    failed: list[str] = []

    def build() -> None:
        try:
            while True:
                with lock:
                    if not queue:
                        return
                    definition = queue.pop(0)
                try:
                    _make_index(alias, definition)
                except Exception:  # tried again below, where its error is raised
                    with lock:
                        failed.append(definition)
        finally:
            connections[alias].close()

    threads = [threading.Thread(target=build, name=f"luoshi-index-build-{i}")
               for i in range(min(builders, len(queue)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for i, definition in enumerate(failed):
        try:
            _make_index(alias, definition)
        except Exception as exc:
            missing = "; ".join(failed[i:])
            raise RuntimeError(f"the rows are stored, but these indexes could not be made "
                               f"again: {missing}") from exc
