from pydantic import Field

from .._models import BaseModel

__all__ = ["CardPayment"]


class CardPayment(BaseModel):
    """The CardPayment schema."""

    card_number: str = Field(
        validation_alias="cardNumber", serialization_alias="cardNumber"
    )
    expires: str | None = None
