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

    ticket_id: int | None = Field(default=None, alias="TicketId")
    title: str | None = Field(default=None, alias="Title")
    created_at: datetime | None = Field(default=None, alias="CreatedAt")
    last_changed: datetime | None = Field(default=None, alias="LastChanged")
    read_by_owner: datetime | None = Field(default=None, alias="ReadByOwner")
    read_by_customer: datetime | None = Field(default=None, alias="ReadByCustomer")
    first_read_by_user: datetime | None = Field(default=None, alias="FirstReadByUser")
    activate: datetime | None = Field(default=None, alias="Activate")
    closed_at: datetime | None = Field(default=None, alias="ClosedAt")
    replied_at: datetime | None = Field(default=None, alias="RepliedAt")
    alert_timeout: datetime | None = Field(default=None, alias="AlertTimeout")
    deadline: datetime | None = Field(default=None, alias="Deadline")
    created_by: int | None = Field(default=None, alias="CreatedBy")
    created_by_name: str | None = Field(default=None, alias="CreatedByName")
    author: str | None = Field(default=None, alias="Author")
    owned_by: int | None = Field(default=None, alias="OwnedBy")
    owned_by_name: str | None = Field(default=None, alias="OwnedByName")
    category: int | None = Field(default=None, alias="Category")
    category_name: str | None = Field(default=None, alias="CategoryName")
    category_fullname: str | None = Field(default=None, alias="CategoryFullname")
    slevel: str | None = Field(default=None, alias="Slevel")
    priority: int | None = Field(default=None, alias="Priority")
    priority_name: str | None = Field(default=None, alias="PriorityName")
    base_status: str | None = Field(default=None, alias="BaseStatus")
    ticket_status: int | None = Field(default=None, alias="TicketStatus")
    ticket_status_display_value: str | None = Field(
        default=None, alias="TicketStatusDisplayValue"
    )
    origin: str | None = Field(default=None, alias="Origin")
    cust_id: int | None = Field(default=None, alias="CustId")
    person_firstname: str | None = Field(default=None, alias="PersonFirstname")
    person_middle_name: str | None = Field(default=None, alias="PersonMiddleName")
    person_lastname: str | None = Field(default=None, alias="PersonLastname")
    person_fullname: str | None = Field(default=None, alias="PersonFullname")
    alert_level: int | None = Field(default=None, alias="AlertLevel")
    connect_id: int | None = Field(default=None, alias="ConnectId")
    read_status: str | None = Field(default=None, alias="ReadStatus")
    time_to_reply: int | None = Field(default=None, alias="TimeToReply")
    real_time_to_reply: int | None = Field(default=None, alias="RealTimeToReply")
    time_to_close: int | None = Field(default=None, alias="TimeToClose")
    real_time_to_close: int | None = Field(default=None, alias="RealTimeToClose")
    time_spent_internally: int | None = Field(default=None, alias="TimeSpentInternally")
    time_spent_externally: int | None = Field(default=None, alias="TimeSpentExternally")
    time_spent_queue: int | None = Field(default=None, alias="TimeSpentQueue")
    real_time_spent_internally: int | None = Field(
        default=None, alias="RealTimeSpentInternally"
    )
    real_time_spent_externally: int | None = Field(
        default=None, alias="RealTimeSpentExternally"
    )
    real_time_spent_queue: int | None = Field(default=None, alias="RealTimeSpentQueue")
    has_attachment: bool | None = Field(default=None, alias="HasAttachment")
    num_replies: int | None = Field(default=None, alias="NumReplies")
    num_messages: int | None = Field(default=None, alias="NumMessages")
    from_address: str | None = Field(default=None, alias="FromAddress")
    contact_id: int | None = Field(default=None, alias="ContactId")
    contact_name: str | None = Field(default=None, alias="ContactName")
    owned_by_associate_id: int | None = Field(default=None, alias="OwnedByAssociateId")
    table_right: "TableRight | None" = Field(default=None, alias="TableRight")
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None, alias="FieldProperties"
    )


link(Ticket, {"FieldProperty": "field_property", "TableRight": "table_right"})
