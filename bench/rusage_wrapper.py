"""Run one command and report its wall time, CPU time and peak RSS as JSON on stdout.

Started as a fresh process per measured run so that RUSAGE_CHILDREN covers exactly that command's
process tree. ru_maxrss is the peak of the largest single process in the tree (for
openapi-generator that is the JVM, a grandchild), not the sum of all processes.

usage: python rusage_wrapper.py TIMEOUT_SECONDS -- ARGV...
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    timeout = float(argv[0])
    command = argv[argv.index("--") + 1 :]
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        output, _ = proc.communicate(timeout=timeout)
        returncode: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        output, _ = proc.communicate()
        returncode = None
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = {
        "returncode": returncode,
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "max_rss_kib": usage.ru_maxrss,  # Linux reports kilobytes
        "output_tail": output.decode("utf-8", "replace")[-4000:],
    }
    json.dump(report, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
