"""Two-step sign-in with an authenticator app (TOTP, RFC 6238) and single-use recovery
codes. Optional for people; therapist and administrator accounts must turn it on before
they can do anything but manage their own account."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import pyotp
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from mindtrack.auth.exceptions import WrongPasswordError
from mindtrack.kit.errors import ConflictError, ForbiddenError, UnauthorizedError
from mindtrack.kit.security import PasswordHashing, hash_opaque_token
from mindtrack.kit.time import utcnow
from mindtrack.models import RecoveryCode, Role, User
from mindtrack.privacy import audit

ISSUER = "MindTrack"
RECOVERY_CODES = 10
# Codes from the step before and after are accepted too, for clocks a little off.
CLOCK_DRIFT_STEPS = 1
ROLES_REQUIRING_TWO_STEP = frozenset({Role.THERAPIST, Role.ADMIN})


class CodeRequiredError(UnauthorizedError):
    type_slug = "two-step-code-required"

    def __init__(self) -> None:
        super().__init__(
            "Enter the 6-digit code from your authenticator app (or one of your recovery "
            "codes) as `otp`."
        )


class WrongCodeError(UnauthorizedError):
    type_slug = "two-step-code-wrong"
    keeps_changes = True  # a failed sign-in is recorded in the audit trail

    def __init__(self) -> None:
        super().__init__("That code is not right or has already been used. Try the next one.")


class TwoStepAlreadyOnError(ConflictError):
    def __init__(self) -> None:
        super().__init__("Two-step sign-in is already on for this account.")


class TwoStepNotSetUpError(ConflictError):
    def __init__(self) -> None:
        super().__init__("Start the setup first: POST /api/v1/auth/two-step/setup.")


class TwoStepRequiredError(ForbiddenError):
    type_slug = "two-step-required"

    def __init__(self) -> None:
        super().__init__(
            "Therapist and administrator accounts must turn on two-step sign-in first "
            "(POST /api/v1/auth/two-step/setup, then /enable)."
        )


@dataclass(frozen=True, slots=True)
class Setup:
    secret: str
    uri: str


def _new_recovery_code() -> str:
    raw = secrets.token_hex(5)  # 40 bits, read out in two halves
    return f"{raw[:5]}-{raw[5:]}"


def _normalized(code: str) -> str:
    return code.strip().replace(" ", "").lower()


class TwoStepService:
    def __init__(self, session: AsyncSession, passwords: PasswordHashing) -> None:
        self.session = session
        self.passwords = passwords

    def setup(self, user: User) -> Setup:
        """A fresh secret for the authenticator app; in force only once a code from it is
        confirmed with `enable`."""
        if user.has_two_step_sign_in:
            raise TwoStepAlreadyOnError()
        user.totp_secret = pyotp.random_base32()
        uri = pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
        return Setup(secret=user.totp_secret, uri=uri)

    async def enable(self, user: User, code: str) -> list[str]:
        if user.has_two_step_sign_in:
            raise TwoStepAlreadyOnError()
        if user.totp_secret is None:
            raise TwoStepNotSetUpError()
        if not self._accept_totp(user, code):
            raise WrongCodeError()
        user.totp_enabled_at = utcnow()
        await audit.record(self.session, "two_step_enabled", actor=user.id)
        return await self._replace_recovery_codes(user)

    async def disable(self, user: User, password: str, code: str) -> None:
        if user.role in ROLES_REQUIRING_TWO_STEP:
            raise TwoStepRequiredError()
        if not self.passwords.verify(user.password_hash, password):
            raise WrongPasswordError()
        if not await self.verify(user, code):
            raise WrongCodeError()
        user.totp_secret = user.totp_enabled_at = user.totp_last_step = None
        await self.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
        await audit.record(self.session, "two_step_disabled", actor=user.id)

    async def regenerate(self, user: User, code: str) -> list[str]:
        if not user.has_two_step_sign_in:
            raise TwoStepNotSetUpError()
        if not await self.verify(user, code):
            raise WrongCodeError()
        return await self._replace_recovery_codes(user)

    async def verify(self, user: User, code: str) -> bool:
        """A current authenticator code (each accepted once) or an unused recovery code."""
        return self._accept_totp(user, code) or await self._use_recovery_code(user, code)

    def _accept_totp(self, user: User, code: str) -> bool:
        code = _normalized(code)
        if user.totp_secret is None or not (len(code) == 6 and code.isdigit()):
            return False
        totp = pyotp.TOTP(user.totp_secret)
        now = utcnow()
        current = totp.timecode(now)
        for step in range(current - CLOCK_DRIFT_STEPS, current + CLOCK_DRIFT_STEPS + 1):
            if user.totp_last_step is not None and step <= user.totp_last_step:
                continue  # that code, or an earlier one, was already used
            if secrets.compare_digest(totp.generate_otp(step), code):
                user.totp_last_step = step
                return True
        return False

    async def _use_recovery_code(self, user: User, code: str) -> bool:
        result = await self.session.execute(
            update(RecoveryCode)
            .where(
                RecoveryCode.user_id == user.id,
                RecoveryCode.code_hash == hash_opaque_token(_normalized(code)),
                RecoveryCode.used_at.is_(None),
            )
            .values(used_at=utcnow())
        )
        return bool(getattr(result, "rowcount", 0))

    async def _replace_recovery_codes(self, user: User) -> list[str]:
        await self.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
        codes = [_new_recovery_code() for _ in range(RECOVERY_CODES)]
        self.session.add_all(
            RecoveryCode(user_id=user.id, code_hash=hash_opaque_token(code)) for code in codes
        )
        await self.session.flush()
        return codes

    async def unused_recovery_codes(self, user: User) -> int:
        rows = await self.session.execute(
            select(RecoveryCode.id).where(
                RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
            )
        )
        return len(rows.all())
