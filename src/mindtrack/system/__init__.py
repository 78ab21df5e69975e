"""Service status: liveness, readiness and a greeting."""
