import httpx

from tests.conftest import Account


async def test_root_answers_json_quickly(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.json()["service"] == "MindTrack API"


async def test_health_reports_alive(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    assert response.json() == {"status": "ok"}


async def test_ready_when_database_is_migrated(client: httpx.AsyncClient) -> None:
    response = await client.get("/ready")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


async def test_account_fixture_gives_working_token(
    client: httpx.AsyncClient, account: Account
) -> None:
    response = await client.get("/api/v1/users/me", headers=account.headers)
    assert response.status_code == 200
    assert response.json()["username"] == account.user.username
