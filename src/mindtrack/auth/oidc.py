"""Sign-in with OpenID Connect providers (Google, Apple, Facebook, or any other): the
authorization-code flow with PKCE, `state` and `nonce`, and ID tokens checked against the
provider's published keys (signature, issuer, audience, expiry, nonce). Authlib speaks
OAuth 2.0; joserfc checks the tokens."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import AsyncOAuth2Client
from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, KeySet

from mindtrack.config import OidcProviderSettings, OidcSettings
from mindtrack.kit.errors import NotFoundError, UnauthorizedError, UnavailableError

# Apple's client secret may live at most six months; a few minutes is plenty per sign-in.
APPLE_SECRET_SECONDS = 300
APPLE_AUDIENCE = "https://appleid.apple.com"
SIGNING_ALGORITHMS = ["RS256", "ES256", "PS256"]


class UnknownProviderError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("This sign-in provider is not set up on this server.")


class ProviderUnavailableError(UnavailableError):
    def __init__(self) -> None:
        super().__init__("The sign-in provider could not be reached. Please try again.")


class SignInRejectedError(UnauthorizedError):
    type_slug = "sign-in-rejected"

    def __init__(self, reason: str) -> None:
        super().__init__(f"Sign-in with this provider failed: {reason} Please start again.")


@dataclass(frozen=True, slots=True)
class Identity:
    """What a validated ID token says about the person."""

    subject: str
    email: str | None
    email_verified: bool
    name: str | None


def apple_client_secret(provider: OidcProviderSettings, *, now: int | None = None) -> str:
    """The ES256-signed token Apple accepts as the client secret."""
    if not (provider.apple_team_id and provider.apple_key_id and provider.apple_private_key):
        raise ValueError("Apple sign-in needs apple_team_id, apple_key_id and apple_private_key")
    issued = int(time.time()) if now is None else now
    claims = {
        "iss": provider.apple_team_id,
        "iat": issued,
        "exp": issued + APPLE_SECRET_SECONDS,
        "aud": APPLE_AUDIENCE,
        "sub": provider.client_id,
    }
    key = ECKey.import_key(provider.apple_private_key.get_secret_value())
    header = {"alg": "ES256", "kid": provider.apple_key_id}
    return jwt.encode(header, claims, key, algorithms=["ES256"])


class OidcProvider:
    """One configured provider: its discovery document and keys are fetched when first
    needed and kept; the keys are fetched again when a token names a key not yet seen."""

    def __init__(self, name: str, settings: OidcSettings) -> None:
        self.name = name
        self.config = settings.providers[name]
        self.metadata_url = settings.metadata_url(name)
        self.redirect_uri = (
            f"{settings.redirect_base_url.rstrip('/')}/api/v1/auth/oidc/{name}/callback"
        )
        self.timeout = settings.timeout_seconds
        self._metadata: dict[str, Any] | None = None
        self._keys: KeySet | None = None

    async def authorization_url(self, *, state: str, nonce: str, code_verifier: str) -> str:
        metadata = await self.metadata()
        async with self._client() as client:
            url, _ = client.create_authorization_url(
                metadata["authorization_endpoint"],
                state=state,
                code_verifier=code_verifier,
                nonce=nonce,
            )
        return str(url)

    async def sign_in(self, *, code: str, code_verifier: str, nonce: str) -> Identity:
        """Exchanges the code (with the PKCE verifier) and validates the ID token."""
        return await self.validate(await self.exchange(code, code_verifier), nonce=nonce)

    async def exchange(self, code: str, code_verifier: str) -> str:
        """The ID token the provider gives for the code, not yet checked."""
        metadata = await self.metadata()
        try:
            async with self._client() as client:
                token = await client.fetch_token(
                    metadata["token_endpoint"], code=code, code_verifier=code_verifier
                )
        except httpx.HTTPError as exc:
            raise ProviderUnavailableError() from exc
        except Exception as exc:  # Authlib's OAuth errors: the provider refused the code
            raise SignInRejectedError("the provider did not accept the sign-in.") from exc
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise SignInRejectedError("the provider sent no ID token.")
        return id_token

    async def validate(self, id_token: str, *, nonce: str, now: int | None = None) -> Identity:
        metadata = await self.metadata()
        try:
            token = jwt.decode(id_token, await self._keys_for(id_token), SIGNING_ALGORITHMS)
            registry = jwt.JWTClaimsRegistry(
                now=now,
                leeway=30,
                iss={"essential": True, "value": metadata["issuer"]},
                aud={"essential": True, "value": self.config.client_id},
                sub={"essential": True},
                exp={"essential": True},
                nonce={"essential": True, "value": nonce},
            )
            registry.validate(token.claims)
        except (JoseError, ValueError) as exc:
            raise SignInRejectedError("the identity token is not valid.") from exc
        claims = token.claims
        verified = claims.get("email_verified") in (True, "true")  # Apple sends a string
        return Identity(
            subject=str(claims["sub"]),
            email=claims.get("email"),
            email_verified=verified,
            name=claims.get("name"),
        )

    async def metadata(self) -> dict[str, Any]:
        if self._metadata is None:
            if self.metadata_url is None:
                raise UnknownProviderError()
            self._metadata = await self._get_json(self.metadata_url)
        return self._metadata

    async def _keys_for(self, id_token: str) -> KeySet:
        try:
            kid = jws.extract_compact(id_token.encode()).headers().get("kid")
        except JoseError as exc:
            raise SignInRejectedError("the identity token is not valid.") from exc
        if self._keys is None or (kid and not any(k.kid == kid for k in self._keys.keys)):
            metadata = await self.metadata()
            keys: Any = await self._get_json(metadata["jwks_uri"])
            self._keys = KeySet.import_key_set(keys)
        return self._keys

    async def _get_json(self, url: str) -> dict[str, Any]:
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as http:
                response = await http.get(url)
                response.raise_for_status()
                document: dict[str, Any] = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise ProviderUnavailableError() from exc
        return document

    def _client_secret(self) -> str | None:
        if self.config.apple_private_key is not None:
            return apple_client_secret(self.config)
        return self.config.client_secret.get_secret_value() if self.config.client_secret else None

    def _client(self) -> AsyncOAuth2Client:
        return AsyncOAuth2Client(
            client_id=self.config.client_id,
            client_secret=self._client_secret(),
            scope=self.config.scopes,
            redirect_uri=self.redirect_uri,
            code_challenge_method="S256",
            token_endpoint_auth_method="client_secret_post",  # noqa: S106 - a method name
            timeout=self.timeout,
        )


class OidcProviders:
    """The providers configured in settings, built once per application."""

    def __init__(self, settings: OidcSettings) -> None:
        self._providers = {name: OidcProvider(name, settings) for name in settings.providers}

    def get(self, name: str) -> OidcProvider:
        provider = self._providers.get(name)
        if provider is None:
            raise UnknownProviderError()
        return provider

    @property
    def names(self) -> list[str]:
        return sorted(self._providers)


def new_secret() -> str:
    return str(generate_token(48))
