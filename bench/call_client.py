"""Per-call overhead of one generated SDK, run inside the scratch runtime venv.

Makes `--warmup` untimed calls, then `--calls` timed calls of the tool's adapter against the fixed
JSON server, and prints JSON: wall seconds, client CPU seconds (time.process_time of this process,
so the server's work is not counted) and the repr of the first result.

usage: python call_client.py --tool NAME --package PKG --base-url URL --calls N [--warmup N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from adapters import ADAPTERS  # noqa: E402 - needs the path set above


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True, choices=sorted(ADAPTERS))
    parser.add_argument("--package", required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--calls", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()

    call = ADAPTERS[args.tool](args.package, args.base_url)
    first = call()
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
