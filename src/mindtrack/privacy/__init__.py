"""Privacy: the audit trail now; encryption keys, exports, erasure and retention as they arrive."""
