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

    position: str | None = Field(default=None, alias="Position")
    person_id: int | None = Field(default=None, alias="PersonId")
    mrmrs: str | None = Field(default=None, alias="Mrmrs")
    firstname: str | None = Field(default=None, alias="Firstname")
    lastname: str | None = Field(default=None, alias="Lastname")
    middle_name: str | None = Field(default=None, alias="MiddleName")
    title: str | None = Field(default=None, alias="Title")
    description: str | None = Field(default=None, alias="Description")
    email: str | None = Field(default=None, alias="Email")
    full_name: str | None = Field(default=None, alias="FullName")
    direct_phone: str | None = Field(default=None, alias="DirectPhone")
    formal_name: str | None = Field(default=None, alias="FormalName")
    country_id: int | None = Field(default=None, alias="CountryId")
    contact_id: int | None = Field(default=None, alias="ContactId")
    contact_name: str | None = Field(default=None, alias="ContactName")
    retired: int | None = Field(default=None, alias="Retired")
    rank: int | None = Field(default=None, alias="Rank")
    active_interests: int | None = Field(default=None, alias="ActiveInterests")
    contact_department: str | None = Field(default=None, alias="ContactDepartment")
    contact_country_id: int | None = Field(default=None, alias="ContactCountryId")
    contact_org_nr: str | None = Field(default=None, alias="ContactOrgNr")
    fax_phone: str | None = Field(default=None, alias="FaxPhone")
    mobile_phone: str | None = Field(default=None, alias="MobilePhone")
    contact_phone: str | None = Field(default=None, alias="ContactPhone")
    associate_name: str | None = Field(default=None, alias="AssociateName")
    associate_id: int | None = Field(default=None, alias="AssociateId")
    use_person_address: bool | None = Field(default=None, alias="UsePersonAddress")
    contact_fax: str | None = Field(default=None, alias="ContactFax")
    kanafname: str | None = Field(default=None, alias="Kanafname")
    kanalname: str | None = Field(default=None, alias="Kanalname")
    post1: str | None = Field(default=None, alias="Post1")
    post2: str | None = Field(default=None, alias="Post2")
    post3: str | None = Field(default=None, alias="Post3")
    email_name: str | None = Field(default=None, alias="EmailName")
    contact_full_name: str | None = Field(default=None, alias="ContactFullName")
    active_erp_links: int | None = Field(default=None, alias="ActiveErpLinks")
    ticket_priority_id: int | None = Field(default=None, alias="TicketPriorityId")
    support_language_id: int | None = Field(default=None, alias="SupportLanguageId")
    support_associate_id: int | None = Field(default=None, alias="SupportAssociateId")
    category_name: str | None = Field(default=None, alias="CategoryName")
    table_right: "TableRight | None" = Field(default=None, alias="TableRight")
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None, alias="FieldProperties"
    )


link(Person, {"FieldProperty": "field_property", "TableRight": "table_right"})
