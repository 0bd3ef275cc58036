from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .field_property import FieldProperty
    from .table_right import TableRight

__all__ = ["Ticket"]


class Ticket(BaseModel):
    """The Ticket schema."""

    ticket_id: int | None = Field(
        default=None, validation_alias="TicketId", serialization_alias="TicketId"
    )
    title: str | None = Field(
        default=None, validation_alias="Title", serialization_alias="Title"
    )
    created_at: datetime | None = Field(
        default=None, validation_alias="CreatedAt", serialization_alias="CreatedAt"
    )
    last_changed: datetime | None = Field(
        default=None, validation_alias="LastChanged", serialization_alias="LastChanged"
    )
    read_by_owner: datetime | None = Field(
        default=None, validation_alias="ReadByOwner", serialization_alias="ReadByOwner"
    )
    read_by_customer: datetime | None = Field(
        default=None,
        validation_alias="ReadByCustomer",
        serialization_alias="ReadByCustomer",
    )
    first_read_by_user: datetime | None = Field(
        default=None,
        validation_alias="FirstReadByUser",
        serialization_alias="FirstReadByUser",
    )
    activate: datetime | None = Field(
        default=None, validation_alias="Activate", serialization_alias="Activate"
    )
    closed_at: datetime | None = Field(
        default=None, validation_alias="ClosedAt", serialization_alias="ClosedAt"
    )
    replied_at: datetime | None = Field(
        default=None, validation_alias="RepliedAt", serialization_alias="RepliedAt"
    )
    alert_timeout: datetime | None = Field(
        default=None,
        validation_alias="AlertTimeout",
        serialization_alias="AlertTimeout",
    )
    deadline: datetime | None = Field(
        default=None, validation_alias="Deadline", serialization_alias="Deadline"
    )
    created_by: int | None = Field(
        default=None, validation_alias="CreatedBy", serialization_alias="CreatedBy"
    )
    created_by_name: str | None = Field(
        default=None,
        validation_alias="CreatedByName",
        serialization_alias="CreatedByName",
    )
    author: str | None = Field(
        default=None, validation_alias="Author", serialization_alias="Author"
    )
    owned_by: int | None = Field(
        default=None, validation_alias="OwnedBy", serialization_alias="OwnedBy"
    )
    owned_by_name: str | None = Field(
        default=None, validation_alias="OwnedByName", serialization_alias="OwnedByName"
    )
    category: int | None = Field(
        default=None, validation_alias="Category", serialization_alias="Category"
    )
    category_name: str | None = Field(
        default=None,
        validation_alias="CategoryName",
        serialization_alias="CategoryName",
    )
    category_fullname: str | None = Field(
        default=None,
        validation_alias="CategoryFullname",
        serialization_alias="CategoryFullname",
    )
    slevel: str | None = Field(
        default=None, validation_alias="Slevel", serialization_alias="Slevel"
    )
    priority: int | None = Field(
        default=None, validation_alias="Priority", serialization_alias="Priority"
    )
    priority_name: str | None = Field(
        default=None,
        validation_alias="PriorityName",
        serialization_alias="PriorityName",
    )
    base_status: str | None = Field(
        default=None, validation_alias="BaseStatus", serialization_alias="BaseStatus"
    )
    ticket_status: int | None = Field(
        default=None,
        validation_alias="TicketStatus",
        serialization_alias="TicketStatus",
    )
    ticket_status_display_value: str | None = Field(
        default=None,
        validation_alias="TicketStatusDisplayValue",
        serialization_alias="TicketStatusDisplayValue",
    )
    origin: str | None = Field(
        default=None, validation_alias="Origin", serialization_alias="Origin"
    )
    cust_id: int | None = Field(
        default=None, validation_alias="CustId", serialization_alias="CustId"
    )
    person_firstname: str | None = Field(
        default=None,
        validation_alias="PersonFirstname",
        serialization_alias="PersonFirstname",
    )
    person_middle_name: str | None = Field(
        default=None,
        validation_alias="PersonMiddleName",
        serialization_alias="PersonMiddleName",
    )
    person_lastname: str | None = Field(
        default=None,
        validation_alias="PersonLastname",
        serialization_alias="PersonLastname",
    )
    person_fullname: str | None = Field(
        default=None,
        validation_alias="PersonFullname",
        serialization_alias="PersonFullname",
    )
    alert_level: int | None = Field(
        default=None, validation_alias="AlertLevel", serialization_alias="AlertLevel"
    )
    connect_id: int | None = Field(
        default=None, validation_alias="ConnectId", serialization_alias="ConnectId"
    )
    read_status: str | None = Field(
        default=None, validation_alias="ReadStatus", serialization_alias="ReadStatus"
    )
    time_to_reply: int | None = Field(
        default=None, validation_alias="TimeToReply", serialization_alias="TimeToReply"
    )
    real_time_to_reply: int | None = Field(
        default=None,
        validation_alias="RealTimeToReply",
        serialization_alias="RealTimeToReply",
    )
    time_to_close: int | None = Field(
        default=None, validation_alias="TimeToClose", serialization_alias="TimeToClose"
    )
    real_time_to_close: int | None = Field(
        default=None,
        validation_alias="RealTimeToClose",
        serialization_alias="RealTimeToClose",
    )
    time_spent_internally: int | None = Field(
        default=None,
        validation_alias="TimeSpentInternally",
        serialization_alias="TimeSpentInternally",
    )
    time_spent_externally: int | None = Field(
        default=None,
        validation_alias="TimeSpentExternally",
        serialization_alias="TimeSpentExternally",
    )
    time_spent_queue: int | None = Field(
        default=None,
        validation_alias="TimeSpentQueue",
        serialization_alias="TimeSpentQueue",
    )
    real_time_spent_internally: int | None = Field(
        default=None,
        validation_alias="RealTimeSpentInternally",
        serialization_alias="RealTimeSpentInternally",
    )
    real_time_spent_externally: int | None = Field(
        default=None,
        validation_alias="RealTimeSpentExternally",
        serialization_alias="RealTimeSpentExternally",
    )
    real_time_spent_queue: int | None = Field(
        default=None,
        validation_alias="RealTimeSpentQueue",
        serialization_alias="RealTimeSpentQueue",
    )
    has_attachment: bool | None = Field(
        default=None,
        validation_alias="HasAttachment",
        serialization_alias="HasAttachment",
    )
    num_replies: int | None = Field(
        default=None, validation_alias="NumReplies", serialization_alias="NumReplies"
    )
    num_messages: int | None = Field(
        default=None, validation_alias="NumMessages", serialization_alias="NumMessages"
    )
    from_address: str | None = Field(
        default=None, validation_alias="FromAddress", serialization_alias="FromAddress"
    )
    contact_id: int | None = Field(
        default=None, validation_alias="ContactId", serialization_alias="ContactId"
    )
    contact_name: str | None = Field(
        default=None, validation_alias="ContactName", serialization_alias="ContactName"
    )
    owned_by_associate_id: int | None = Field(
        default=None,
        validation_alias="OwnedByAssociateId",
        serialization_alias="OwnedByAssociateId",
    )
    table_right: "TableRight | None" = Field(
        default=None, validation_alias="TableRight", serialization_alias="TableRight"
    )
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None,
        validation_alias="FieldProperties",
        serialization_alias="FieldProperties",
    )


link(Ticket, {"FieldProperty": "field_property", "TableRight": "table_right"})
