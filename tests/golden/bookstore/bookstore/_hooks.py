"""Hooks: code of your own that runs around every request the client sends.

``client.hooks`` holds three lists of callables, run in the order they were registered:

- ``before_request(request)``: before each attempt is sent (retries included), with the
  ``httpx.Request`` as built (auth is applied after it, when httpx sends); a hook may change
  its headers.
- ``after_response(response)``: after each attempt's response has arrived (after redirects;
  the body is read unless the call streams), error statuses and retried ones included.
- ``on_error(error)``: when the call is about to raise (``SdkError``: an error status, a
  connection error, a timeout, an invalid request); the exception is raised after the hooks.

A hook returns nothing; an exception it raises ends the call. With the async client a hook may
be ``async`` (it is awaited); the sync client refuses an async hook (``InvalidRequestError``).
Register with ``client.hooks.before_request(fn)`` (usable as a decorator) or pass
``hooks=Hooks(before_request=[fn], ...)`` to the client. ``client.with_options(...)`` gives the
new client a copy of the hooks as they are then.

Maintainers' code in the package's ``lib/`` folder (which sdkgen never writes) can register
hooks for every client: when ``lib/__init__.py`` defines ``setup_client(client)``, each client
created with its own ``Hooks`` calls it once, at the end of its constructor (clients made by
``with_options`` already have the copied hooks and do not call it again).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, TypeVar, Union

import httpx

if TYPE_CHECKING:
    from ._errors import SdkError

__all__ = [
    "AfterResponseHook",
    "BeforeRequestHook",
    "Hooks",
    "OnErrorHook",
    "setup_client",
]

BeforeRequestHook = Callable[[httpx.Request], Union[None, Awaitable[None]]]
AfterResponseHook = Callable[[httpx.Response], Union[None, Awaitable[None]]]
OnErrorHook = Callable[["SdkError"], Union[None, Awaitable[None]]]
_B = TypeVar("_B", bound=BeforeRequestHook)
_A = TypeVar("_A", bound=AfterResponseHook)
_E = TypeVar("_E", bound=OnErrorHook)
_LIB = __name__.rpartition(".")[0] + ".lib"


class Hooks:
    """The hooks of one client (see the module docstring)."""

    __slots__ = ("_after", "_before", "_error", "_set_up")

    def __init__(
        self,
        *,
        before_request: Iterable[BeforeRequestHook] = (),
        after_response: Iterable[AfterResponseHook] = (),
        on_error: Iterable[OnErrorHook] = (),
    ) -> None:
        self._before: list[BeforeRequestHook] = list(before_request)
        self._after: list[AfterResponseHook] = list(after_response)
        self._error: list[OnErrorHook] = list(on_error)
        self._set_up = False  # lib.setup_client has seen these hooks

    def before_request(self, hook: _B) -> _B:
        """Run ``hook(request)`` before each attempt; returns ``hook`` (a decorator too)."""
        self._before.append(hook)
        return hook

    def after_response(self, hook: _A) -> _A:
        """Run ``hook(response)`` after each attempt's response; returns ``hook``."""
        self._after.append(hook)
        return hook

    def on_error(self, hook: _E) -> _E:
        """Run ``hook(error)`` before the call raises ``error``; returns ``hook``."""
        self._error.append(hook)
        return hook

    def remove(self, hook: object) -> None:
        """Unregister ``hook`` wherever it is registered (no error when it is not)."""
        for hooks in (self._before, self._after, self._error):
            while hook in hooks:
                hooks.remove(hook)  # type: ignore[arg-type]

    def copy(self) -> Hooks:
        copied = Hooks(
            before_request=self._before,
            after_response=self._after,
            on_error=self._error,
        )
        copied._set_up = self._set_up
        return copied

    def __bool__(self) -> bool:
        return bool(self._before or self._after or self._error)

    def __repr__(self) -> str:
        return (
            f"Hooks(before_request={len(self._before)}, after_response={len(self._after)},"
            f" on_error={len(self._error)})"
        )

    # -- run by the client ------------------------------------------------------------------

    def run_before(self, request: httpx.Request) -> None:
        for hook in tuple(self._before):
            _sync(hook(request))

    def run_after(self, response: httpx.Response) -> None:
        for hook in tuple(self._after):
            _sync(hook(response))

    def run_error(self, error: SdkError) -> None:
        for hook in tuple(self._error):
            _sync(hook(error))

    async def arun_before(self, request: httpx.Request) -> None:
        for hook in tuple(self._before):
            await _async(hook(request))

    async def arun_after(self, response: httpx.Response) -> None:
        for hook in tuple(self._after):
            await _async(hook(response))

    async def arun_error(self, error: SdkError) -> None:
        for hook in tuple(self._error):
            await _async(hook(error))


def _sync(outcome: object) -> None:
    if inspect.isawaitable(outcome):
        close = getattr(outcome, "close", None)
        if callable(close):
            close()  # never awaited: no "coroutine was never awaited" warning
        from ._errors import InvalidRequestError

        raise InvalidRequestError("An async hook needs the async client")


async def _async(outcome: object) -> None:
    if inspect.isawaitable(outcome):
        await outcome


def setup_client(client: object, hooks: Hooks) -> None:
    """Let the maintainers' ``lib.setup_client(client)`` register its hooks, once per Hooks."""
    if hooks._set_up:
        return
    hooks._set_up = True
    try:
        lib = importlib.import_module(_LIB)
    except ModuleNotFoundError as exc:
        if exc.name != _LIB:
            raise  # lib/ exists but imports something missing: say so
        return
    setup: Callable[[object], object] | None = getattr(lib, "setup_client", None)
    if callable(setup):
        setup(client)
