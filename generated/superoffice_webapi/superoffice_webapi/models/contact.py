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

    contact_id: int | None = Field(default=None, alias="ContactId")
    name: str | None = Field(default=None, alias="Name")
    org_nr: str | None = Field(default=None, alias="OrgNr")
    department: str | None = Field(default=None, alias="Department")
    url: str | None = Field(default=None, alias="URL")
    city: str | None = Field(default=None, alias="City")
    direct_phone: str | None = Field(default=None, alias="DirectPhone")
    associate_id: int | None = Field(default=None, alias="AssociateId")
    country_id: int | None = Field(default=None, alias="CountryId")
    email_address: str | None = Field(default=None, alias="EmailAddress")
    kananame: str | None = Field(default=None, alias="Kananame")
    email_address_name: str | None = Field(default=None, alias="EmailAddressName")
    url_name: str | None = Field(default=None, alias="URLName")
    associate_full_name: str | None = Field(default=None, alias="AssociateFullName")
    business_name: str | None = Field(default=None, alias="BusinessName")
    category_name: str | None = Field(default=None, alias="CategoryName")
    country_name: str | None = Field(default=None, alias="CountryName")
    address: Any = Field(default=None, alias="Address")
    formatted_address: str | None = Field(default=None, alias="FormattedAddress")
    full_name: str | None = Field(default=None, alias="FullName")
    is_owner_contact: bool | None = Field(default=None, alias="IsOwnerContact")
    active_erp_links: int | None = Field(default=None, alias="ActiveErpLinks")
    table_right: "TableRight | None" = Field(default=None, alias="TableRight")
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None, alias="FieldProperties"
    )


link(Contact, {"FieldProperty": "field_property", "TableRight": "table_right"})
