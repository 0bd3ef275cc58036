from pydantic import Field

from .._models import BaseModel

__all__ = ["ChatSessionEntityGetAllResult"]


class ChatSessionEntityGetAllResult(BaseModel):
    """The ChatSessionEntityGetAllResult schema."""

    odata_metadata: str | None = Field(
        default=None,
        validation_alias="odata.metadata",
        serialization_alias="odata.metadata",
        description="Address of the metadata document describing the rows.",
    )
    odata_next_link: str | None = Field(
        default=None,
        validation_alias="odata.nextLink",
        serialization_alias="odata.nextLink",
        description="Address of the next page of rows, when there is one.",
    )
    value: list[dict[str, int | str | None]] | None = Field(
        default=None,
        description="The rows of this page; each row holds the selected columns.",
    )
