"""The SuperOffice and AsyncSuperOffice clients: one lazily created attribute per resource."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

import httpx

from ._base_client import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    SyncAPIClient,
)
from ._types import NOT_GIVEN, NotGiven, Timeout
from ._tenant import AsyncSuperOfficeClientMixin, SuperOfficeClientMixin

if TYPE_CHECKING:
    from .resources.chat_agent import AsyncChatAgent, ChatAgent
    from .resources.chat_session import AsyncChatSession, ChatSession
    from .resources.chat_topic import AsyncChatTopic, ChatTopic

__all__ = ["AsyncSuperOffice", "SuperOffice"]

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
    accept_language: str | None,
    language: str | None,
    culture: str | None,
    timezone: str | None,
    app_token: str | None,
    default_headers: Mapping[str, str] | None,
) -> dict[str, str]:
    headers: dict[str, str | None] = {
        "Accept-Language": accept_language,
        "SO-Language": language,
        "SO-Culture": culture,
        "SO-TimeZone": timezone,
        "SO-AppToken": app_token,
    }
    merged = {key: value for key, value in headers.items() if value is not None}
    merged.update(default_headers or {})
    return merged


class SuperOffice(SuperOfficeClientMixin, SyncAPIClient):
    """Synchronous client for SuperOffice WebAPI.

    Args:
        base_url: Root URL of the API (a trailing "/api" is accepted). By default the server URL "https://{env}.superoffice.com/{tenant}" with the variables below.
        env: online (production), sod (development), stage. One of: online, sod, stage. Default "online".
        tenant_2: Customer id (context identifier). Default "Cust12345".
        auth: An httpx.Auth such as BasicAuth, BearerAuth or SoTicketAuth.
        http_client: Your own httpx.Client (transport, proxies); you close it.
        timeout: Seconds, or an httpx.Timeout, for every request.
        max_retries: Retries for connection errors, 429 and 502-504 responses.
        retry_non_idempotent: Also retry POST and PATCH requests.
        strict_response_validation: Validate every response body against its documented type
            and raise APIResponseValidationError on a mismatch. Off by default: responses are
            built as typed models without validation, so data the documentation does not
            describe exactly still reaches you, and a first call stays fast.
        accept_language: Sent as the Accept-Language header on every request. Two-letter language code used when translating resource strings and multi-language values.
        language: Sent as the SO-Language header on every request. Two-letter language code for translated values. Takes precedence over Accept-Language.
        culture: Sent as the SO-Culture header on every request. Two-letter culture code that decides how numbers and dates are formatted. Only used together with a language; partly overrides SO-Language/Accept-Language.
        timezone: Sent as the SO-TimeZone header on every request. Time zone code; date and time values in the response are converted to this zone.
        app_token: Sent as the SO-AppToken header on every request. Token that identifies the calling partner application. Needed when a server talks to the Online WebAPI.
        default_headers: Extra headers for every request.
    """

    def __init__(
        self,
        *,
        base_url: str | None = None,
        env: Literal["online", "sod", "stage"] = "online",
        tenant_2: str = "Cust12345",
        auth: httpx.Auth | None = None,
        http_client: httpx.Client | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_non_idempotent: bool = False,
        strict_response_validation: bool = False,
        accept_language: str | None = None,
        language: str | None = None,
        culture: str | None = None,
        timezone: str | None = None,
        app_token: str | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        if base_url is None:
            base_url = "https://{env}.superoffice.com/{tenant}"
            base_url = base_url.replace("{env}", env)
            base_url = base_url.replace("{tenant}", tenant_2)
        super().__init__(
            base_url=base_url,
            auth=auth,
            http_client=http_client,
            timeout=timeout,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            strict_response_validation=strict_response_validation,
            default_headers=_option_headers(
                accept_language,
                language,
                culture,
                timezone,
                app_token,
                default_headers,
            ),
            strip_base_suffix="/api",
        )

    def with_options(
        self,
        *,
        auth: httpx.Auth | None | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_non_idempotent: bool | NotGiven = NOT_GIVEN,
        accept_language: str | None | NotGiven = NOT_GIVEN,
        language: str | None | NotGiven = NOT_GIVEN,
        culture: str | None | NotGiven = NOT_GIVEN,
        timezone: str | None | NotGiven = NOT_GIVEN,
        app_token: str | None | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
    ) -> SuperOffice:
        """A client with some defaults changed that shares this client's connection pool.

        ``client.with_options(accept_language="de", timeout=5).chat_agent...``: arguments left out
        keep this client's values, None removes a header option;
        ``default_headers`` are added to this client's. Closing the new client leaves the pool open
        (this client owns it).
        """
        headers = dict(self._custom_headers)
        options: dict[str, str | None | NotGiven] = {
            "Accept-Language": accept_language,
            "SO-Language": language,
            "SO-Culture": culture,
            "SO-TimeZone": timezone,
            "SO-AppToken": app_token,
        }
        for header, value in options.items():
            if value is None:
                headers.pop(header, None)
            elif not isinstance(value, NotGiven):
                headers[header] = value
        headers.update(default_headers or {})
        client = SuperOffice(
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
        )
        client.max_response_size = self.max_response_size
        return client

    def __repr__(self) -> str:
        from ._redact import redact_url

        auth = type(self.auth).__name__ if self.auth is not None else None
        return f"<SuperOffice base_url={redact_url(self.base_url)!r} auth={auth}>"

    chat_agent: _Resource[ChatAgent] = _Resource("chat_agent", "ChatAgent")
    chat_session: _Resource[ChatSession] = _Resource("chat_session", "ChatSession")
    chat_topic: _Resource[ChatTopic] = _Resource("chat_topic", "ChatTopic")


class AsyncSuperOffice(AsyncSuperOfficeClientMixin, AsyncAPIClient):
    """Asynchronous client for SuperOffice WebAPI.

    Args:
        base_url: Root URL of the API (a trailing "/api" is accepted). By default the server URL "https://{env}.superoffice.com/{tenant}" with the variables below.
        env: online (production), sod (development), stage. One of: online, sod, stage. Default "online".
        tenant_2: Customer id (context identifier). Default "Cust12345".
        auth: An httpx.Auth such as BasicAuth, BearerAuth or SoTicketAuth.
        http_client: Your own httpx.AsyncClient (transport, proxies); you close it.
        timeout: Seconds, or an httpx.Timeout, for every request.
        max_retries: Retries for connection errors, 429 and 502-504 responses.
        retry_non_idempotent: Also retry POST and PATCH requests.
        strict_response_validation: Validate every response body against its documented type
            and raise APIResponseValidationError on a mismatch. Off by default: responses are
            built as typed models without validation, so data the documentation does not
            describe exactly still reaches you, and a first call stays fast.
        accept_language: Sent as the Accept-Language header on every request. Two-letter language code used when translating resource strings and multi-language values.
        language: Sent as the SO-Language header on every request. Two-letter language code for translated values. Takes precedence over Accept-Language.
        culture: Sent as the SO-Culture header on every request. Two-letter culture code that decides how numbers and dates are formatted. Only used together with a language; partly overrides SO-Language/Accept-Language.
        timezone: Sent as the SO-TimeZone header on every request. Time zone code; date and time values in the response are converted to this zone.
        app_token: Sent as the SO-AppToken header on every request. Token that identifies the calling partner application. Needed when a server talks to the Online WebAPI.
        default_headers: Extra headers for every request.
    """

    def __init__(
        self,
        *,
        base_url: str | None = None,
        env: Literal["online", "sod", "stage"] = "online",
        tenant_2: str = "Cust12345",
        auth: httpx.Auth | None = None,
        http_client: httpx.AsyncClient | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_non_idempotent: bool = False,
        strict_response_validation: bool = False,
        accept_language: str | None = None,
        language: str | None = None,
        culture: str | None = None,
        timezone: str | None = None,
        app_token: str | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        if base_url is None:
            base_url = "https://{env}.superoffice.com/{tenant}"
            base_url = base_url.replace("{env}", env)
            base_url = base_url.replace("{tenant}", tenant_2)
        super().__init__(
            base_url=base_url,
            auth=auth,
            http_client=http_client,
            timeout=timeout,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            strict_response_validation=strict_response_validation,
            default_headers=_option_headers(
                accept_language,
                language,
                culture,
                timezone,
                app_token,
                default_headers,
            ),
            strip_base_suffix="/api",
        )

    def with_options(
        self,
        *,
        auth: httpx.Auth | None | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_non_idempotent: bool | NotGiven = NOT_GIVEN,
        accept_language: str | None | NotGiven = NOT_GIVEN,
        language: str | None | NotGiven = NOT_GIVEN,
        culture: str | None | NotGiven = NOT_GIVEN,
        timezone: str | None | NotGiven = NOT_GIVEN,
        app_token: str | None | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
    ) -> AsyncSuperOffice:
        """A client with some defaults changed that shares this client's connection pool.

        ``client.with_options(accept_language="de", timeout=5).chat_agent...``: arguments left out
        keep this client's values, None removes a header option;
        ``default_headers`` are added to this client's. Closing the new client leaves the pool open
        (this client owns it).
        """
        headers = dict(self._custom_headers)
        options: dict[str, str | None | NotGiven] = {
            "Accept-Language": accept_language,
            "SO-Language": language,
            "SO-Culture": culture,
            "SO-TimeZone": timezone,
            "SO-AppToken": app_token,
        }
        for header, value in options.items():
            if value is None:
                headers.pop(header, None)
            elif not isinstance(value, NotGiven):
                headers[header] = value
        headers.update(default_headers or {})
        client = AsyncSuperOffice(
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
        )
        client.max_response_size = self.max_response_size
        return client

    def __repr__(self) -> str:
        from ._redact import redact_url

        auth = type(self.auth).__name__ if self.auth is not None else None
        return f"<AsyncSuperOffice base_url={redact_url(self.base_url)!r} auth={auth}>"

    chat_agent: _Resource[AsyncChatAgent] = _Resource("chat_agent", "AsyncChatAgent")
    chat_session: _Resource[AsyncChatSession] = _Resource(
        "chat_session", "AsyncChatSession"
    )
    chat_topic: _Resource[AsyncChatTopic] = _Resource("chat_topic", "AsyncChatTopic")
