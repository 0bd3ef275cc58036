from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .value import Value

__all__ = ["GetAllResult"]


class GetAllResult(BaseModel):
    """The GetAllResult schema."""

    odata_metadata: str | None = Field(
        default=None,
        alias="odata.metadata",
        description="Address of the metadata document describing the rows.",
    )
    odata_next_link: str | None = Field(
        default=None,
        alias="odata.nextLink",
        description="Address of the next page of rows, when there is one.",
    )
    value: list[Value] | None = Field(
        default=None,
        description="The rows of this page; each row holds the selected columns.",
    )


link(GetAllResult, {"Value": "value"})
