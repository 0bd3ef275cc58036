from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link
from .order_status import OrderStatus

if TYPE_CHECKING:
    from .card_payment import CardPayment
    from .money import Money
    from .order_line import OrderLine
    from .voucher_payment import VoucherPayment

__all__ = ["Order"]


class Order(BaseModel):
    """The Order schema."""

    id_: str = Field(validation_alias="id", serialization_alias="id")
    status: OrderStatus
    lines: "list[OrderLine]"
    total: "Money"
    payment: "CardPayment | VoucherPayment | None" = Field(
        default=None,
        description="How an order is paid; no discriminator, the shapes tell them apart.",
    )
    placed_at: datetime | None = Field(
        default=None, validation_alias="placedAt", serialization_alias="placedAt"
    )


link(
    Order,
    {
        "CardPayment": "card_payment",
        "Money": "money",
        "OrderLine": "order_line",
        "VoucherPayment": "voucher_payment",
    },
)
