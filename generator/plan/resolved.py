"""What the schema registry hands between resolving types and planning models: a schema's
Python type (Resolved) and a model to plan (ModelSource)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.plan.code import NONE, ModelRef, TypeExpr, Union

Schema = dict[str, Any]


@dataclass(frozen=True)
class Resolved:
    """The Python type of a schema, and whether the schema admits null."""

    type: TypeExpr
    nullable: bool = False

    def annotation(self, *, optional: bool = False) -> TypeExpr:
        """The type, with `| None` when null is allowed or the value may be missing."""
        if (self.nullable or optional) and self.type.render() not in ("Any", "None"):
            return Union((self.type, NONE))
        return self.type


@dataclass
class ModelSource:
    """A model to plan: its allocated names and the schema it is planned from."""

    class_name: str
    module_name: str
    schema: Schema
    wire_name: str  # component name, or "" for inline models

    @property
    def ref(self) -> ModelRef:
        return ModelRef(self.class_name, self.module_name)

    @property
    def ref_key(self) -> tuple[str, str]:
        return (self.class_name, self.module_name)
