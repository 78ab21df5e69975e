from __future__ import annotations

from mindtrack.models import ConsentPurpose, User
from mindtrack.privacy.consents import ConsentService
from mindtrack.user.schemas import UserUpdate


async def update_profile(user: User, changes: UserUpdate, consents: ConsentService) -> User:
    """Applies the fields the person sent; `full_name: null` clears the name. Taking part in
    population comparisons is a consent, recorded as one."""
    for field, value in changes.model_dump(exclude_unset=True).items():
        if value is None and field != "full_name":
            continue
        if field == "population_comparisons":
            if value != (user.population_opt_in_at is not None):
                await consents.record(user, ConsentPurpose.POPULATION_COMPARISONS, value)
            continue
        setattr(user, field, value)
    return user
