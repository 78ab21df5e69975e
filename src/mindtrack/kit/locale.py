def country_of_locale(locale: str) -> str | None:
    """The country a locale names (en-GB and en_GB: GB), or None (en)."""
    _, _, region = locale.replace("_", "-").partition("-")
    return region.upper() if len(region) == 2 else None
