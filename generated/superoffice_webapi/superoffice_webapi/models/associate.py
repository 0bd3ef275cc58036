from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .field_property import FieldProperty
    from .table_right import TableRight

__all__ = ["Associate"]


class Associate(BaseModel):
    """The Associate schema."""

    associate_id: int | None = Field(
        default=None, validation_alias="AssociateId", serialization_alias="AssociateId"
    )
    name: str | None = Field(
        default=None, validation_alias="Name", serialization_alias="Name"
    )
    person_id: int | None = Field(
        default=None, validation_alias="PersonId", serialization_alias="PersonId"
    )
    rank: int | None = Field(
        default=None, validation_alias="Rank", serialization_alias="Rank"
    )
    tooltip: str | None = Field(
        default=None, validation_alias="Tooltip", serialization_alias="Tooltip"
    )
    type_: str | None = Field(
        default=None, validation_alias="Type", serialization_alias="Type"
    )
    group_idx: int | None = Field(
        default=None, validation_alias="GroupIdx", serialization_alias="GroupIdx"
    )
    full_name: str | None = Field(
        default=None, validation_alias="FullName", serialization_alias="FullName"
    )
    formal_name: str | None = Field(
        default=None, validation_alias="FormalName", serialization_alias="FormalName"
    )
    deleted: bool | None = Field(
        default=None, validation_alias="Deleted", serialization_alias="Deleted"
    )
    ej_user_id: int | None = Field(
        default=None, validation_alias="EjUserId", serialization_alias="EjUserId"
    )
    user_name: str | None = Field(
        default=None, validation_alias="UserName", serialization_alias="UserName"
    )
    table_right: "TableRight | None" = Field(
        default=None, validation_alias="TableRight", serialization_alias="TableRight"
    )
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None,
        validation_alias="FieldProperties",
        serialization_alias="FieldProperties",
    )


link(Associate, {"FieldProperty": "field_property", "TableRight": "table_right"})
