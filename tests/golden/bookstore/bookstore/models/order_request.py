from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .card_payment import CardPayment
    from .order_line import OrderLine
    from .voucher_payment import VoucherPayment

__all__ = ["OrderRequest"]


class OrderRequest(BaseModel):
    """The OrderRequest schema."""

    lines: "list[OrderLine]"
    payment: "CardPayment | VoucherPayment" = Field(
        description="How an order is paid; no discriminator, the shapes tell them apart."
    )
    note: str | None = None


link(
    OrderRequest,
    {
        "CardPayment": "card_payment",
        "OrderLine": "order_line",
        "VoucherPayment": "voucher_payment",
    },
)
