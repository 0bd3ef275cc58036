"""Locate the project's pinned Node tools (Redocly CLI, Prism).

They are installed from the committed `package-lock.json` with `npm ci` into `<repo>/node_modules`;
nothing global is consulted, so every machine runs the same versions.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
NODE_BIN = REPO_ROOT / "node_modules" / ".bin"

MISSING_NODE_TOOLS = "Node tools not installed: run `npm ci` in the repository root"

# Redocly phones home (telemetry, update checks) unless told not to; the network is closed here
# and a run should not depend on it.
QUIET_NODE_ENV = {
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
    "NO_UPDATE_NOTIFIER": "1",
}


def find_node_tool(name: str) -> Path | None:
    """Path of `node_modules/.bin/<name>` when it exists and is executable, else None."""
    candidate = NODE_BIN / name
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return candidate
    return None


def node_tool_env() -> dict[str, str]:
    """The current environment plus the settings that keep Node tools offline and quiet."""
    return {**os.environ, **QUIET_NODE_ENV}
