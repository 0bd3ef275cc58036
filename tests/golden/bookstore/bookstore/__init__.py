"""Python client for Bookstore.

A small bookstore API written for sdkgen's golden records. It exercises what users of
generic OpenAPI documents hit: nested models, enums, oneOf with and without a discriminator,
allOf, additionalProperties, arrays, binary responses, several security schemes,
path-level parameters, request bodies, query arrays and empty responses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._client import Bookstore as Bookstore
    from ._client import AsyncBookstore as AsyncBookstore
    from ._response import APIResponse as APIResponse
    from ._response import NOT_MODIFIED as NOT_MODIFIED
    from ._response import NotModified as NotModified
    from ._types import NOT_GIVEN as NOT_GIVEN
    from ._types import NotGiven as NotGiven
    from ._types import FileTypes as FileTypes
    from ._types import RequestOptions as RequestOptions
    from ._hooks import Hooks as Hooks
    from ._errors import SdkError as SdkError
    from ._errors import APIConnectionError as APIConnectionError
    from ._errors import APITimeoutError as APITimeoutError
    from ._errors import APIStatusError as APIStatusError
    from ._errors import APIResponseValidationError as APIResponseValidationError
    from ._errors import InvalidRequestError as InvalidRequestError
    from ._errors import ClientClosedError as ClientClosedError
    from ._errors import RedirectError as RedirectError
    from ._errors import TooManyRedirectsError as TooManyRedirectsError
    from ._errors import CrossOriginRedirectError as CrossOriginRedirectError
    from ._errors import ResponseTooLargeError as ResponseTooLargeError
    from ._errors import ResponseDecodingError as ResponseDecodingError
    from ._errors import ResponseNotReadError as ResponseNotReadError
    from ._errors import ClientError as ClientError
    from ._errors import ServerError as ServerError
    from ._errors import BadRequestError as BadRequestError
    from ._errors import AuthenticationError as AuthenticationError
    from ._errors import PermissionDeniedError as PermissionDeniedError
    from ._errors import NotFoundError as NotFoundError
    from ._errors import ConflictError as ConflictError
    from ._errors import PreconditionFailedError as PreconditionFailedError
    from ._errors import UnprocessableEntityError as UnprocessableEntityError
    from ._errors import RateLimitError as RateLimitError
    from ._errors import InternalServerError as InternalServerError
    from ._auth import ApiKeyAuth as ApiKeyAuth
    from ._auth import BearerAuth as BearerAuth
    from ._auth import RefreshHook as RefreshHook

__version__ = "0.1.0"

# Everything is imported on first attribute access: `import bookstore` stays cheap.
_EXPORTS: dict[str, str] = {
    "Bookstore": "_client",
    "AsyncBookstore": "_client",
    "APIResponse": "_response",
    "NOT_MODIFIED": "_response",
    "NotModified": "_response",
    "NOT_GIVEN": "_types",
    "NotGiven": "_types",
    "FileTypes": "_types",
    "RequestOptions": "_types",
    "Hooks": "_hooks",
    "SdkError": "_errors",
    "APIConnectionError": "_errors",
    "APITimeoutError": "_errors",
    "APIStatusError": "_errors",
    "APIResponseValidationError": "_errors",
    "InvalidRequestError": "_errors",
    "ClientClosedError": "_errors",
    "RedirectError": "_errors",
    "TooManyRedirectsError": "_errors",
    "CrossOriginRedirectError": "_errors",
    "ResponseTooLargeError": "_errors",
    "ResponseDecodingError": "_errors",
    "ResponseNotReadError": "_errors",
    "ClientError": "_errors",
    "ServerError": "_errors",
    "BadRequestError": "_errors",
    "AuthenticationError": "_errors",
    "PermissionDeniedError": "_errors",
    "NotFoundError": "_errors",
    "ConflictError": "_errors",
    "PreconditionFailedError": "_errors",
    "UnprocessableEntityError": "_errors",
    "RateLimitError": "_errors",
    "InternalServerError": "_errors",
    "ApiKeyAuth": "_auth",
    "BearerAuth": "_auth",
    "RefreshHook": "_auth",
}

__all__ = [
    "Bookstore",
    "AsyncBookstore",
    "APIResponse",
    "NOT_MODIFIED",
    "NotModified",
    "NOT_GIVEN",
    "NotGiven",
    "FileTypes",
    "RequestOptions",
    "Hooks",
    "SdkError",
    "APIConnectionError",
    "APITimeoutError",
    "APIStatusError",
    "APIResponseValidationError",
    "InvalidRequestError",
    "ClientClosedError",
    "RedirectError",
    "TooManyRedirectsError",
    "CrossOriginRedirectError",
    "ResponseTooLargeError",
    "ResponseDecodingError",
    "ResponseNotReadError",
    "ClientError",
    "ServerError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "PreconditionFailedError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "ApiKeyAuth",
    "BearerAuth",
    "RefreshHook",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
