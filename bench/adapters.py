"""One typed call per tool: `POST /api/v1/Agents/Chat/RejectChatSessionTransfer` with ChatSessionId=1.

Each adapter imports the generated package by name and returns a zero-argument callable that makes
the call against `base_url` through the SDK's public API, the way a user would write it. These run
inside the scratch runtime venv (see call_client.py), so they use only the standard library and the
generated package. Names are found by introspection where the generators' naming rules would make
hard-coding brittle (operationId `v1ChatAgent_RejectChatSessionTransfer`, tag `Chat_Agent`).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from typing import Any

OPERATION_ID = "v1ChatAgent_RejectChatSessionTransfer"
REQUEST_SCHEMA = "RejectChatSessionTransferRequest"
PATH = "/api/v1/Agents/Chat/RejectChatSessionTransfer"

Call = Callable[[], Any]


def _squash(name: str) -> str:
    """Compare identifiers across naming styles: v1ChatAgent_Reject == v_1_chat_agent_reject."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def sdkgen_call(package: str, base_url: str) -> Call:
    module = importlib.import_module(package)
    client = _sync_client_class(module)(base_url=base_url)
    return lambda: client.chat_agent.reject_chat_session_transfer(chat_session_id=1)


def plain_httpx_call(package: str, base_url: str) -> Call:
    """The yardstick: the same request written with httpx by hand, its JSON decoded to a dict."""
    httpx = importlib.import_module(package)  # package is "httpx"
    client = httpx.Client(base_url=base_url)

    def call() -> Any:
        response = client.post(PATH, json={"ChatSessionId": 1})
        response.raise_for_status()
        return response.json()

    return call


def openapi_python_client_call(package: str, base_url: str) -> Call:
    client_module = importlib.import_module(f"{package}.client")
    operation = _find_submodule(f"{package}.api", OPERATION_ID)
    models = importlib.import_module(f"{package}.models")
    body = getattr(models, REQUEST_SCHEMA)(chat_session_id=1)
    client = client_module.Client(base_url=base_url)
    return lambda: operation.sync(client=client, body=body)


def openapi_generator_call(package: str, base_url: str) -> Call:
    module = importlib.import_module(package)
    api_client = module.ApiClient(module.Configuration(host=base_url))
    api = module.ChatAgentApi(api_client)
    method = _find_attribute(api, OPERATION_ID)
    request = getattr(module, REQUEST_SCHEMA)(chat_session_id=1)
    return lambda: method(request)


def handwritten_call(package: str, base_url: str) -> Call:
    """A second yardstick: the call as a user would hand-write it with httpx and pydantic, the
    response validated into a model of the fields the server sends (defined here, so the first call
    pays for defining it, as a hand-written client's import does)."""
    from datetime import datetime

    import pydantic

    httpx = importlib.import_module(package)  # package is "httpx"

    class User(pydantic.BaseModel):
        associate_id: int = pydantic.Field(alias="AssociateId")
        name: str = pydantic.Field(alias="Name")
        full_name: str = pydantic.Field(alias="FullName")

    class ChatSession(pydantic.BaseModel):
        chat_session_id: int = pydantic.Field(alias="ChatSessionId")
        topic_id: int = pydantic.Field(alias="TopicId")
        user: User = pydantic.Field(alias="User")
        customer_name: str = pydantic.Field(alias="CustomerName")
        customer_consented: bool = pydantic.Field(alias="CustomerConsented")
        status: str = pydantic.Field(alias="Status")
        when_requested: datetime = pydantic.Field(alias="WhenRequested")
        field_properties: dict[str, Any] = pydantic.Field(alias="FieldProperties")

    client = httpx.Client(base_url=base_url)

    def call() -> Any:
        response = client.post(PATH, json={"ChatSessionId": 1})
        response.raise_for_status()
        return ChatSession.model_validate_json(response.content)

    return call


ADAPTERS: dict[str, Callable[[str, str], Call]] = {
    "sdkgen": sdkgen_call,
    "openapi-python-client": openapi_python_client_call,
    "openapi-generator": openapi_generator_call,
    "httpx": plain_httpx_call,
    "httpx-pydantic": handwritten_call,
}


def _sync_client_class(module: Any) -> Any:
    """sdkgen names the client after the API title (`SuperofficeWebapi`, `AsyncSuperofficeWebapi`):
    take the exported class defined in the package's `_client` module that is not the async one.

    Only that one name is read from the package: its other exports load lazily, and a user who
    writes `from package import Client` does not load them either (reading them all cost 12
    modules, about 1.4 ms of the first-call figure).
    """
    client_module = importlib.import_module(f"{module.__name__}._client")
    for name in sorted(getattr(module, "__all__", [])):
        value = vars(client_module).get(name)
        if isinstance(value, type) and value.__module__ == client_module.__name__ and not name.startswith("Async"):
            return getattr(module, name)
    raise LookupError(f"{module.__name__} exports no client class from its _client module")


def _find_submodule(package: str, operation_id: str) -> Any:
    """The module under `package` (searched recursively) whose name is the operationId."""
    root = importlib.import_module(package)
    wanted = _squash(operation_id)
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        if _squash(info.name.rsplit(".", 1)[-1]) == wanted:
            return importlib.import_module(info.name)
    raise LookupError(f"no module for {operation_id} under {package}")


def _find_attribute(obj: Any, operation_id: str) -> Any:
    wanted = _squash(operation_id)
    for name in dir(obj):
        if _squash(name) == wanted:
            return getattr(obj, name)
    raise LookupError(f"{type(obj).__name__} has no method for {operation_id}")
