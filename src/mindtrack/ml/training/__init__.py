"""Training and evaluation of the shipped models. Reads `../shared/datasets`; never imported
by the service."""
