"""Trusted contacts: consent per risk level, and a one-time confirmation by the contact."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.config import NotifySettings
from mindtrack.crisis.exceptions import (
    ConfirmationTooSoonError,
    ContactAlreadyConfirmedError,
    ContactNotFoundError,
    InvitationExpiredError,
    InvitationNotFoundError,
)
from mindtrack.crisis.repository import ContactRepository
from mindtrack.crisis.schemas import (
    ContactCreate,
    ContactStatus,
    ContactUpdate,
    check_reachable,
)
from mindtrack.kit.errors import ValidationFailedError
from mindtrack.kit.security import hash_opaque_token, new_opaque_token
from mindtrack.kit.time import utcnow
from mindtrack.models import ContactConsent, TrustedContact, User
from mindtrack.notification.outbox import Channel, Message, enqueue

CONFIRMATION_VALID_FOR = timedelta(days=14)
RESEND_AFTER = timedelta(minutes=10)
CONFIRM_PATH = "/contacts/confirm"


def contact_status(contact: TrustedContact, now: datetime | None = None) -> ContactStatus:
    if contact.confirmed_at is not None:
        return "confirmed"
    if contact.declined_at is not None:
        return "declined"
    expires = contact.confirmation_expires_at
    return (
        "expired"
        if expires is not None and expires <= (now or utcnow())
        else "awaiting_confirmation"
    )


def display_name(user: User) -> str:
    return user.full_name or user.username


@dataclass(frozen=True, slots=True)
class Invitation:
    contact: TrustedContact
    requested_by: str


class TrustedContactService:
    def __init__(self, session: AsyncSession, settings: NotifySettings) -> None:
        self.session = session
        self.settings = settings
        self.contacts = ContactRepository(session)

    async def create(self, user: User, data: ContactCreate) -> TrustedContact:
        self._check_channel(data.preferred_channel)
        now = utcnow()
        contact = TrustedContact(
            id=uuid.uuid4(),
            user_id=user.id,
            **data.model_dump(),
            created_at=now,
            updated_at=now,
        )
        await self.contacts.add(contact)
        await self._record_consent(contact)
        await self._ask_to_confirm(user, contact)
        return contact

    async def list(self, user: User) -> list[TrustedContact]:
        return await self.contacts.list_for(user.id)

    async def get(self, user: User, contact_id: uuid.UUID) -> TrustedContact:
        return await self.contacts.require_owned(user.id, contact_id, ContactNotFoundError)

    async def update(
        self, user: User, contact_id: uuid.UUID, changes: ContactUpdate
    ) -> TrustedContact:
        contact = await self.get(user, contact_id)
        values = changes.model_dump(exclude_unset=True)
        merged = {
            f: values.get(f, getattr(contact, f)) for f in ("preferred_channel", "email", "phone")
        }
        try:
            check_reachable(merged["preferred_channel"], merged["email"], merged["phone"])
        except ValueError as exc:
            raise ValidationFailedError(f"Cannot save this contact: {exc}.") from exc
        self._check_channel(merged["preferred_channel"])
        address_before = _address(contact)
        new_levels = "alert_levels" in values and values["alert_levels"] != contact.alert_levels
        for field, value in values.items():
            setattr(contact, field, value)
        contact.updated_at = utcnow()
        await self.session.flush()
        if new_levels:
            await self._record_consent(contact)
        if _address(contact) != address_before:
            # Whoever is reached at the new address has not agreed to anything yet.
            contact.confirmed_at = contact.declined_at = None
            await self._ask_to_confirm(user, contact)
        return contact

    def _check_channel(self, channel: str) -> None:
        if channel == Channel.SMS and not self.settings.sms_webhook_url:
            raise ValidationFailedError(
                "This server does not send text messages; choose email for this contact."
            )

    async def delete(self, user: User, contact_id: uuid.UUID) -> None:
        await self.contacts.delete(await self.get(user, contact_id))

    async def resend(self, user: User, contact_id: uuid.UUID) -> TrustedContact:
        contact = await self.get(user, contact_id)
        if contact.confirmed_at is not None:
            raise ContactAlreadyConfirmedError()
        sent = contact.confirmation_sent_at
        if sent is not None and utcnow() - sent < RESEND_AFTER:
            raise ConfirmationTooSoonError(int(RESEND_AFTER.total_seconds() // 60))
        contact.declined_at = None
        await self._ask_to_confirm(user, contact)
        return contact

    async def invitation(self, token: str) -> Invitation:
        """The request behind a confirmation link, still open."""
        contact = await self.contacts.by_token_hash(hash_opaque_token(token))
        if contact is None:
            raise InvitationNotFoundError()
        if contact_status(contact) == "expired":
            raise InvitationExpiredError()
        owner = await self.session.get(User, contact.user_id)
        if owner is None or not owner.is_active:
            raise InvitationNotFoundError()
        return Invitation(contact, display_name(owner))

    async def answer(self, token: str, *, accept: bool) -> Invitation:
        """The contact's yes or no. The link works once."""
        invitation = await self.invitation(token)
        contact, now = invitation.contact, utcnow()
        if accept:
            contact.confirmed_at = now
        else:
            contact.declined_at = now
        contact.confirmation_token_hash = None
        contact.updated_at = now
        await self.session.flush()
        return invitation

    async def _record_consent(self, contact: TrustedContact) -> None:
        self.session.add(
            ContactConsent(
                user_id=contact.user_id,
                contact_id=contact.id,
                alert_levels=list(contact.alert_levels),
                recorded_at=utcnow(),
            )
        )
        await self.session.flush()

    async def _ask_to_confirm(self, user: User, contact: TrustedContact) -> None:
        token, now = new_opaque_token(), utcnow()
        contact.confirmation_token_hash = hash_opaque_token(token)
        contact.confirmation_sent_at = now
        contact.confirmation_expires_at = now + CONFIRMATION_VALID_FOR
        await self.session.flush()
        link = f"{self.settings.public_url.rstrip('/')}{CONFIRM_PATH}?token={token}"
        await enqueue(self.session, user.id, _confirmation_message(user, contact, link))


def _address(contact: TrustedContact) -> tuple[Channel, str]:
    """Where this contact is reached: their preferred channel and its address."""
    if contact.preferred_channel == Channel.SMS:
        return Channel.SMS, contact.phone or ""
    return Channel.EMAIL, contact.email or ""


def contact_message(
    contact: TrustedContact, kind: str, subject: str, body: str, text: str
) -> Message:
    """`body` by email, or the short `text` by text message, as the contact prefers."""
    channel, recipient = _address(contact)
    if channel == Channel.SMS:
        return Message(kind=kind, channel=channel, recipient=recipient, subject=subject, body=text)
    return Message(kind=kind, channel=channel, recipient=recipient, subject=subject, body=body)


def _confirmation_message(user: User, contact: TrustedContact, link: str) -> Message:
    name = display_name(user)
    expires = contact.confirmation_expires_at
    until = expires.strftime("%d %B %Y") if expires else ""
    text = (
        f"MindTrack: {name} would like you as a trusted contact, to be told if they may be in "
        f"crisis. Yes or no: {link}"
    )
    body = (
        f"Hello {contact.name},\n\n"
        f"{name} uses MindTrack, an app for keeping track of how they feel, and would like you "
        "to be one of their trusted contacts.\n\n"
        "If MindTrack ever sees signs that they may be in crisis, it may email you so that you "
        "can reach out to them. You will never see their journal or their notes.\n\n"
        f"To agree, or to say no, open this link (it works once, until {until}):\n{link}\n\n"
        "If you do nothing, you will not be contacted again about this.\n"
    )
    subject = f"{name} would like you as a trusted contact"
    return contact_message(contact, "contact_confirmation", subject, body, text)
