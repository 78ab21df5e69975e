"""Outgoing messages: the outbox, its channels (email) and the delivery worker."""
