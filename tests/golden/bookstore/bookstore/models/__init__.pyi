from .money import Money as Money
from .author import Author as Author
from .new_book import NewBook as NewBook
from .book import Book as Book
from .series import Series as Series
from .book_page import BookPage as BookPage
from .printed_edition import PrintedEdition as PrintedEdition
from .digital_edition import DigitalEdition as DigitalEdition
from .card_payment import CardPayment as CardPayment
from .voucher_payment import VoucherPayment as VoucherPayment
from .order_line import OrderLine as OrderLine
from .order_request import OrderRequest as OrderRequest
from .order import Order as Order
from .problem import Problem as Problem
from .genre import Genre as Genre
from .edition import Edition as Edition
from .payment import Payment as Payment
from .order_status import OrderStatus as OrderStatus

__all__ = [
    "Money",
    "Author",
    "NewBook",
    "Book",
    "Series",
    "BookPage",
    "PrintedEdition",
    "DigitalEdition",
    "CardPayment",
    "VoucherPayment",
    "OrderLine",
    "OrderRequest",
    "Order",
    "Problem",
    "Genre",
    "Edition",
    "Payment",
    "OrderStatus",
]
