"""Safety plans: versioned saves, reading any version, and removal."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.crisis.exceptions import (
    NoSafetyPlanError,
    SafetyPlanChangedError,
    SafetyPlanVersionNotFoundError,
)
from mindtrack.crisis.repository import SafetyPlanRepository
from mindtrack.crisis.schemas import SafetyPlanRead, SafetyPlanSave, SafetyPlanSections
from mindtrack.kit.time import utcnow
from mindtrack.models import SafetyPlanVersion, User


class SafetyPlanService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.plans = SafetyPlanRepository(session)

    async def current(self, user: User) -> SafetyPlanVersion:
        plan = await self.plans.latest(user.id)
        if plan is None:
            raise NoSafetyPlanError()
        return plan

    async def version(self, user: User, version: int) -> SafetyPlanVersion:
        plan = await self.plans.version(user.id, version)
        if plan is None:
            raise SafetyPlanVersionNotFoundError(version)
        return plan

    async def history(self, user: User) -> list[SafetyPlanVersion]:
        return await self.plans.history(user.id)

    async def save(self, user: User, plan: SafetyPlanSave) -> SafetyPlanVersion:
        latest = await self.plans.latest(user.id)
        latest_version = latest.version if latest else 0
        if plan.based_on_version is not None and plan.based_on_version != latest_version:
            raise SafetyPlanChangedError(plan.based_on_version, latest_version)
        now = utcnow()
        saved = SafetyPlanVersion(
            user_id=user.id,
            version=latest_version + 1,
            sections=plan.model_dump(mode="json", include=set(SafetyPlanSections.model_fields)),
            created_at=now,
            updated_at=now,
        )
        try:
            # Two devices saving at once: the second insert meets the unique version.
            async with self.session.begin_nested():
                return await self.plans.add(saved)
        except IntegrityError as exc:
            raise SafetyPlanChangedError(latest_version, latest_version + 1) from exc

    async def delete(self, user: User) -> None:
        if not await self.plans.delete_all(user.id):
            raise NoSafetyPlanError()


def plan_read(plan: SafetyPlanVersion) -> SafetyPlanRead:
    return SafetyPlanRead(**plan.sections, version=plan.version, saved_at=plan.created_at)
