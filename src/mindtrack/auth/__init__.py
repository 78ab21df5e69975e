"""Accounts and sign-in: registration, passwords, access and refresh tokens, sessions."""
