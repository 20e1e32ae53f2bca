"""The OpenAPI schema exercised by Schemathesis against the Django app (WSGI, in process):
every operation, valid and invalid requests, as the supervision office (token) and anonymously
— never a server error (5xx).

``LUOSHI_API_EXAMPLES`` sets the examples per operation, mode and caller (default 6, which keeps
the test near ten seconds); ``LUOSHI_API_RANDOM=1`` draws fresh examples instead of the fixed
ones: both for a longer hunt.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode

from luoshi.wsgi import application

EXAMPLES = int(os.environ.get("LUOSHI_API_EXAMPLES", "6"))
# The same examples on every run (CI), unless LUOSHI_API_RANDOM=1 asks for fresh ones.
DERANDOMIZE = os.environ.get("LUOSHI_API_RANDOM") != "1"


@pytest.fixture
def api_schema(opened):
    # Requests run inside the test's transaction: keep Django from closing the connection at
    # the end of each one, as its own test client does.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def exercise(operation, headers: dict[str, str], mode: GenerationMode,
             path_parameters: dict | None = None) -> int:
    """Run ``EXAMPLES`` generated requests; return how many were sent."""
    sent = 0

    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=DERANDOMIZE,
              phases=[Phase.explicit, Phase.generate, Phase.shrink],
              suppress_health_check=list(HealthCheck))
    def run(case) -> None:
        nonlocal sent
        sent += 1
        case.call_and_validate(app=application, headers=headers, checks=[not_a_server_error])

    run()
    return sent


def existing_ids(opened) -> dict[str, int]:
    """Ids that exist, so valid requests reach past the 404 (generated ids rarely do)."""
    return {"/api/plans/": opened.plan.pk, "/api/reports/": opened.report.pk,
            "/api/tasks/": opened.roads.pk, "/api/entries/": opened.entry[opened.roads.pk].pk}


def test_no_operation_answers_with_a_server_error(api_schema, opened, people):
    office = {"Authorization": f"Token {Token.objects.create(user=people.supervisor).key}"}
    callers = {"supervisor": office, "anonymous": {}}
    ids = existing_ids(opened)
    operations, failures, sent = [], [], 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        operations.append(operation.label)
        real = next(({"id": pk} for prefix, pk in ids.items()
                     if operation.path.startswith(prefix + "{id}")), None)
        passes = [(GenerationMode.POSITIVE, None), (GenerationMode.NEGATIVE, None)]
        if real:
            passes.append((GenerationMode.POSITIVE, real))
        for caller, headers in callers.items():
            for mode, path_parameters in passes:
                try:
                    sent += exercise(operation, headers, mode, path_parameters)
                except Exception as error:
                    failures.append(f"{operation.label} as {caller} ({mode.value}"
                                    f"{', existing id' if path_parameters else ''}): {error}")
    assert len(operations) >= 14, operations  # every operation of the schema was reached
    assert sent >= len(operations) * len(callers) * 2
    assert not failures, "\n\n".join(failures)
    print(f"schemathesis: {len(operations)} operations, {sent} requests")
