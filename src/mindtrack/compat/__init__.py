"""The paths the existing web frontend calls, mapped onto the same services as /api/v1."""
