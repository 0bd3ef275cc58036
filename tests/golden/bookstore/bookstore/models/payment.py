from __future__ import annotations

from typing import TypeAlias

from .card_payment import CardPayment
from .voucher_payment import VoucherPayment

__all__ = ["Payment"]

Payment: TypeAlias = CardPayment | VoucherPayment
"""How an order is paid; no discriminator, the shapes tell them apart."""
