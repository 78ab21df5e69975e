from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from mindtrack.auth.throttle import ai_analysis_budget
from mindtrack.companion.dependencies import (
    CompanionServiceDep,
    ConversationsReader,
    ConversationsWriter,
)
from mindtrack.companion.schemas import (
    CompanionReply,
    ConversationRead,
    ConversationSummary,
    MessageCreate,
    MessageRead,
    TurnRead,
)
from mindtrack.companion.service import Turn
from mindtrack.kit.problems import problem_responses
from mindtrack.models import Conversation, ConversationMessage
from mindtrack.privacy.dependencies import AI_READS_WHAT_YOU_WRITE

router = APIRouter(prefix="/api/v1/conversations", tags=["companion"])


def message_read(message: ConversationMessage) -> MessageRead:
    return MessageRead(id=message.id, role=message.role, content=message.content, at=message.at)


def turn_read(turn: Turn) -> TurnRead:
    return TurnRead(
        conversation_id=turn.conversation.id,
        reply=CompanionReply(
            message=message_read(turn.message),
            tone=turn.reply.tone,
            technique=turn.reply.technique,
            engine=turn.engine,
            recommendations=turn.reply.recommendations,
        ),
        mood_aware=turn.reply.mood_aware,
        moods_known=turn.moods_known,
        risk_level=turn.risk_level,
        intervention_required=turn.reply.intervention_required,
        crisis=turn.crisis,
    )


def summary_of(conversation: Conversation, messages: int) -> ConversationSummary:
    return ConversationSummary(
        id=conversation.id,
        channel=conversation.channel,
        created_at=conversation.created_at,
        updated_at=conversation.updated_at,
        messages=messages,
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 422, 429, 503),
    dependencies=[Depends(ai_analysis_budget), AI_READS_WHAT_YOU_WRITE],
)
async def start_conversation(
    body: MessageCreate, user: ConversationsWriter, service: CompanionServiceDep
) -> TurnRead:
    """Start a conversation with the companion with your first message. The companion is a
    dialogue policy built on listening and evidence-based self-help techniques, not a
    language model; a message that signals risk gets a reply that leads with safety."""
    return turn_read(await service.chat(user, body.message, None))


@router.post(
    "/{conversation_id}/messages",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 422, 429, 503),
    dependencies=[Depends(ai_analysis_budget), AI_READS_WHAT_YOU_WRITE],
)
async def continue_conversation(
    conversation_id: uuid.UUID,
    body: MessageCreate,
    user: ConversationsWriter,
    service: CompanionServiceDep,
) -> TurnRead:
    """Send the next message of one of your conversations."""
    return turn_read(await service.chat(user, body.message, conversation_id))


@router.get("", responses=problem_responses(401, 422))
async def list_conversations(
    user: ConversationsReader,
    service: CompanionServiceDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[ConversationSummary]:
    """Your conversations, the latest active first."""
    return [summary_of(c, n) for c, n in await service.conversations.list(user.id, limit)]


@router.get("/{conversation_id}", responses=problem_responses(401, 404, 422))
async def read_conversation(
    conversation_id: uuid.UUID, user: ConversationsReader, service: CompanionServiceDep
) -> ConversationRead:
    """One of your conversations with every message."""
    conversation = await service.conversation(user, conversation_id)
    messages = await service.messages(conversation)
    return ConversationRead(
        **summary_of(conversation, len(messages)).model_dump(),
        history=[message_read(m) for m in messages],
    )


@router.delete(
    "/{conversation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 404, 422),
)
async def delete_conversation(
    conversation_id: uuid.UUID, user: ConversationsWriter, service: CompanionServiceDep
) -> None:
    """Delete one of your conversations and every message in it, for good."""
    await service.delete(user, conversation_id)
