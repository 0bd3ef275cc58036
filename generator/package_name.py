"""The package's import name when none is configured (shared by `sdkgen generate` and
`sdkgen build`; kept apart from the planner so `build` can read its settings without importing it)."""

from __future__ import annotations

import re

_VERSION_RE = re.compile(r"^\d+(\.\d+)*$|^v\d+(\.\d+)*$", re.IGNORECASE)

# Words that name the document rather than the API: left out of the default package name.
_DOCUMENT_WORDS = frozenset({"swagger", "openapi", "the", "reference", "sdk", "client", "specification", "spec"})


def default_package_name(title: object) -> str:
    """The import name `sdkgen generate` and `sdkgen build` use when none is configured: the title's
    words, lower case, joined by `_`, without versions and document words.
    `SuperOffice WebAPI` -> `superoffice_webapi`, `Swagger Petstore - OpenAPI 3.0` -> `petstore`."""
    tokens = [t.lower() for t in re.split(r"[^A-Za-z0-9]+", title.strip() if isinstance(title, str) else "") if t]
    kept = [t for t in tokens if t not in _DOCUMENT_WORDS and not _VERSION_RE.match(t)]
    name = "_".join(kept) or "client"
    return "api_" + name if name[0].isdigit() else name
