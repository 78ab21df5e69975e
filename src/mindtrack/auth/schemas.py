from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from mindtrack.user.schemas import FullName, Locale, Timezone, UserRead

Password = Annotated[str, Field(min_length=8, max_length=128, examples=["correct horse battery"])]


class UserRegister(BaseModel):
    """A new account. `full_name` may be null or empty."""

    username: str = Field(
        min_length=3,
        max_length=50,
        pattern=r"^[A-Za-z0-9_.-]+$",
        description="3–50 letters, digits, `_`, `.` or `-`; unique regardless of case.",
        examples=["ada"],
    )
    email: EmailStr = Field(examples=["ada@example.com"])
    password: Password
    full_name: FullName = None
    timezone: Timezone = Field(default="UTC", examples=["Europe/London"])
    locale: Locale = Field(default="en", examples=["en-GB"])


class LoginRequest(BaseModel):
    username: str = Field(
        min_length=1, max_length=254, description="Username or email.", examples=["ada"]
    )
    password: str = Field(min_length=1, max_length=128, examples=["correct horse battery"])
    otp: str | None = Field(
        default=None,
        max_length=20,
        description="With two-step sign-in on: the authenticator app's 6-digit code, or a "
        "recovery code.",
        examples=["123456"],
    )


class RefreshRequest(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=256)


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(min_length=1, max_length=128)
    new_password: Password


class TokenResponse(BaseModel):
    """Credentials for API calls: send `Authorization: Bearer <access_token>`."""

    access_token: str
    token_type: str = Field(default="bearer", examples=["bearer"])
    expires_in: int = Field(description="Seconds until the access token expires.", examples=[3600])
    refresh_token: str = Field(description="Single-use; exchange it at /api/v1/auth/refresh.")
    refresh_expires_in: int = Field(description="Seconds until the refresh token expires.")
    user: UserRead


class TwoStepSetup(BaseModel):
    secret: str = Field(description="Type this into the authenticator app, or use the URI.")
    otpauth_uri: str = Field(description="For a QR code: `otpauth://totp/...`.")


class TwoStepCode(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=6, max_length=20, examples=["123456"])


class TwoStepDisable(TwoStepCode):
    password: str = Field(min_length=1, max_length=128)


class RecoveryCodes(BaseModel):
    recovery_codes: list[str] = Field(
        description="Shown once: each works once instead of a code from the app. Keep them "
        "somewhere safe."
    )


class TwoStepStatus(BaseModel):
    enabled: bool
    enabled_at: datetime | None
    required: bool = Field(description="True for therapist and administrator accounts.")
    recovery_codes_left: int


class SessionRead(BaseModel):
    """A device or browser signed in to your account."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime = Field(description="When this sign-in happened.")
    last_used_at: datetime = Field(description="When its tokens were last renewed.")
    expires_at: datetime
    user_agent: str | None = Field(description="The browser or app, as it described itself.")
    current: bool = Field(default=False, description="The session making this request.")


class RegistrationReceived(BaseModel):
    """The same answer whether or not the email already had an account, so registering
    cannot be used to find out who uses MindTrack; the inbox tells the difference."""

    username: str = Field(examples=["ada"])
    email: str = Field(examples=["ada@example.com"])
    full_name: str | None
    detail: str = Field(
        default="Welcome! We have emailed you a link to confirm your address. You can sign in now.",
    )


class EmailLinkToken(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token: str = Field(min_length=1, max_length=256, description="From the emailed link.")


class PasswordResetRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr


class PasswordResetConfirm(EmailLinkToken):
    new_password: Password


class Notice(BaseModel):
    detail: str
