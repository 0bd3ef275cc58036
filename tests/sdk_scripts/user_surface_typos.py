"""Typos a user makes against documented values: each line marked `# typo` must be a type error.

tests/test_user_surface.py runs `mypy --strict` and pyright strict on this script and checks
that both report exactly the marked lines (and nothing else): a misspelt JSON Patch operation
(in a plain dict, a model, a TypedDict variable) and a misspelt enum value of a query parameter.
"""

from __future__ import annotations

from superoffice_webapi import BasicAuth, SuperOffice
from superoffice_webapi.models import PatchOperation, PatchOperationDict

client = SuperOffice(base_url="https://sod.superoffice.com/Cust1/", auth=BasicAuth("user", "pass"))

good: PatchOperationDict = {"op": "replace", "path": "/Name", "value": "X"}
bad: PatchOperationDict = {"op": "replase", "path": "/Name", "value": "X"}  # typo
PatchOperation(op="mvoe", path="/Name")  # typo
client.contact.patch_contact_entity(5, [good, {"op": "delete", "path": "/Name"}])  # typo
client.contact.get_all(mode="Ful")  # typo
