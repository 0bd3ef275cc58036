"""Which module under models/ defines each model (read by ``models.__getattr__``)."""

MODULES: dict[str, str] = {
    "Money": "money",
    "Author": "author",
    "NewBook": "new_book",
    "Book": "book",
    "Series": "series",
    "BookPage": "book_page",
    "PrintedEdition": "printed_edition",
    "DigitalEdition": "digital_edition",
    "CardPayment": "card_payment",
    "VoucherPayment": "voucher_payment",
    "OrderLine": "order_line",
    "OrderRequest": "order_request",
    "Order": "order",
    "Problem": "problem",
    "Genre": "genre",
    "Edition": "edition",
    "Payment": "payment",
    "OrderStatus": "order_status",
}
