"""Administration: accounts, roles and aggregate statistics; never a person's content."""
