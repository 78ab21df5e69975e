"""A local HTTP server standing in for an SMS provider's webhook: the `sms_gateway` fixture."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class SmsGateway:
    url: str = ""
    received: list[dict[str, Any]] = field(default_factory=list)
    refuse: int = 0  # answer 503 to this many requests first


@pytest.fixture
def sms_gateway() -> Iterator[SmsGateway]:
    gateway = SmsGateway()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers["Content-Length"]))
            if gateway.refuse > 0:
                gateway.refuse -= 1
                self.send_response(503)
            else:
                gateway.received.append(
                    {"json": json.loads(raw), "raw": raw, "headers": dict(self.headers)}
                )
                self.send_response(202)
            self.end_headers()

        def log_message(self, *args: Any) -> None:  # keep test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    gateway.url = f"http://127.0.0.1:{server.server_address[1]}/sms"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield gateway
    finally:
        server.shutdown()
        server.server_close()
