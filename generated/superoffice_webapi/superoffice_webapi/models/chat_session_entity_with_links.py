from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .associate import Associate
    from .contact import Contact
    from .field_property import FieldProperty
    from .person import Person
    from .project import Project
    from .sale import Sale
    from .table_right import TableRight
    from .ticket import Ticket

__all__ = ["ChatSessionEntityWithLinks"]


class ChatSessionEntityWithLinks(BaseModel):
    """ChatSessionEntity found."""

    chat_session_id: int | None = Field(
        default=None,
        validation_alias="ChatSessionId",
        serialization_alias="ChatSessionId",
        description="Unique identifier of the chat session, assigned by the database.",
    )
    topic_id: int | None = Field(
        default=None,
        validation_alias="TopicId",
        serialization_alias="TopicId",
        description="Identifier of the chat topic the session was opened in.",
    )
    user: "Associate | None" = Field(
        default=None,
        validation_alias="User",
        serialization_alias="User",
        description="The user agent who is currently serving the customer.",
    )
    person: "Person | None" = Field(
        default=None,
        validation_alias="Person",
        serialization_alias="Person",
        description="The customer's person record, when the customer could be identified; otherwise empty.",
    )
    customer_alias: str | None = Field(
        default=None,
        validation_alias="CustomerAlias",
        serialization_alias="CustomerAlias",
        description="Alias the customer chats under.",
    )
    customer_host: str | None = Field(
        default=None,
        validation_alias="CustomerHost",
        serialization_alias="CustomerHost",
        description="Host name or IP address the customer connected from.",
    )
    customer_name: str | None = Field(
        default=None,
        validation_alias="CustomerName",
        serialization_alias="CustomerName",
        description="Name the customer entered, if any.",
    )
    customer_email: str | None = Field(
        default=None,
        validation_alias="CustomerEmail",
        serialization_alias="CustomerEmail",
        description="E-mail address the customer entered, if any.",
    )
    customer_phone: str | None = Field(
        default=None,
        validation_alias="CustomerPhone",
        serialization_alias="CustomerPhone",
        description="Phone number the customer entered, if any.",
    )
    customer_consented: bool | None = Field(
        default=None,
        validation_alias="CustomerConsented",
        serialization_alias="CustomerConsented",
        description="True when the customer gave consent as the session was opened.",
    )
    customer_company_name: str | None = Field(
        default=None,
        validation_alias="CustomerCompanyName",
        serialization_alias="CustomerCompanyName",
        description="Company name the customer entered, if any.",
    )
    status: str | None = Field(
        default=None,
        validation_alias="Status",
        serialization_alias="Status",
        description="Current state of the session, for example requested, started or closed.",
    )
    first_message: str | None = Field(
        default=None,
        validation_alias="FirstMessage",
        serialization_alias="FirstMessage",
        description="Copy of the opening message of the conversation.",
    )
    last_message: str | None = Field(
        default=None,
        validation_alias="LastMessage",
        serialization_alias="LastMessage",
        description="Copy of the latest message of the conversation.",
    )
    when_requested: datetime | None = Field(
        default=None,
        validation_alias="WhenRequested",
        serialization_alias="WhenRequested",
        description="Time the customer asked for a chat.",
    )
    when_started: datetime | None = Field(
        default=None,
        validation_alias="WhenStarted",
        serialization_alias="WhenStarted",
        description="Time a user agent picked the session up.",
    )
    when_ended: datetime | None = Field(
        default=None,
        validation_alias="WhenEnded",
        serialization_alias="WhenEnded",
        description="Time the session was closed.",
    )
    when_idle: datetime | None = Field(
        default=None,
        validation_alias="WhenIdle",
        serialization_alias="WhenIdle",
        description="Time of the latest message from either side.",
    )
    when_fetched: datetime | None = Field(
        default=None,
        validation_alias="WhenFetched",
        serialization_alias="WhenFetched",
        description="Time the customer's browser last polled for news. A stale value marks the session as 'abandoned'.",
    )
    session_key: str | None = Field(
        default=None,
        validation_alias="SessionKey",
        serialization_alias="SessionKey",
        description="Secret the customer's client presents to prove it owns the session.",
    )
    initial_queue_pos: int | None = Field(
        default=None,
        validation_alias="InitialQueuePos",
        serialization_alias="InitialQueuePos",
        description="Place in the queue when the session was requested (number of waiting sessions plus one).",
    )
    alert_level: int | None = Field(
        default=None,
        validation_alias="AlertLevel",
        serialization_alias="AlertLevel",
        description="Current alert level of the session.",
    )
    rank: int | None = Field(
        default=None,
        validation_alias="Rank",
        serialization_alias="Rank",
        description="Smallest free number, starting at 1, among the user's active sessions. Clients use it to pick a colour.",
    )
    flags: str | None = Field(
        default=None,
        validation_alias="Flags",
        serialization_alias="Flags",
        description="Extra state flags on the session, such as CustomerIsTyping.",
    )
    contact: "Contact | None" = Field(
        default=None,
        validation_alias="Contact",
        serialization_alias="Contact",
        description="Company the session is linked to, when known.",
    )
    project: "Project | None" = Field(
        default=None,
        validation_alias="Project",
        serialization_alias="Project",
        description="Project the session is linked to, when known.",
    )
    sale: "Sale | None" = Field(
        default=None,
        validation_alias="Sale",
        serialization_alias="Sale",
        description="Sale the session is linked to, when known.",
    )
    ticket: "Ticket | None" = Field(
        default=None,
        validation_alias="Ticket",
        serialization_alias="Ticket",
        description="Request (ticket) the session is linked to, when known.",
    )
    transfer_to: "Associate | None" = Field(
        default=None,
        validation_alias="TransferTo",
        serialization_alias="TransferTo",
        description="User agent the session is being handed over to while a transfer is pending.",
    )
    chatbot_is_active: bool | None = Field(
        default=None,
        validation_alias="ChatbotIsActive",
        serialization_alias="ChatbotIsActive",
        description="True while a chatbot runs the session, so bot triggers fire. The bot clears it when it hands over to a person.",
    )
    rating: int | None = Field(
        default=None,
        validation_alias="Rating",
        serialization_alias="Rating",
        description="Score the customer gave the conversation.",
    )
    table_right: "TableRight | None" = Field(
        default=None,
        validation_alias="TableRight",
        serialization_alias="TableRight",
        description="Rights the current user has on this carrier.",
    )
    field_properties: "dict[str, FieldProperty | None] | None" = Field(
        default=None,
        validation_alias="FieldProperties",
        serialization_alias="FieldProperties",
        description="Access rights and metadata per field, keyed by field name.",
    )
    links: dict[str, str | None] | None = Field(
        default=None,
        validation_alias="_Links",
        serialization_alias="_Links",
        description="Hypermedia links to this session and related resources.",
    )


link(
    ChatSessionEntityWithLinks,
    {
        "Associate": "associate",
        "Contact": "contact",
        "FieldProperty": "field_property",
        "Person": "person",
        "Project": "project",
        "Sale": "sale",
        "TableRight": "table_right",
        "Ticket": "ticket",
    },
)
