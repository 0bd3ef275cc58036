from typing import Any, TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .field_property import FieldProperty
    from .table_right import TableRight

__all__ = ["Contact"]


class Contact(BaseModel):
    """The Contact schema."""

    contact_id: int | None = Field(
        default=None, validation_alias="ContactId", serialization_alias="ContactId"
    )
    name: str | None = Field(
        default=None, validation_alias="Name", serialization_alias="Name"
    )
    org_nr: str | None = Field(
        default=None, validation_alias="OrgNr", serialization_alias="OrgNr"
    )
    department: str | None = Field(
        default=None, validation_alias="Department", serialization_alias="Department"
    )
    url: str | None = Field(
        default=None, validation_alias="URL", serialization_alias="URL"
    )
    city: str | None = Field(
        default=None, validation_alias="City", serialization_alias="City"
    )
    direct_phone: str | None = Field(
        default=None, validation_alias="DirectPhone", serialization_alias="DirectPhone"
    )
    associate_id: int | None = Field(
        default=None, validation_alias="AssociateId", serialization_alias="AssociateId"
    )
    country_id: int | None = Field(
        default=None, validation_alias="CountryId", serialization_alias="CountryId"
    )
    email_address: str | None = Field(
        default=None,
        validation_alias="EmailAddress",
        serialization_alias="EmailAddress",
    )
    kananame: str | None = Field(
        default=None, validation_alias="Kananame", serialization_alias="Kananame"
    )
    email_address_name: str | None = Field(
        default=None,
        validation_alias="EmailAddressName",
        serialization_alias="EmailAddressName",
    )
    url_name: str | None = Field(
        default=None, validation_alias="URLName", serialization_alias="URLName"
    )
    associate_full_name: str | None = Field(
        default=None,
        validation_alias="AssociateFullName",
        serialization_alias="AssociateFullName",
    )
    business_name: str | None = Field(
        default=None,
        validation_alias="BusinessName",
        serialization_alias="BusinessName",
    )
    category_name: str | None = Field(
        default=None,
        validation_alias="CategoryName",
        serialization_alias="CategoryName",
    )
    country_name: str | None = Field(
        default=None, validation_alias="CountryName", serialization_alias="CountryName"
    )
    address: Any = Field(
        default=None, validation_alias="Address", serialization_alias="Address"
    )
    formatted_address: str | None = Field(
        default=None,
        validation_alias="FormattedAddress",
        serialization_alias="FormattedAddress",
    )
    full_name: str | None = Field(
        default=None, validation_alias="FullName", serialization_alias="FullName"
    )
    is_owner_contact: bool | None = Field(
        default=None,
        validation_alias="IsOwnerContact",
        serialization_alias="IsOwnerContact",
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


link(Contact, {"FieldProperty": "field_property", "TableRight": "table_right"})
