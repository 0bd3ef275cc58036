"""Agent failures as errors (SuperOffice profile).

The reference says an agent call reports failure by returning null, or a 200 body such as
``{"Message": "...", "MessageDetail": "..."}``. When the documented result is an entity, the
client raises AgentError with both fields instead of returning an empty model. Opt out per
client with ``client.raise_agent_errors = False`` (the call then returns what was sent: None
or the model built from that body).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._errors import SdkError
from ._response import parse_response

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AgentError", "arequest_entity", "request_entity"]

T = TypeVar("T")


class AgentError(SdkError):
    """An agent answered 200 with null or a Message/MessageDetail failure instead of an entity."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        detail: str | None,
        body: object,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.message_detail = detail
        self.body = body
        self.response = response
        self.status_code = response.status_code


def _failure(response: httpx.Response, cast_to: object) -> AgentError | None:
    content = response.content
    if response.status_code != 200 or "json" not in response.headers.get(
        "content-type", "json"
    ):
        return None
    try:
        body = response.json() if content.strip() else None
    except ValueError:
        return None
    where = f"{response.request.method} {response.request.url.path}"
    if body is None:
        return AgentError(
            f"{where} returned null instead of a result",
            response=response,
            detail=None,
            body=None,
        )
    if not isinstance(body, dict) or not isinstance(body.get("Message"), str):
        return None
    fields = getattr(cast_to, "model_fields", {})
    wire_names = {
        info.serialization_alias or info.alias or name for name, info in fields.items()
    }
    if wire_names & set(body):  # a real entity (or one that has a Message field itself)
        return None
    detail = body.get("MessageDetail")
    return AgentError(
        str(body["Message"]),
        response=response,
        detail=detail if isinstance(detail, str) else None,
        body=body,
    )


def _checked(client: Any, response: Any, cast_to: Any) -> Any:
    if not isinstance(
        response, httpx.Response
    ):  # raw_response: the APIResponse as it is
        return response
    if getattr(client, "raise_agent_errors", True):
        error = _failure(response, cast_to)
        if error is not None:
            raise error
    return parse_response(response, cast_to, strict=client.strict_response_validation)


def request_entity(
    client: SyncAPIClient, method: str, path: str, *, cast_to: type[T], **request: Any
) -> T:
    """``client.request`` for an agent call documented to return an entity."""
    raw = bool((request.get("options") or {}).get("raw_response"))
    response = client.request(
        method, path, cast_to=cast_to if raw else httpx.Response, **request
    )
    return _checked(client, response, cast_to)  # type: ignore[no-any-return]


async def arequest_entity(
    client: AsyncAPIClient, method: str, path: str, *, cast_to: type[T], **request: Any
) -> T:
    raw = bool((request.get("options") or {}).get("raw_response"))
    response = await client.request(
        method, path, cast_to=cast_to if raw else httpx.Response, **request
    )
    return _checked(client, response, cast_to)  # type: ignore[no-any-return]
