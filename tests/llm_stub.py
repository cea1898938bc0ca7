"""A local stand-in for an OpenAI-compatible chat API on 127.0.0.1, scripted by the test."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Stub:
    """Answers requests from a script: each entry is used once, the last one repeats."""

    def __init__(self) -> None:
        self.script: list[dict] = []
        self.requests: list[dict] = []
        self.headers: list[dict] = []

    def next(self) -> dict:
        return self.script.pop(0) if len(self.script) > 1 else self.script[0]


def _handler(stub: Stub):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            stub.requests.append(json.loads(body))
            stub.headers.append(dict(self.headers))
            step = stub.next()
            time.sleep(step.get("sleep", 0))
            payload = step.get("raw") or json.dumps(step.get("json", {})).encode()
            self.send_response(step.get("status", 200))
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    return Handler


@contextlib.contextmanager
def serve() -> Iterator[tuple[Stub, str]]:
    """A stub server on a free port; yields its script holder and its base URL (…/v1)."""
    state = Stub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def answer(answers: list[dict], prompt: int = 1000, completion: int = 200) -> dict:
    content = json.dumps({"answers": answers})
    return {
        "json": {
            "choices": [{"message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": prompt, "completion_tokens": completion},
        }
    }
