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

    contact_name: str | None = Field(default=None, alias="ContactName")
    sale_date: datetime | None = Field(default=None, alias="SaleDate")
    sale_id: int | None = Field(default=None, alias="SaleId")
    probability: int | None = Field(default=None, alias="Probability")
    title: str | None = Field(default=None, alias="Title")
    amount: float | None = Field(default=None, alias="Amount")
    currency: str | None = Field(default=None, alias="Currency")
    project_name: str | None = Field(default=None, alias="ProjectName")
    associate_full_name: str | None = Field(default=None, alias="AssociateFullName")
    description: str | None = Field(default=None, alias="Description")
    status: str | None = Field(default=None, alias="Status")
    weighted_amount: float | None = Field(default=None, alias="WeightedAmount")
    project_id: int | None = Field(default=None, alias="ProjectId")
    earning_percent: float | None = Field(default=None, alias="EarningPercent")
    earning: float | None = Field(default=None, alias="Earning")
    contact_id: int | None = Field(default=None, alias="ContactId")
    associate_id: int | None = Field(default=None, alias="AssociateId")
    person_id: int | None = Field(default=None, alias="PersonId")
    sale_type_id: int | None = Field(default=None, alias="SaleTypeId")
    sale_type_name: str | None = Field(default=None, alias="SaleTypeName")
    person_full_name: str | None = Field(default=None, alias="PersonFullName")
    completed: str | None = Field(default=None, alias="Completed")
    active_erp_links: int | None = Field(default=None, alias="ActiveErpLinks")
    next_due_date: datetime | None = Field(default=None, alias="NextDueDate")
    number: str | None = Field(default=None, alias="Number")
    table_right: "TableRight | None" = Field(default=None, alias="TableRight")
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None, alias="FieldProperties"
    )


link(Sale, {"FieldProperty": "field_property", "TableRight": "table_right"})
