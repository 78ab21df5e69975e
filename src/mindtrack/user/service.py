from __future__ import annotations

from mindtrack.kit.time import utcnow
from mindtrack.models import User
from mindtrack.user.schemas import UserUpdate


def update_profile(user: User, changes: UserUpdate) -> User:
    """Applies the fields the person sent; `full_name: null` clears the name."""
    for field, value in changes.model_dump(exclude_unset=True).items():
        if value is None and field != "full_name":
            continue
        if field == "population_comparisons":
            if not value:
                user.population_opt_in_at = None
            elif user.population_opt_in_at is None:
                user.population_opt_in_at = utcnow()
            continue
        setattr(user, field, value)
    return user
