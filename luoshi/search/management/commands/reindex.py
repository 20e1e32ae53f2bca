"""``manage.py reindex``: rebuild the search and listing index from the core tables."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from luoshi.search.indexing import reindex_all, reindex_plan


class Command(BaseCommand):
    help = "Rebuild the search/listing index (all plans, or the plans given by id)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("plans", nargs="*", type=int, metavar="PLAN_ID",
                            help="only these plans (default: drop and rebuild everything)")

    def handle(self, *args, plans: list[int], verbosity: int = 1, **options) -> None:
        started = time.perf_counter()

        def report(plan, rows: int) -> None:
            if verbosity > 1:
                self.stdout.write(f"  up to {plan}: {rows} rows")

        if plans:
            total = sum(reindex_plan(pk) for pk in plans)
        else:
            total = reindex_all(progress=report)
        seconds = time.perf_counter() - started
        self.stdout.write(f"reindexed {total} rows in {seconds:.1f} s")
