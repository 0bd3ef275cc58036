"""Operations tagged 'orders'."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any, TYPE_CHECKING

from .._base_client import AsyncAPIResource, SyncAPIResource
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven, RequestOptions, Timeout, call_options

if TYPE_CHECKING:
    from ..models.order import Order
    from ..models.order_request import OrderRequest

__all__ = [
    "AsyncOrders",
    "AsyncOrdersWithRawResponse",
    "Orders",
    "OrdersWithRawResponse",
]


class Orders(SyncAPIResource):
    """Operations tagged 'orders'."""

    @cached_property
    def with_raw_response(self) -> OrdersWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return OrdersWithRawResponse(self)

    def place_order(
        self,
        body: OrderRequest | Mapping[str, Any],
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Order:
        """Place an order"""
        from ..models.order import Order

        return self._client.request(
            "POST",
            "/orders",
            json=body,
            cast_to=Order,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def get_order(
        self,
        order_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Order:
        """Get an order"""
        from ..models.order import Order

        return self._client.request(
            "GET",
            "/orders/{orderId}",
            path_params={"orderId": order_id},
            cast_to=Order,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def download_receipt(
        self,
        order_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> bytes:
        """The receipt as a PDF"""
        return self._client.request(
            "GET",
            "/orders/{orderId}/receipt",
            path_params={"orderId": order_id},
            headers={"Accept": "application/pdf"},
            cast_to=bytes,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class OrdersWithRawResponse:
    """`Orders` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: Orders) -> None:
        self.place_order = to_raw_response_wrapper(resource.place_order)
        self.get_order = to_raw_response_wrapper(resource.get_order)
        self.download_receipt = to_raw_response_wrapper(resource.download_receipt)


class AsyncOrders(AsyncAPIResource):
    """Operations tagged 'orders'."""

    @cached_property
    def with_raw_response(self) -> AsyncOrdersWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return AsyncOrdersWithRawResponse(self)

    async def place_order(
        self,
        body: OrderRequest | Mapping[str, Any],
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Order:
        """Place an order"""
        from ..models.order import Order

        return await self._client.request(
            "POST",
            "/orders",
            json=body,
            cast_to=Order,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def get_order(
        self,
        order_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Order:
        """Get an order"""
        from ..models.order import Order

        return await self._client.request(
            "GET",
            "/orders/{orderId}",
            path_params={"orderId": order_id},
            cast_to=Order,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def download_receipt(
        self,
        order_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> bytes:
        """The receipt as a PDF"""
        return await self._client.request(
            "GET",
            "/orders/{orderId}/receipt",
            path_params={"orderId": order_id},
            headers={"Accept": "application/pdf"},
            cast_to=bytes,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class AsyncOrdersWithRawResponse:
    """`AsyncOrders` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: AsyncOrders) -> None:
        self.place_order = async_to_raw_response_wrapper(resource.place_order)
        self.get_order = async_to_raw_response_wrapper(resource.get_order)
        self.download_receipt = async_to_raw_response_wrapper(resource.download_receipt)
