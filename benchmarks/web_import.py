"""The web import with background jobs: how long the upload request takes (it only stores the
file and queues a job) against the jobs that read and import, for generated DOCX tables.

    .venv/bin/python benchmarks/web_import.py            # a fresh SQLite database in a temp dir
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/web_import.py

Per plan size: seconds of the upload request, of the preview job (read + dry run: what the
upload request itself did before the jobs), of the confirm request, and of the import job.
"""

from __future__ import annotations

import os
import re

os.environ.setdefault("LUOSHI_DEBUG", "1")  # the test client's host name
os.environ["LUOSHI_JOBS_INLINE"] = "0"  # the jobs are run and timed here

import benchdb

connection = benchdb.setup("luoshi-bench-")

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402

from luoshi.export import write_document  # noqa: E402
from luoshi.jobs.models import Job  # noqa: E402
from luoshi.jobs.queue import work  # noqa: E402
from luoshi.rounds.accounts import add_user  # noqa: E402
from luoshi.rounds.models import Role  # noqa: E402
from luoshi.sample import generate_plan  # noqa: E402

timed = benchdb.timed


def main() -> None:
    print(f"database: {connection.vendor}")
    client = Client()
    client.force_login(add_user("基准督查员", Role.SUPERVISOR))
    print(f"{'tasks':>6} {'KB':>6} {'upload s':>9} {'preview job s':>14} {'confirm s':>10} "
          f"{'import job s':>13}")
    for seed, n in enumerate((50, 200, 1000), start=1):
        doc = generate_plan(seed, f"网页{seed}市", 2023, n, periods=("h1",))[0]
        data = write_document(doc, "docx")
        file = SimpleUploadedFile("t.docx", data)
        up, response = timed(lambda file=file: client.post("/import/", {"file": file}))
        assert response.status_code == 302, response.status_code
        pk = int(re.search(r"/import/jobs/(\d+)/", response["Location"]).group(1))
        preview, ran = timed(lambda: work(once=True))
        assert ran == 1 and Job.objects.get(pk=pk).state == Job.State.DONE
        form = {"job": pk, "government": f"网页{seed}市", "year": 2023, "period": "h1"}
        ok, response = timed(lambda form=form: client.post("/import/confirm/", form))
        assert response.status_code == 302, response.content[:300]
        imported, ran = timed(lambda: work(once=True))
        assert ran == 1 and Job.objects.order_by("-pk").first().state == Job.State.DONE
        print(f"{n:>6} {len(data) // 1024:>6} {up:>9.3f} {preview:>14.3f} {ok:>10.3f} "
              f"{imported:>13.3f}")


if __name__ == "__main__":
    main()
