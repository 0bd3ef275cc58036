"""Per-call overhead of one generated SDK, run inside the scratch runtime venv.

Makes `--warmup` untimed calls, then `--calls` timed calls of the tool's adapter against the fixed
JSON server, and prints JSON: wall seconds, client CPU seconds (time.process_time of this process,
so the server's work is not counted) and the repr of the first result.

With `--first-call`, it instead times what a user's script pays before its first result: importing
the SDK, making the client and the first call, in this (fresh) interpreter.

usage: python call_client.py --tool NAME --package PKG --base-url URL --calls N [--warmup N]
       python call_client.py --tool NAME --package PKG --base-url URL --first-call
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from adapters import ADAPTERS


def main() -> int:
    started = time.perf_counter()
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True, choices=sorted(ADAPTERS))
    parser.add_argument("--package", required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--calls", type=int, default=0)
    parser.add_argument("--first-call", action="store_true")
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()

    call = ADAPTERS[args.tool](args.package, args.base_url)
    first = call()
    if args.first_call:
        elapsed = time.perf_counter() - started
        json.dump({"first_call_s": elapsed, "first_result": repr(first)[:300]}, sys.stdout)
        return 0
    for _ in range(args.warmup):
        call()
    wall_start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(args.calls):
        call()
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - wall_start
    json.dump(
        {
            "calls": args.calls,
            "wall_s": wall,
            "cpu_s": cpu,
            "first_result": repr(first)[:300],
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
