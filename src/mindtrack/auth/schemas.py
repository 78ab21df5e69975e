from __future__ import annotations

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
