from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from mindtrack import __version__
from mindtrack.auth.permissions import Action, Resource, public
from mindtrack.kit.migrations import database_revision, head_revision

router = APIRouter(tags=["system"], dependencies=[Depends(public(Resource.SERVICE, Action.READ))])


class ServiceInfo(BaseModel):
    service: str = "MindTrack API"
    status: str = "ok"
    version: str
    docs: str = "/docs"


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    database: str
    revision: str | None
    expected_revision: str
    models: dict[str, str] = Field(
        description="Loaded text models and their versions; empty when analysis is switched off."
    )


@router.get("/")
async def root() -> ServiceInfo:
    """Service name and version."""
    return ServiceInfo(version=__version__)


@router.get("/health")
async def health() -> Health:
    """The process is alive."""
    return Health(status="ok")


@router.get("/ready", responses={503: {"model": Readiness, "description": "Not ready"}})
async def ready(request: Request, response: Response) -> Readiness:
    """The database answers, its schema is up to date, and the text models are loaded."""
    expected = head_revision()
    try:
        revision = await database_revision(request.app.state.engine)
    except Exception:  # any failure to reach the database means "not ready"
        revision, database = None, "unreachable"
    else:
        database = "ok" if revision == expected else "migrations pending"
    body = Readiness(
        status="ready" if database == "ok" else "not ready",
        database=database,
        revision=revision,
        expected_revision=expected,
        models=_model_versions(request),
    )
    if database != "ok":
        response.status_code = 503
    return body


def _model_versions(request: Request) -> dict[str, str]:
    engine = request.app.state.analysis_engine
    return {} if engine is None else engine.analyzer.versions.as_dict()
