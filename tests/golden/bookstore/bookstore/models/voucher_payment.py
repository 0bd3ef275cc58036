from .._models import BaseModel

__all__ = ["VoucherPayment"]


class VoucherPayment(BaseModel):
    """The VoucherPayment schema."""

    code: str
