"""Who may do what: the one table of permissions, and the dependencies that enforce it.

Every route declares exactly the permission it needs, as a dependency built here:
`Depends(permit(resource, action))` (a signed-in account whose role allows it) or
`Depends(public(resource, action))` (anyone, the request itself carries any credential).
The application refuses to start while a route declares none, so a route added later
cannot be left open by accident. Role checks answer 403; whether a particular record
belongs to the caller is decided in the domain's repository (another person's record is
"not found", never "forbidden", so ids cannot be probed).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from itertools import chain
from typing import Annotated

from fastapi import Depends
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from mindtrack.auth.dependencies import CurrentPrincipal
from mindtrack.auth.mfa import ROLES_REQUIRING_TWO_STEP, TwoStepRequiredError
from mindtrack.kit.errors import ForbiddenError
from mindtrack.models import Role, User


class Resource(StrEnum):
    SERVICE = "service"  # health, readiness, the API index
    REFERENCE = "reference"  # the emotion vocabulary, the questionnaires' wording
    SIGN_IN = "sign-in"  # registration, sign-in, token refresh
    ACCOUNT = "account"  # your own profile, password and sessions
    CHECKINS = "checkins"  # your check-ins, their notes and their analysis
    TEXT_ANALYSIS = "text-analysis"  # analysing text that is not stored
    ANALYTICS = "analytics"  # your dashboards, patterns, forecasts, insights
    CONVERSATIONS = "conversations"  # your companion conversations
    ASSESSMENTS = "assessments"  # your questionnaire answers
    SAFETY_PLAN = "safety-plan"
    TRUSTED_CONTACTS = "trusted-contacts"
    INCIDENTS = "incidents"  # your crisis incidents
    CRISIS_LINES = "crisis-lines"  # the public directory of help lines
    CONTACT_CONSENT = "contact-consent"  # a trusted contact answering a link sent to them
    THERAPIST_DIRECTORY = "therapist-directory"
    THERAPIST_PROFILE = "therapist-profile"  # a therapist's own directory entry
    REFERRALS = "referrals"
    SHARING = "sharing"  # what you share with therapists, and who looked at it
    PATIENTS = "patients"  # what people share with you, as their therapist
    PRIVACY = "privacy"  # your own access history
    ACCOUNTS = "accounts"  # every account: roles, activation (administration)
    STATISTICS = "statistics"  # aggregate counts, never a person's content


class Action(StrEnum):
    READ = "read"
    WRITE = "write"  # create, change or delete
    ANSWER = "answer"  # accept or decline something addressed to you


@dataclass(frozen=True, slots=True)
class Permission:
    resource: Resource
    action: Action

    def __str__(self) -> str:
        return f"{self.action}:{self.resource}"


EVERYONE = frozenset(Role)
PEOPLE = frozenset({Role.USER, Role.THERAPIST})  # accounts that keep a record of their own
ADMINS = frozenset({Role.ADMIN})
THERAPISTS = frozenset({Role.THERAPIST})


def _both(resource: Resource, roles: frozenset[Role]) -> dict[Permission, frozenset[Role]]:
    return {Permission(resource, Action.READ): roles, Permission(resource, Action.WRITE): roles}


# The whole policy. A person's own record (notes, journals, conversations, safety plan,
# contacts) is readable only by that person; administrators run the service but are given
# no permission on any of it.
POLICY: dict[Permission, frozenset[Role]] = {
    **_both(Resource.ACCOUNT, EVERYONE),
    **_both(Resource.CHECKINS, PEOPLE),
    **_both(Resource.TEXT_ANALYSIS, PEOPLE),
    **_both(Resource.ANALYTICS, PEOPLE),
    **_both(Resource.CONVERSATIONS, PEOPLE),
    **_both(Resource.ASSESSMENTS, PEOPLE),
    **_both(Resource.SAFETY_PLAN, PEOPLE),
    **_both(Resource.TRUSTED_CONTACTS, PEOPLE),
    **_both(Resource.INCIDENTS, PEOPLE),
    Permission(Resource.THERAPIST_DIRECTORY, Action.READ): EVERYONE,
    Permission(Resource.THERAPIST_PROFILE, Action.WRITE): THERAPISTS,
    **_both(Resource.REFERRALS, PEOPLE),
    Permission(Resource.REFERRALS, Action.ANSWER): THERAPISTS,
    **_both(Resource.SHARING, PEOPLE),
    # Which patients, and which parts of their record, the sharing grants decide.
    **_both(Resource.PATIENTS, THERAPISTS),
    Permission(Resource.PRIVACY, Action.READ): EVERYONE,
    Permission(Resource.PRIVACY, Action.WRITE): EVERYONE,  # erase your own account
    **_both(Resource.ACCOUNTS, ADMINS),
    Permission(Resource.STATISTICS, Action.READ): ADMINS,
}

# Open to anyone: what a person in crisis or signing in needs before having a session, and
# links whose single-use token is itself the credential.
PUBLIC: frozenset[Permission] = frozenset(
    {
        Permission(Resource.SERVICE, Action.READ),
        Permission(Resource.REFERENCE, Action.READ),
        Permission(Resource.SIGN_IN, Action.READ),
        Permission(Resource.SIGN_IN, Action.WRITE),
        Permission(Resource.CRISIS_LINES, Action.READ),
        Permission(Resource.CONTACT_CONSENT, Action.WRITE),
    }
)

# What no administrator may ever be granted: a person's own content.
PERSONAL_CONTENT: frozenset[Resource] = frozenset(
    {
        Resource.CHECKINS,
        Resource.TEXT_ANALYSIS,
        Resource.CONVERSATIONS,
        Resource.ASSESSMENTS,
        Resource.SAFETY_PLAN,
        Resource.TRUSTED_CONTACTS,
        Resource.INCIDENTS,
        Resource.ANALYTICS,
        Resource.SHARING,
        Resource.PATIENTS,
    }
)


class NotPermittedError(ForbiddenError):
    """The account's role does not hold the permission the route declares."""

    type_slug = "not-permitted"


class AccessRule:
    """Marker base of the dependencies that declare a route's permission."""

    permission: Permission

    @property
    def roles(self) -> frozenset[Role] | None:
        """The roles allowed, or None when no account is needed."""
        raise NotImplementedError


class Permit(AccessRule):
    """Dependency: the signed-in account, if its role holds the permission (else 403)."""

    def __init__(self, permission: Permission) -> None:
        if permission not in POLICY:
            raise ValueError(f"No roles are declared for {permission}")
        self.permission = permission

    @property
    def roles(self) -> frozenset[Role]:
        return POLICY[self.permission]

    async def __call__(self, principal: CurrentPrincipal) -> User:
        user = principal.user
        if (
            user.role in ROLES_REQUIRING_TWO_STEP
            and not user.has_two_step_sign_in
            and self.permission.resource is not Resource.ACCOUNT
        ):
            raise TwoStepRequiredError()
        if principal.user.role not in self.roles:
            raise NotPermittedError(
                f"A {principal.user.role} account may not {self.permission.action} "
                f"{self.permission.resource.replace('-', ' ')}."
            )
        return principal.user

    def __repr__(self) -> str:
        return f"permit({self.permission})"


class Public(AccessRule):
    """Dependency: declares that a route needs no account."""

    def __init__(self, permission: Permission) -> None:
        if permission not in PUBLIC:
            raise ValueError(f"{permission} is not declared public")
        self.permission = permission

    @property
    def roles(self) -> None:
        return None

    async def __call__(self) -> None:
        return None

    def __repr__(self) -> str:
        return f"public({self.permission})"


# One instance per permission, so FastAPI's per-request dependency cache checks it once.
@cache
def permit(resource: Resource, action: Action) -> Permit:
    return Permit(Permission(resource, action))


@cache
def public(resource: Resource, action: Action) -> Public:
    return Public(Permission(resource, action))


# Your own account, whatever your role.
AccountReader = Annotated[User, Depends(permit(Resource.ACCOUNT, Action.READ))]
AccountWriter = Annotated[User, Depends(permit(Resource.ACCOUNT, Action.WRITE))]


def route_rules(dependant: Dependant) -> Iterator[AccessRule]:
    """The permission rules among a route's dependencies, however deeply declared."""
    for sub in dependant.dependencies:
        if isinstance(sub.call, AccessRule):
            yield sub.call
        yield from route_rules(sub)


def require_declared_permissions(*route_lists: Iterable[BaseRoute]) -> None:
    """Raises unless every API route in the lists (a router's `routes`, the application's
    own) declares a permission. Reads each route's dependencies as built when it was
    declared, so that start-up does not prepare every route of the application at once."""
    missing = [
        f"{','.join(sorted(route.methods or ()))} {route.path}"
        for route in chain.from_iterable(route_lists)
        if isinstance(route, APIRoute) and not list(route_rules(route.dependant))
    ]
    if missing:
        raise RuntimeError("Routes without a declared permission: " + "; ".join(missing))
