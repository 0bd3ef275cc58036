from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .field_property import FieldProperty
    from .table_right import TableRight

__all__ = ["Sale"]


class Sale(BaseModel):
    """The Sale schema."""

    contact_name: str | None = Field(
        default=None, validation_alias="ContactName", serialization_alias="ContactName"
    )
    sale_date: datetime | None = Field(
        default=None, validation_alias="SaleDate", serialization_alias="SaleDate"
    )
    sale_id: int | None = Field(
        default=None, validation_alias="SaleId", serialization_alias="SaleId"
    )
    probability: int | None = Field(
        default=None, validation_alias="Probability", serialization_alias="Probability"
    )
    title: str | None = Field(
        default=None, validation_alias="Title", serialization_alias="Title"
    )
    amount: float | None = Field(
        default=None, validation_alias="Amount", serialization_alias="Amount"
    )
    currency: str | None = Field(
        default=None, validation_alias="Currency", serialization_alias="Currency"
    )
    project_name: str | None = Field(
        default=None, validation_alias="ProjectName", serialization_alias="ProjectName"
    )
    associate_full_name: str | None = Field(
        default=None,
        validation_alias="AssociateFullName",
        serialization_alias="AssociateFullName",
    )
    description: str | None = Field(
        default=None, validation_alias="Description", serialization_alias="Description"
    )
    status: str | None = Field(
        default=None, validation_alias="Status", serialization_alias="Status"
    )
    weighted_amount: float | None = Field(
        default=None,
        validation_alias="WeightedAmount",
        serialization_alias="WeightedAmount",
    )
    project_id: int | None = Field(
        default=None, validation_alias="ProjectId", serialization_alias="ProjectId"
    )
    earning_percent: float | None = Field(
        default=None,
        validation_alias="EarningPercent",
        serialization_alias="EarningPercent",
    )
    earning: float | None = Field(
        default=None, validation_alias="Earning", serialization_alias="Earning"
    )
    contact_id: int | None = Field(
        default=None, validation_alias="ContactId", serialization_alias="ContactId"
    )
    associate_id: int | None = Field(
        default=None, validation_alias="AssociateId", serialization_alias="AssociateId"
    )
    person_id: int | None = Field(
        default=None, validation_alias="PersonId", serialization_alias="PersonId"
    )
    sale_type_id: int | None = Field(
        default=None, validation_alias="SaleTypeId", serialization_alias="SaleTypeId"
    )
    sale_type_name: str | None = Field(
        default=None,
        validation_alias="SaleTypeName",
        serialization_alias="SaleTypeName",
    )
    person_full_name: str | None = Field(
        default=None,
        validation_alias="PersonFullName",
        serialization_alias="PersonFullName",
    )
    completed: str | None = Field(
        default=None, validation_alias="Completed", serialization_alias="Completed"
    )
    active_erp_links: int | None = Field(
        default=None,
        validation_alias="ActiveErpLinks",
        serialization_alias="ActiveErpLinks",
    )
    next_due_date: datetime | None = Field(
        default=None, validation_alias="NextDueDate", serialization_alias="NextDueDate"
    )
    number: str | None = Field(
        default=None, validation_alias="Number", serialization_alias="Number"
    )
    table_right: "TableRight | None" = Field(
        default=None, validation_alias="TableRight", serialization_alias="TableRight"
    )
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None,
        validation_alias="FieldProperties",
        serialization_alias="FieldProperties",
    )


link(Sale, {"FieldProperty": "field_property", "TableRight": "table_right"})
