"""The one generic base every repository builds on; all SQL lives in repositories."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from mindtrack.kit.errors import AppError
from mindtrack.kit.pagination import Cursor
from mindtrack.models import Base

ModelT = TypeVar("ModelT", bound=Base)


class Repository(Generic[ModelT]):
    model: ClassVar[type[Any]]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def select(self) -> Select[ModelT]:
        return select(self.model)

    async def get(self, id_: uuid.UUID) -> ModelT | None:
        return await self.session.get(self.model, id_)

    async def first(self, statement: Select[ModelT]) -> ModelT | None:
        return (await self.session.execute(statement.limit(1))).scalars().first()

    async def all(self, statement: Select[ModelT]) -> list[ModelT]:
        return list((await self.session.execute(statement)).scalars().all())

    async def newest_first(
        self,
        statement: Select[ModelT],
        moment: InstrumentedAttribute[datetime],
        *,
        limit: int,
        after: Cursor | None,
    ) -> list[ModelT]:
        """Up to `limit` rows in (moment, id) order, newest first, after the cursor."""
        if after is not None:
            statement = statement.where(
                or_(
                    moment < after.moment,
                    and_(moment == after.moment, self.model.id < after.id),
                )
            )
        statement = statement.order_by(moment.desc(), self.model.id.desc())
        return await self.all(statement.limit(limit))

    async def add(self, instance: ModelT) -> ModelT:
        self.session.add(instance)
        await self.session.flush()
        return instance

    async def delete(self, instance: ModelT) -> None:
        await self.session.delete(instance)
        await self.session.flush()


class OwnedRepository(Repository[ModelT]):
    """A per-user table. Reads go through `owned()`, so another person's row is simply not
    found: callers cannot forget the filter."""

    def owned(self, user_id: uuid.UUID) -> Select[ModelT]:
        return select(self.model).where(self.model.user_id == user_id)

    async def get_owned(self, user_id: uuid.UUID, id_: uuid.UUID) -> ModelT | None:
        return await self.first(self.owned(user_id).where(self.model.id == id_))

    async def require_owned(
        self, user_id: uuid.UUID, id_: uuid.UUID, missing: Callable[[], AppError]
    ) -> ModelT:
        """The row, or `missing()` raised: another person's row is simply not found."""
        found = await self.get_owned(user_id, id_)
        if found is None:
            raise missing()
        return found
