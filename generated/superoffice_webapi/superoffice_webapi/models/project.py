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

    project_id: int | None = Field(
        default=None, validation_alias="ProjectId", serialization_alias="ProjectId"
    )
    name: str | None = Field(
        default=None, validation_alias="Name", serialization_alias="Name"
    )
    description: str | None = Field(
        default=None, validation_alias="Description", serialization_alias="Description"
    )
    url: str | None = Field(
        default=None, validation_alias="URL", serialization_alias="URL"
    )
    type_: str | None = Field(
        default=None, validation_alias="Type", serialization_alias="Type"
    )
    associate_id: int | None = Field(
        default=None, validation_alias="AssociateId", serialization_alias="AssociateId"
    )
    associate_full_name: str | None = Field(
        default=None,
        validation_alias="AssociateFullName",
        serialization_alias="AssociateFullName",
    )
    type_id: int | None = Field(
        default=None, validation_alias="TypeId", serialization_alias="TypeId"
    )
    updated: datetime | None = Field(
        default=None, validation_alias="Updated", serialization_alias="Updated"
    )
    status_id: int | None = Field(
        default=None, validation_alias="StatusId", serialization_alias="StatusId"
    )
    status: str | None = Field(
        default=None, validation_alias="Status", serialization_alias="Status"
    )
    text_id: int | None = Field(
        default=None, validation_alias="TextId", serialization_alias="TextId"
    )
    publish_to: datetime | None = Field(
        default=None, validation_alias="PublishTo", serialization_alias="PublishTo"
    )
    publish_from: datetime | None = Field(
        default=None, validation_alias="PublishFrom", serialization_alias="PublishFrom"
    )
    is_published: bool | None = Field(
        default=None, validation_alias="IsPublished", serialization_alias="IsPublished"
    )
    url_name: str | None = Field(
        default=None, validation_alias="URLName", serialization_alias="URLName"
    )
    project_number: str | None = Field(
        default=None,
        validation_alias="ProjectNumber",
        serialization_alias="ProjectNumber",
    )
    active_erp_links: int | None = Field(
        default=None,
        validation_alias="ActiveErpLinks",
        serialization_alias="ActiveErpLinks",
    )
    table_right: "TableRight | None" = Field(
        default=None, validation_alias="TableRight", serialization_alias="TableRight"
    )
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None,
        validation_alias="FieldProperties",
        serialization_alias="FieldProperties",
    )


link(Project, {"FieldProperty": "field_property", "TableRight": "table_right"})
