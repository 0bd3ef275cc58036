from .._models import BaseModel

__all__ = ["Problem"]


class Problem(BaseModel):
    """The Problem schema."""

    title: str
    status: int | None = None
    detail: str | None = None
    errors: dict[str, list[str]] | None = None
