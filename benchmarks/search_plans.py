"""Search page queries with the database's own plan and walking the list's order index, for
benchmarks/scale.py ``--search-plans`` (Django set up, the data loaded)."""

from __future__ import annotations

from benchdb import timed
from django.db import models

from luoshi.core.models import Period
from luoshi.search.backends import page_in_list_order
from luoshi.search.models import TaskEntry
from luoshi.search.tokens import query_words
from luoshi.web.listing import ROW_FIELDS, Filters, filter_entries, search_scope
from luoshi.web.views.task_list import PER_PAGE, SEARCH_CAP, SEARCH_SHARE


def search_plans(words: list[str], reps: int = 9) -> None:
    """Each search word's page query (over every plan, and within the period with the most
    rows), pages 1 and 20: read with the database's own plan, and as the task list reads a
    search past its count's cap (luoshi.search.backends.page_in_list_order over the first
    ``SEARCH_SHARE`` × 50 rows, then the own plan when the page is not all among them; "+"
    marks a page found there). The list tries only the first page so (page 20, tried here
    over the same rows, shows what a page not found costs). Best of ``reps``, the two in turn: what the plan costs on a loaded
    machine, where a page's p95 is mostly the machine. Checks that both give the same rows."""
    period = Period.objects.filter(pk=TaskEntry.objects.exclude(period=None).values("period")
                                   .order_by().annotate(n=models.Count("id")).order_by("-n")
                                   .values("period")[:1]).first()
    window = SEARCH_SHARE * PER_PAGE
    print(f"\nsearch page queries, ms (best of {reps}): own plan / dense path; count capped "
          f"at {SEARCH_CAP}, window {window} rows", flush=True)
    for scope in (None, period):
        for word in words:
            entries, _words = filter_entries(Filters(q=word, period=scope), None)
            rows = entries.values(*ROW_FIELDS)
            unsearched = filter_entries(Filters(period=scope), None)[0].values(*ROW_FIELDS)
            count = rows.order_by()[:SEARCH_CAP + 1].count()
            found_in = (query_words(word), search_scope(Filters(period=scope)))
            line = f"  {word:<8} {'period ' + str(scope.pk) if scope else 'every plan':<10} " \
                   f"{'>' if count > SEARCH_CAP else ' '}{min(count, SEARCH_CAP):>5}"
            for number in (1, 20):
                part = rows[(number - 1) * PER_PAGE:number * PER_PAGE]

                def dense(part=part, unsearched=unsearched, low=(number - 1) * PER_PAGE,
                          found_in=found_in):
                    found = page_in_list_order(unsearched, *found_in, low, low + PER_PAGE,
                                               window)
                    return (True, found) if found is not None else (False, list(part.all()))

                own, walked = [], []
                for _ in range(reps):
                    own.append(timed(lambda part=part: list(part.all()))[0])
                    seconds, (filled, found) = timed(dense)
                    walked.append(seconds)
                assert found == list(part.all()), (word, scope, number)
                line += f"   p{number} {min(own) * 1000:6.1f} / {min(walked) * 1000:6.1f}" \
                        f"{'+' if filled else ' '}"
            print(line, flush=True)
