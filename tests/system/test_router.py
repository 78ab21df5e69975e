import io

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from mindtrack.kit import migrations
from tests.conftest import Account

FRONTEND = "http://localhost:3000"


async def test_root_answers_json_without_auth(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.json()["service"] == "MindTrack API"


async def test_health_reports_alive(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    assert response.json() == {"status": "ok"}


async def test_ready_when_database_is_migrated_and_models_loaded(client: httpx.AsyncClient) -> None:
    response = await client.get("/ready")
    assert response.status_code == 200
    body = response.json()
    models = body.pop("models")
    assert body == {
        "status": "ready",
        "database": "ok",
        "revision": migrations.head_revision(),
        "expected_revision": migrations.head_revision(),
    }
    assert set(models) == {"encoder", "sentiment", "emotions", "crisis"}
    assert models["encoder"].startswith("all-MiniLM-L6-v2+")
    assert all(version for version in models.values())


async def test_not_ready_when_migrations_are_pending(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    await migrations.downgrade(engine, "base")
    response = await client.get("/ready")
    assert response.status_code == 503
    assert response.json()["database"] == "migrations pending"
    assert response.json()["revision"] is None


async def test_unknown_route_is_problem_json_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/nothing-here", headers={"Origin": FRONTEND})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "There is nothing at this address."
    assert response.headers["access-control-allow-origin"] == FRONTEND


async def test_wrong_method_is_problem_json_405(client: httpx.AsyncClient) -> None:
    response = await client.put("/health")
    assert response.status_code == 405
    assert response.json()["title"] == "Method not allowed"


async def test_request_id_is_generated_and_echoed(client: httpx.AsyncClient) -> None:
    generated = await client.get("/health")
    assert len(generated.headers["x-request-id"]) == 32
    echoed = await client.get("/health", headers={"X-Request-ID": "trace-123"})
    assert echoed.headers["x-request-id"] == "trace-123"


async def test_unsafe_request_id_is_replaced(client: httpx.AsyncClient) -> None:
    response = await client.get("/health", headers={"X-Request-ID": "bad id\twith spaces"})
    assert response.headers["x-request-id"] != "bad id\twith spaces"


async def test_problem_instance_is_the_request_id(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.get("/api/v1/checkins/not-a-uuid", headers=account.headers)
    assert response.status_code == 422
    assert response.json()["instance"] == response.headers["x-request-id"]


@pytest.fixture
async def failing_client(app: FastAPI) -> httpx.AsyncClient:
    diary = {"notes": "my secret diary entry"}

    @app.get("/boom")
    async def boom() -> None:
        # The message carries user data, as real bugs' messages sometimes do.
        raise RuntimeError(diary["notes"])

    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


async def test_unhandled_error_is_500_problem_without_internals(
    failing_client: httpx.AsyncClient, log_output: io.StringIO
) -> None:
    async with failing_client as http:
        response = await http.get("/boom", headers={"Origin": FRONTEND})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["access-control-allow-origin"] == FRONTEND
    body = response.text
    assert "Traceback" not in body
    assert "secret diary" not in body
    logged = log_output.getvalue()
    assert "RuntimeError" in logged
    assert "secret diary" not in logged
