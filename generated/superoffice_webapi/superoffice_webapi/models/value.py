from __future__ import annotations

from pydantic import Field

from .._models import BaseModel

__all__ = ["Value"]


class Value(BaseModel):
    """The Value schema."""

    primary_key: int | None = Field(default=None, alias="PrimaryKey")
    entity_name: str | None = Field(default=None, alias="EntityName")
    chat_session_id: int | None = Field(default=None, alias="chatSessionId")
    customer_name: str | None = Field(default=None, alias="customerName")
    status: str | None = None
