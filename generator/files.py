"""Small file-system helpers shared by the I/O edges: the cache root and atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# The built-in templates (generator/render reads them; `build` fingerprints them without jinja2).
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
# The list of files a generation wrote, inside its output directory (see writer.write_files).
MANIFEST_NAME = ".sdkgen-manifest"


def cache_root() -> Path:
    """`$SDKGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/sdkgen`, else `~/.cache/sdkgen`."""
    explicit = os.environ.get("SDKGEN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sdkgen"


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# The maintainers' folder of a generated package (as Stainless SDKs keep lib/): seeded once, then
# never written, removed or called stale. Here, not in render/, so a no-change build can look for
# its seed without importing the renderer.
MAINTAINER_DIR = "lib"


def maintainer_dir(package_name: str) -> str:
    """The folder (relative to the output dir) that sdkgen never writes after creating its seeds."""
    return f"{package_name}/{MAINTAINER_DIR}/"
