from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .field_property import FieldProperty
    from .table_right import TableRight

__all__ = ["Project"]


class Project(BaseModel):
    """The Project schema."""

    project_id: int | None = Field(default=None, alias="ProjectId")
    name: str | None = Field(default=None, alias="Name")
    description: str | None = Field(default=None, alias="Description")
    url: str | None = Field(default=None, alias="URL")
    type_: str | None = Field(default=None, alias="Type")
    associate_id: int | None = Field(default=None, alias="AssociateId")
    associate_full_name: str | None = Field(default=None, alias="AssociateFullName")
    type_id: int | None = Field(default=None, alias="TypeId")
    updated: datetime | None = Field(default=None, alias="Updated")
    status_id: int | None = Field(default=None, alias="StatusId")
    status: str | None = Field(default=None, alias="Status")
    text_id: int | None = Field(default=None, alias="TextId")
    publish_to: datetime | None = Field(default=None, alias="PublishTo")
    publish_from: datetime | None = Field(default=None, alias="PublishFrom")
    is_published: bool | None = Field(default=None, alias="IsPublished")
    url_name: str | None = Field(default=None, alias="URLName")
    project_number: str | None = Field(default=None, alias="ProjectNumber")
    active_erp_links: int | None = Field(default=None, alias="ActiveErpLinks")
    table_right: "TableRight | None" = Field(default=None, alias="TableRight")
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None, alias="FieldProperties"
    )


link(Project, {"FieldProperty": "field_property", "TableRight": "table_right"})
