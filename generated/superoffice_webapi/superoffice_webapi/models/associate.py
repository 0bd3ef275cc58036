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

    associate_id: int | None = Field(default=None, alias="AssociateId")
    name: str | None = Field(default=None, alias="Name")
    person_id: int | None = Field(default=None, alias="PersonId")
    rank: int | None = Field(default=None, alias="Rank")
    tooltip: str | None = Field(default=None, alias="Tooltip")
    type_: str | None = Field(default=None, alias="Type")
    group_idx: int | None = Field(default=None, alias="GroupIdx")
    full_name: str | None = Field(default=None, alias="FullName")
    formal_name: str | None = Field(default=None, alias="FormalName")
    deleted: bool | None = Field(default=None, alias="Deleted")
    ej_user_id: int | None = Field(default=None, alias="EjUserId")
    user_name: str | None = Field(default=None, alias="UserName")
    table_right: "TableRight | None" = Field(default=None, alias="TableRight")
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None, alias="FieldProperties"
    )


link(Associate, {"FieldProperty": "field_property", "TableRight": "table_right"})
