from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .field_property import FieldProperty
    from .table_right import TableRight

__all__ = ["Person"]


class Person(BaseModel):
    """The Person schema."""

    position: str | None = Field(
        default=None, validation_alias="Position", serialization_alias="Position"
    )
    person_id: int | None = Field(
        default=None, validation_alias="PersonId", serialization_alias="PersonId"
    )
    mrmrs: str | None = Field(
        default=None, validation_alias="Mrmrs", serialization_alias="Mrmrs"
    )
    firstname: str | None = Field(
        default=None, validation_alias="Firstname", serialization_alias="Firstname"
    )
    lastname: str | None = Field(
        default=None, validation_alias="Lastname", serialization_alias="Lastname"
    )
    middle_name: str | None = Field(
        default=None, validation_alias="MiddleName", serialization_alias="MiddleName"
    )
    title: str | None = Field(
        default=None, validation_alias="Title", serialization_alias="Title"
    )
    description: str | None = Field(
        default=None, validation_alias="Description", serialization_alias="Description"
    )
    email: str | None = Field(
        default=None, validation_alias="Email", serialization_alias="Email"
    )
    full_name: str | None = Field(
        default=None, validation_alias="FullName", serialization_alias="FullName"
    )
    direct_phone: str | None = Field(
        default=None, validation_alias="DirectPhone", serialization_alias="DirectPhone"
    )
    formal_name: str | None = Field(
        default=None, validation_alias="FormalName", serialization_alias="FormalName"
    )
    country_id: int | None = Field(
        default=None, validation_alias="CountryId", serialization_alias="CountryId"
    )
    contact_id: int | None = Field(
        default=None, validation_alias="ContactId", serialization_alias="ContactId"
    )
    contact_name: str | None = Field(
        default=None, validation_alias="ContactName", serialization_alias="ContactName"
    )
    retired: int | None = Field(
        default=None, validation_alias="Retired", serialization_alias="Retired"
    )
    rank: int | None = Field(
        default=None, validation_alias="Rank", serialization_alias="Rank"
    )
    active_interests: int | None = Field(
        default=None,
        validation_alias="ActiveInterests",
        serialization_alias="ActiveInterests",
    )
    contact_department: str | None = Field(
        default=None,
        validation_alias="ContactDepartment",
        serialization_alias="ContactDepartment",
    )
    contact_country_id: int | None = Field(
        default=None,
        validation_alias="ContactCountryId",
        serialization_alias="ContactCountryId",
    )
    contact_org_nr: str | None = Field(
        default=None,
        validation_alias="ContactOrgNr",
        serialization_alias="ContactOrgNr",
    )
    fax_phone: str | None = Field(
        default=None, validation_alias="FaxPhone", serialization_alias="FaxPhone"
    )
    mobile_phone: str | None = Field(
        default=None, validation_alias="MobilePhone", serialization_alias="MobilePhone"
    )
    contact_phone: str | None = Field(
        default=None,
        validation_alias="ContactPhone",
        serialization_alias="ContactPhone",
    )
    associate_name: str | None = Field(
        default=None,
        validation_alias="AssociateName",
        serialization_alias="AssociateName",
    )
    associate_id: int | None = Field(
        default=None, validation_alias="AssociateId", serialization_alias="AssociateId"
    )
    use_person_address: bool | None = Field(
        default=None,
        validation_alias="UsePersonAddress",
        serialization_alias="UsePersonAddress",
    )
    contact_fax: str | None = Field(
        default=None, validation_alias="ContactFax", serialization_alias="ContactFax"
    )
    kanafname: str | None = Field(
        default=None, validation_alias="Kanafname", serialization_alias="Kanafname"
    )
    kanalname: str | None = Field(
        default=None, validation_alias="Kanalname", serialization_alias="Kanalname"
    )
    post1: str | None = Field(
        default=None, validation_alias="Post1", serialization_alias="Post1"
    )
    post2: str | None = Field(
        default=None, validation_alias="Post2", serialization_alias="Post2"
    )
    post3: str | None = Field(
        default=None, validation_alias="Post3", serialization_alias="Post3"
    )
    email_name: str | None = Field(
        default=None, validation_alias="EmailName", serialization_alias="EmailName"
    )
    contact_full_name: str | None = Field(
        default=None,
        validation_alias="ContactFullName",
        serialization_alias="ContactFullName",
    )
    active_erp_links: int | None = Field(
        default=None,
        validation_alias="ActiveErpLinks",
        serialization_alias="ActiveErpLinks",
    )
    ticket_priority_id: int | None = Field(
        default=None,
        validation_alias="TicketPriorityId",
        serialization_alias="TicketPriorityId",
    )
    support_language_id: int | None = Field(
        default=None,
        validation_alias="SupportLanguageId",
        serialization_alias="SupportLanguageId",
    )
    support_associate_id: int | None = Field(
        default=None,
        validation_alias="SupportAssociateId",
        serialization_alias="SupportAssociateId",
    )
    category_name: str | None = Field(
        default=None,
        validation_alias="CategoryName",
        serialization_alias="CategoryName",
    )
    table_right: "TableRight | None" = Field(
        default=None, validation_alias="TableRight", serialization_alias="TableRight"
    )
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None,
        validation_alias="FieldProperties",
        serialization_alias="FieldProperties",
    )


link(Person, {"FieldProperty": "field_property", "TableRight": "table_right"})
