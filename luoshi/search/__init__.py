"""Search and listing index: one denormalised row per task and report, searchable in Chinese.

SQLite uses an FTS5 table kept in step with ``TaskEntry`` by triggers; PostgreSQL a GIN index
on a stored column ``tsv = to_tsvector('simple', tokens)``. Tokens are jieba words (see ``tokens``). The index is
rebuilt per import (a hook on ``ImportBatch``), per saved task or progress entry (signals), and
entirely by ``manage.py reindex``.
"""
