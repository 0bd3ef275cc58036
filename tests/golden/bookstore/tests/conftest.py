"""Fixtures of the generated test suite: transports, the sample replayer, Prism.

The cases (``samples/<resource>.json``: documented samples, the document's own examples, or
schema-derived placeholders where it has none; one per operation at least) are replayed
through the generated Bookstore and AsyncBookstore clients over
one of two transports:

- mock (default): an ``httpx.MockTransport`` records the request and answers with the sample
  response; the request must match the sample and the typed result must dump back to it.
- prism (``pytest --prism`` or ``SDK_TEST_MODE=prism``): Stoplight Prism serves
  ``openapi.json`` on 127.0.0.1 with ``--errors``, so each request crosses a real socket and
  is validated against the API description; Prism answers with the documented example.
  Prism is found through ``$PRISM_BIN``, ``PATH`` or a ``node_modules/.bin/prism`` above
  this directory; without it (or without Node) these tests skip.
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote

import httpx
import pytest

TESTS_DIR = Path(__file__).resolve().parent
PACKAGE_ROOT = TESTS_DIR.parent
PACKAGE = "bookstore"
# Test the package next to this directory, also when another copy is installed.
if (PACKAGE_ROOT / PACKAGE / "__init__.py").is_file() and str(
    PACKAGE_ROOT
) not in sys.path:
    sys.path.insert(0, str(PACKAGE_ROOT))

from bookstore import AsyncBookstore, ApiKeyAuth, Bookstore, NOT_MODIFIED  # noqa: E402
from bookstore._errors import APIStatusError  # noqa: E402

MOCK_BASE_URL = "https://sdk.test"
# Resource module -> client attribute.
RESOURCES: dict[str, str] = {
    "authors": "authors",
    "books": "books",
    "orders": "orders",
}
PRISM_START_TIMEOUT = float(os.environ.get("PRISM_START_TIMEOUT", "120"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--prism",
        action="store_true",
        default=False,
        help="Replay the samples against Stoplight Prism instead of a mock transport.",
    )


def selected_mode(config: pytest.Config) -> str:
    if config.getoption("--prism"):
        return "prism"
    return os.environ.get("SDK_TEST_MODE", "mock").strip().lower() or "mock"


# -- cases --------------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def load_cases(module: str) -> dict[str, Any]:
    text = (TESTS_DIR / "samples" / f"{module}.json").read_text(encoding="utf-8")
    cases: dict[str, Any] = json.loads(text)
    return cases


def build_call(
    case: dict[str, Any],
) -> tuple[list[Any], dict[str, Any], dict[str, Any]]:
    """(positional arguments, keyword arguments, request options) for the case's method."""
    call = case["call"]
    args = list(call["args"])
    kwargs = dict(call["kwargs"])
    body = call.get("body")
    if body is not None:
        value = body["value"]
        if body.get("model"):
            module, name = body["model"]
            model = getattr(importlib.import_module(f"{PACKAGE}.models.{module}"), name)
            if body.get("list"):
                value = [model.model_validate(item) for item in value]
            else:
                value = model.model_validate(value)
        elif body.get("bytes"):
            value = value.encode("utf-8")
        if body["positional"]:
            args.append(value)
        else:
            kwargs[body["name"]] = value
    options: dict[str, Any] = {}
    if call.get("extra_query"):
        options["extra_query"] = call["extra_query"]
    return args, kwargs, options


def sample_response(case: dict[str, Any]) -> httpx.Response:
    response = case["response"]
    headers = dict(response.get("headers", {}))
    if "json" in response:
        content = json.dumps(response["json"]).encode("utf-8")
    elif "content" in response:
        content = response["content"].encode("utf-8")
    else:
        content = b""
    return httpx.Response(response["status"], headers=headers, content=content)


def call_operation(
    flavor: str,
    module: str,
    case: dict[str, Any],
    *,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
    base_url: str = MOCK_BASE_URL,
    options: dict[str, Any] | None = None,
    **client_options: Any,
) -> Any:
    """Call the case's method through a fresh sync or async client and return its result."""
    args, kwargs, call_options = build_call(case)
    call_options.update(options or {})
    method_name = case["call"]["method"]
    # A declared security scheme (apiKey), as a user would authenticate.
    client_options.setdefault("auth", ApiKeyAuth("sdk-key"))
    client_options.setdefault("max_retries", 0)
    # The samples check the SDK's types, so responses are validated, not just constructed.
    client_options.setdefault("strict_response_validation", True)
    if flavor == "sync":
        http_client = httpx.Client(transport=transport, trust_env=False)  # type: ignore[arg-type]
        with (
            http_client,
            Bookstore(
                base_url=base_url, http_client=http_client, **client_options
            ) as client,
        ):
            method = getattr(getattr(client, RESOURCES[module]), method_name)
            return method(*args, **kwargs, request_options=call_options or None)

    async def run() -> Any:
        http_client = httpx.AsyncClient(transport=transport, trust_env=False)  # type: ignore[arg-type]
        async with (
            http_client,
            AsyncBookstore(
                base_url=base_url, http_client=http_client, **client_options
            ) as client,
        ):
            method = getattr(getattr(client, RESOURCES[module]), method_name)
            return await method(*args, **kwargs, request_options=call_options or None)

    return asyncio.run(run())


class Recorder:
    """A MockTransport handler: records requests, answers from a list (the last one repeats)."""

    def __init__(self, *responses: Callable[[], httpx.Response]) -> None:
        self.responses = responses
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        index = min(len(self.requests), len(self.responses)) - 1
        return self.responses[index]()

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


# -- comparison ---------------------------------------------------------------------------

_DATETIME = re.compile(
    r"^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?(Z|[+-]\d\d:?\d\d)?$"
)


def _instant(match: re.Match[str]) -> object:
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    try:
        value = datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            micro,
        )
    except ValueError:
        return match.group(0)
    if zone is None:
        return ("datetime", value)
    if zone == "Z":
        offset = timedelta(0)
    else:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    try:
        return (
            "instant",
            value.replace(tzinfo=timezone(offset)).astimezone(timezone.utc),
        )
    except (
        OverflowError,
        ValueError,
    ):  # year 1 with a positive offset: compare as written
        return ("instant", value, offset)


def normalise(value: Any) -> Any:
    """JSON data for comparison: datetimes as instants (microseconds), bools apart from numbers."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(item) for item in value]
    if isinstance(value, str):
        match = _DATETIME.match(value)
        return _instant(match) if match else value
    return value


def dump(value: Any) -> Any:
    """A typed result as JSON data, by alias: what the client would send back."""
    if hasattr(value, "model_dump") and not isinstance(value, type):
        return value.model_dump(by_alias=True, mode="json", exclude_unset=True)
    if isinstance(value, dict):
        return {key: dump(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [dump(item) for item in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value") and type(value).__module__ != "builtins":  # enums
        return dump(value.value)
    return value


def difference(actual: Any, expected: Any, where: str = "$") -> str | None:
    """Where two normalised JSON values first differ, for a readable failure."""
    if isinstance(actual, dict) and isinstance(expected, dict):
        for key in expected:
            if key not in actual:
                return f"{where}.{key} is missing (sample: {expected[key]!r:.80})"
        for key in actual:
            if key not in expected:
                return f"{where}.{key} is not in the sample (got {actual[key]!r:.80})"
        for key in expected:
            found = difference(actual[key], expected[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(actual, list) and isinstance(expected, list):
        if len(actual) != len(expected):
            return f"{where} has {len(actual)} items, the sample {len(expected)}"
        for index, (a, e) in enumerate(zip(actual, expected)):
            found = difference(a, e, f"{where}[{index}]")
            if found:
                return found
        return None
    if type(actual) is not type(expected) and not (
        isinstance(actual, (int, float)) and isinstance(expected, (int, float))
    ):
        return f"{where}: got {actual!r:.80}, the sample has {expected!r:.80}"
    if actual != expected:
        return f"{where}: got {actual!r:.80}, the sample has {expected!r:.80}"
    return None


def assert_same_json(actual: Any, expected: Any, what: str) -> None:
    found = difference(normalise(actual), normalise(expected))
    assert found is None, f"{what}: {found}"


def check_request(request: httpx.Request, expected: dict[str, Any]) -> None:
    """The wire request equals the documented one: method, path, query, headers, body."""
    assert request.method == expected["method"]
    raw_path, _, raw_query = request.url.raw_path.decode("ascii").partition("?")
    assert unquote(raw_path) == expected["path"]
    sent: dict[str, list[str]] = {}
    for name, value in parse_qsl(raw_query, keep_blank_values=True):
        sent.setdefault(name, []).append(value)
    # An exploded array is a list of texts (repeated `name=value`); anything else one text.
    wanted = {
        k: v if isinstance(v, list) else [v] for k, v in expected["query"].items()
    }
    assert sent == wanted, "query"
    for name, value in expected.get("headers", {}).items():
        assert request.headers.get(name) == value, f"header {name}"
    if expected.get("cookies"):
        pairs = [
            part.strip().partition("=")
            for part in request.headers.get("cookie", "").split(";")
        ]
        cookies = {name: value for name, _, value in pairs if name}
        for name, value in expected["cookies"].items():
            assert cookies.get(name) == value, f"cookie {name}"
    if "json" in expected:
        assert request.headers.get("content-type", "").startswith("application/json")
        assert_same_json(json.loads(request.content), expected["json"], "request body")
    elif "form" in expected:
        # A form body (application/x-www-form-urlencoded): its fields, as repeated pairs.
        assert request.headers.get("content-type", "").startswith(
            "application/x-www-form-urlencoded"
        )
        fields: dict[str, list[str]] = {}
        for name, value in parse_qsl(
            request.content.decode("utf-8"), keep_blank_values=True
        ):
            fields.setdefault(name, []).append(value)
        assert fields == {
            k: v if isinstance(v, list) else [v] for k, v in expected["form"].items()
        }, "form body"
    elif "content" in expected:
        assert request.content == expected["content"].encode("utf-8")
    else:
        assert request.content == b"", "no body was documented, none may be sent"


def check_result(
    result: Any, case: dict[str, Any], *, documented_only: bool = False
) -> None:
    """The typed result carries the sample response, nothing lost (datetimes as instants)."""
    expect, response = case["expect"], case["response"]
    if expect == "not_modified":
        assert result is NOT_MODIFIED
    elif expect == "none":
        if not documented_only or response["status"] == 204:
            assert result is None
    elif expect == "bytes":
        assert result == response["content"].encode("utf-8")
    elif expect == "text":
        assert result == response["content"]
    else:
        assert_same_json(dump(result), response["json"], "result")


# -- fixtures -----------------------------------------------------------------------------


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def sdk_mode(pytestconfig: pytest.Config) -> str:
    mode = selected_mode(pytestconfig)
    if mode not in ("mock", "prism"):
        raise pytest.UsageError(
            f"SDK_TEST_MODE must be 'mock' or 'prism', not {mode!r}"
        )
    return mode


def find_prism() -> str | None:
    explicit = os.environ.get("PRISM_BIN")
    if explicit:
        return explicit
    found = shutil.which("prism")
    if found:
        return found
    for folder in (PACKAGE_ROOT, *PACKAGE_ROOT.parents):
        candidate = folder / "node_modules" / ".bin" / "prism"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    """Start Prism on a free port of 127.0.0.1 for the session; its URL."""
    prism = find_prism()
    if prism is None:
        pytest.skip(
            "Prism not found: set PRISM_BIN, put prism on PATH or run `npm ci` in the sdkgen repository"
        )
    if shutil.which("node") is None:
        pytest.skip("Node.js not found: Prism needs it")
    port = _free_port()
    log = tempfile.TemporaryFile()
    env = {**os.environ, "NO_UPDATE_NOTIFIER": "1"}
    process = subprocess.Popen(
        [
            prism,
            "mock",
            str(TESTS_DIR / "openapi.json"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "--errors",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    deadline = time.monotonic() + PRISM_START_TIMEOUT
    try:
        while True:
            if process.poll() is not None:
                log.seek(0)
                pytest.fail(
                    f"Prism exited with {process.returncode}:\n{log.read().decode(errors='replace')[-3000:]}"
                )
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"Prism did not listen on port {port} within {PRISM_START_TIMEOUT:.0f}s"
                    )
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def replay(
    sdk_mode: str, request: pytest.FixtureRequest
) -> Callable[[str, str, str], None]:
    """Replay one documented sample through the client and check request and result."""

    def run(module: str, case_id: str, flavor: str) -> None:
        case = load_cases(module)[case_id]
        if sdk_mode == "prism":
            if case["request"].get("invalid_for_server"):
                pytest.skip(case["request"]["invalid_for_server"])
            url = request.getfixturevalue("prism_url")
            documented = "json" in case["response"] or "content" in case["response"]
            # A sample is the document's `sample` example; other cases (the document's own
            # examples, placeholders) let Prism pick its answer: validating it is the check.
            sampled = "source" not in case
            prefer = f"code={case['response']['status']}" + (
                ", example=sample" if documented and sampled else ""
            )
            try:
                result = call_operation(
                    flavor,
                    module,
                    case,
                    base_url=url,
                    options={"extra_headers": {"Prefer": prefer}},
                )
            except APIStatusError as error:
                pytest.fail(f"Prism answered {error.status_code}: {error.body}")
            if sampled:
                check_result(result, case, documented_only=True)
            return
        recorder = Recorder(lambda: sample_response(case))
        result = call_operation(flavor, module, case, transport=recorder.transport)
        assert len(recorder.requests) == 1
        check_request(recorder.requests[0], case["request"])
        check_result(result, case)
        # What users get by default: the same response built without validation, equal to it.
        again = Recorder(lambda: sample_response(case))
        constructed = call_operation(
            flavor,
            module,
            case,
            transport=again.transport,
            strict_response_validation=False,
        )
        assert (
            constructed == result
        ), "the constructed response differs from the validated one"

    return run
