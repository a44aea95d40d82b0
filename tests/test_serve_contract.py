"""The service against its own /openapi.json (schemathesis): no generated input, valid or not, is a 500,
every answer has a documented status and shape, and the schema's limits are the ones enforced."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the service needs the serve extra: pip install -e '.[serve]'")
schemathesis = pytest.importorskip("schemathesis", reason="the contract test needs schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402

from coach import AsyncCoach  # noqa: E402
from coach._serve import Limits  # noqa: E402
from coach._serve.app import create_app  # noqa: E402

TOKEN = "contract-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIMITS = Limits(max_batch_items=5, max_draft_chars=2_000, max_body_bytes=64_000)
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(AsyncCoach(engine="offline"), token=TOKEN,
                                                                     limits=LIMITS))
schema.config.generation.update(max_examples=30)
# A schema-valid draft may still be refused with a clear 400: one that is only whitespace (by Python's
# definition, which JSON Schema's patterns cannot state). The test below still requires no 500 for it.
schema.config.checks.update(excluded_check_names=["positive_data_acceptance"])
# A draft over maxLength or a batch over maxItems is a 413, as the schema documents.
rejections = schema.config.checks.negative_data_rejection
rejections.expected_statuses = [*rejections.expected_statuses, "413"]


@schema.parametrize()
@settings(deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_service_fail(case):
    response = case.call(headers=AUTH)
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        error = response.json()["error"]
        assert isinstance(error["type"], str) and isinstance(error["message"], str)
    case.validate_response(response, headers=AUTH)
