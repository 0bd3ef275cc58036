"""The Bookstore and AsyncBookstore clients: one lazily created attribute per resource."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

import httpx

from ._base_client import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    SyncAPIClient,
)
from ._hooks import Hooks, setup_client
from ._types import NOT_GIVEN, NotGiven, Timeout

if TYPE_CHECKING:
    from .resources.authors import AsyncAuthors, Authors
    from .resources.books import AsyncBooks, Books
    from .resources.orders import AsyncOrders, Orders

__all__ = ["AsyncBookstore", "Bookstore"]

_R = TypeVar("_R")


class _Resource(Generic[_R]):
    """A client attribute that imports its resource module on first access.

    Like ``functools.cached_property``: the resource is stored on the client, so later
    lookups are plain attribute reads. One line per resource keeps this module small.
    """

    def __init__(self, module: str, class_name: str) -> None:
        self._module = module
        self._class_name = class_name
        self._attribute = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._attribute = name

    @overload
    def __get__(self, client: None, owner: type | None = None) -> _Resource[_R]: ...

    @overload
    def __get__(self, client: object, owner: type | None = None) -> _R: ...

    def __get__(self, client: object, owner: type | None = None) -> Any:
        if client is None:
            return self
        module = importlib.import_module(f"{__package__}.resources.{self._module}")
        resource = getattr(module, self._class_name)(client)
        client.__dict__[self._attribute] = resource
        return resource


def _option_headers(
    default_headers: Mapping[str, str] | None,
) -> dict[str, str]:
    headers: dict[str, str | None] = {}
    merged = {key: value for key, value in headers.items() if value is not None}
    merged.update(default_headers or {})
    return merged


class Bookstore(SyncAPIClient):
    """Synchronous client for Bookstore.

    Args:
        base_url: Root URL of the API.
        auth: ApiKeyAuth, BearerAuth (the API's security schemes), or any other httpx.Auth.
        http_client: Your own httpx.Client (transport, proxies); you close it.
        timeout: Seconds, or an httpx.Timeout, for every request.
        max_retries: Retries for connection errors, 429 and 502-504 responses.
        retry_non_idempotent: Also retry POST and PATCH requests.
        strict_response_validation: Validate every response body against its documented type
            and raise APIResponseValidationError on a mismatch. Off by default: responses are
            built as typed models without validation, so data the documentation does not
            describe exactly still reaches you, and a first call stays fast.
        default_headers: Extra headers for every request.
        hooks: Callables run before each request, after each response and on errors
            (``client.hooks.before_request(fn)`` registers more later; see _hooks.py).
    """

    def __init__(
        self,
        *,
        base_url: str = "https://api.bookstore.test/v2",
        auth: httpx.Auth | None = None,
        http_client: httpx.Client | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_non_idempotent: bool = False,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        hooks: Hooks | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            auth=auth,
            http_client=http_client,
            timeout=timeout,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            strict_response_validation=strict_response_validation,
            default_headers=_option_headers(
                default_headers,
            ),
            strip_base_suffix=None,
            hooks=hooks,
        )
        # Maintainers' lib.setup_client(client), once per Hooks object (see _hooks.py).
        setup_client(self, self.hooks)

    def with_options(
        self,
        *,
        auth: httpx.Auth | None | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_non_idempotent: bool | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
    ) -> Bookstore:
        """A client with some defaults changed that shares this client's connection pool.

        ``client.with_options(timeout=5).authors...``: arguments left out
        keep this client's values;
        ``default_headers`` are added to this client's. Closing the new client leaves the pool open
        (this client owns it). The new client gets a copy of this client's hooks.
        """
        headers = dict(self._custom_headers)
        options: dict[str, str | None | NotGiven] = {}
        for header, value in options.items():
            if value is None:
                headers.pop(header, None)
            elif not isinstance(value, NotGiven):
                headers[header] = value
        headers.update(default_headers or {})
        client = Bookstore(
            base_url=self.base_url,
            auth=self.auth if isinstance(auth, NotGiven) else auth,
            http_client=self.http_client,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=(
                self.max_retries if isinstance(max_retries, NotGiven) else max_retries
            ),
            retry_non_idempotent=(
                self.retry_non_idempotent
                if isinstance(retry_non_idempotent, NotGiven)
                else retry_non_idempotent
            ),
            strict_response_validation=self.strict_response_validation,
            default_headers=headers,
            hooks=self.hooks.copy(),
        )
        client.max_response_size = self.max_response_size
        return client

    def __repr__(self) -> str:
        from ._redact import redact_url

        auth = type(self.auth).__name__ if self.auth is not None else None
        return f"<Bookstore base_url={redact_url(self.base_url)!r} auth={auth}>"

    authors: _Resource[Authors] = _Resource("authors", "Authors")
    books: _Resource[Books] = _Resource("books", "Books")
    orders: _Resource[Orders] = _Resource("orders", "Orders")


class AsyncBookstore(AsyncAPIClient):
    """Asynchronous client for Bookstore.

    Args:
        base_url: Root URL of the API.
        auth: ApiKeyAuth, BearerAuth (the API's security schemes), or any other httpx.Auth.
        http_client: Your own httpx.AsyncClient (transport, proxies); you close it.
        timeout: Seconds, or an httpx.Timeout, for every request.
        max_retries: Retries for connection errors, 429 and 502-504 responses.
        retry_non_idempotent: Also retry POST and PATCH requests.
        strict_response_validation: Validate every response body against its documented type
            and raise APIResponseValidationError on a mismatch. Off by default: responses are
            built as typed models without validation, so data the documentation does not
            describe exactly still reaches you, and a first call stays fast.
        default_headers: Extra headers for every request.
        hooks: Callables run before each request, after each response and on errors
            (``client.hooks.before_request(fn)`` registers more later; see _hooks.py).
    """

    def __init__(
        self,
        *,
        base_url: str = "https://api.bookstore.test/v2",
        auth: httpx.Auth | None = None,
        http_client: httpx.AsyncClient | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_non_idempotent: bool = False,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        hooks: Hooks | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            auth=auth,
            http_client=http_client,
            timeout=timeout,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            strict_response_validation=strict_response_validation,
            default_headers=_option_headers(
                default_headers,
            ),
            strip_base_suffix=None,
            hooks=hooks,
        )
        # Maintainers' lib.setup_client(client), once per Hooks object (see _hooks.py).
        setup_client(self, self.hooks)

    def with_options(
        self,
        *,
        auth: httpx.Auth | None | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_non_idempotent: bool | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
    ) -> AsyncBookstore:
        """A client with some defaults changed that shares this client's connection pool.

        ``client.with_options(timeout=5).authors...``: arguments left out
        keep this client's values;
        ``default_headers`` are added to this client's. Closing the new client leaves the pool open
        (this client owns it). The new client gets a copy of this client's hooks.
        """
        headers = dict(self._custom_headers)
        options: dict[str, str | None | NotGiven] = {}
        for header, value in options.items():
            if value is None:
                headers.pop(header, None)
            elif not isinstance(value, NotGiven):
                headers[header] = value
        headers.update(default_headers or {})
        client = AsyncBookstore(
            base_url=self.base_url,
            auth=self.auth if isinstance(auth, NotGiven) else auth,
            http_client=self.http_client,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=(
                self.max_retries if isinstance(max_retries, NotGiven) else max_retries
            ),
            retry_non_idempotent=(
                self.retry_non_idempotent
                if isinstance(retry_non_idempotent, NotGiven)
                else retry_non_idempotent
            ),
            strict_response_validation=self.strict_response_validation,
            default_headers=headers,
            hooks=self.hooks.copy(),
        )
        client.max_response_size = self.max_response_size
        return client

    def __repr__(self) -> str:
        from ._redact import redact_url

        auth = type(self.auth).__name__ if self.auth is not None else None
        return f"<AsyncBookstore base_url={redact_url(self.base_url)!r} auth={auth}>"

    authors: _Resource[AsyncAuthors] = _Resource("authors", "AsyncAuthors")
    books: _Resource[AsyncBooks] = _Resource("books", "AsyncBooks")
    orders: _Resource[AsyncOrders] = _Resource("orders", "AsyncOrders")
