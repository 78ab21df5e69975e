from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.models import Conversation, ConversationMessage

# Replies looked at to keep a conversation from repeating itself.
RECENT_REPLIES = 12


class ConversationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def owned(self, user_id: uuid.UUID, conversation_id: uuid.UUID) -> Conversation | None:
        conversation = await self.session.get(Conversation, conversation_id)
        return conversation if conversation and conversation.user_id == user_id else None

    async def add(self, obj: Conversation | ConversationMessage) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def delete(self, conversation: Conversation) -> None:
        await self.session.delete(conversation)
        await self.session.flush()

    async def messages(self, conversation_id: uuid.UUID) -> Sequence[ConversationMessage]:
        statement = (
            select(ConversationMessage)
            .where(ConversationMessage.conversation_id == conversation_id)
            .order_by(ConversationMessage.at, ConversationMessage.role.desc())
        )
        return (await self.session.execute(statement)).scalars().all()

    async def recent_replies(self, conversation_id: uuid.UUID) -> Sequence[ConversationMessage]:
        """The latest replies, newest first."""
        statement = (
            select(ConversationMessage)
            .where(
                ConversationMessage.conversation_id == conversation_id,
                ConversationMessage.role == "assistant",
            )
            .order_by(ConversationMessage.at.desc())
            .limit(RECENT_REPLIES)
        )
        return (await self.session.execute(statement)).scalars().all()

    async def list(self, user_id: uuid.UUID, limit: int) -> list[tuple[Conversation, int]]:
        """The person's conversations, latest activity first, with their message counts."""
        counts = (
            select(ConversationMessage.conversation_id, func.count().label("messages"))
            .group_by(ConversationMessage.conversation_id)
            .subquery()
        )
        statement = (
            select(Conversation, func.coalesce(counts.c.messages, 0))
            .outerjoin(counts, counts.c.conversation_id == Conversation.id)
            .where(Conversation.user_id == user_id)
            .order_by(Conversation.updated_at.desc(), Conversation.id)
            .limit(limit)
        )
        return [(c, int(n)) for c, n in (await self.session.execute(statement)).all()]
