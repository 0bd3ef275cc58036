from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .table_right import TableRight

__all__ = ["FieldProperty"]


class FieldProperty(BaseModel):
    """The FieldProperty schema."""

    field_right: "TableRight | None" = Field(
        default=None, validation_alias="FieldRight", serialization_alias="FieldRight"
    )
    field_type: str | None = Field(
        default=None, validation_alias="FieldType", serialization_alias="FieldType"
    )
    field_length: int | None = Field(
        default=None, validation_alias="FieldLength", serialization_alias="FieldLength"
    )


link(FieldProperty, {"TableRight": "table_right"})
