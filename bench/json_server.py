"""A tiny threaded HTTP/1.1 server on 127.0.0.1 that answers every request with one fixed JSON body.

It stands in for the API during the per-call benchmark, so what is measured is the client's own
overhead (building the request, serialising, parsing into models). It prints its port on the first
line of stdout and stops by itself after --max-seconds.

usage: python json_server.py [--max-seconds N]
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A chat session as the operation under test returns it (values are made up for the benchmark).
BODY = json.dumps(
    {
        "ChatSessionId": 225,
        "TopicId": 665,
        "User": {
            "AssociateId": 565,
            "Name": "Example Associate",
            "FullName": "Ada Example",
        },
        "CustomerName": "Example Customer",
        "CustomerConsented": True,
        "Status": "Closed",
        "WhenRequested": "2015-03-30T18:28:48.2942869+02:00",
        "FieldProperties": {},
    }
).encode("utf-8")


class FixedJsonHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so pooled clients are not charged a TCP connect
    # Headers and body go out in separate writes; with Nagle on, each response would wait ~40 ms
    # for the client's delayed ACK and the benchmark would measure the kernel, not the client.
    disable_nagle_algorithm = True

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    do_GET = _answer
    do_POST = _answer
    do_PUT = _answer
    do_PATCH = _answer
    do_DELETE = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-seconds", type=float, default=1800.0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), FixedJsonHandler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    stopper = threading.Timer(args.max_seconds, server.shutdown)
    stopper.daemon = True
    stopper.start()
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
