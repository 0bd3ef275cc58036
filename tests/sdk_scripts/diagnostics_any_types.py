"""What the planner emits where a `$ref` leads nowhere (`pets`): the annotations are `Any`."""

from __future__ import annotations

import typing

from mock_transport import report
from pets.models.pet import Pet
from pets.resources.default import Default

report(
    {
        "owner": str(Pet.model_fields["owner"].annotation),
        "returns": str(typing.get_type_hints(Default.list_pets)["return"]),
    }
)
