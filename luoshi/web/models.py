"""The web app's one table: the data version its caches are keyed by (luoshi.web.pagecache)."""

from __future__ import annotations

from django.db import models


class DataVersion(models.Model):
    """One row (id 1). ``token`` is a fresh random number after every committed write to the
    database: a cached fragment stored under one token is never read under another. Random,
    not a counter, so that a table emptied and refilled (a restored backup, a test database
    flushed) cannot meet fragments cached before under the same number."""

    token = models.BigIntegerField()

    class Meta:
        verbose_name = verbose_name_plural = "数据版本"

    def __str__(self) -> str:
        return str(self.token)
