"""The SuperOffice profile against loopback servers: OData pages, tenants, re-authentication,
agent failures, custom fields and the rate limiter, in a package generated from
tests/fixtures/superoffice_profile.yaml (which carries `x-sdkgen-profile: superoffice`)."""

from __future__ import annotations

import asyncio
import importlib
import itertools
import json
import re
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from generate_support import generate_into, load_fixture, mypy_strict_problems, pyright_strict_problems, readme_python
from runtime_harness import Reply, ScriptedServer

PACKAGE = "so_profile_pkg"


@pytest.fixture(scope="module")
def so(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    out = tmp_path_factory.mktemp("so_profile")
    files = generate_into(out, load_fixture("superoffice_profile.yaml"), PACKAGE)
    sys.path.insert(0, str(out))
    try:
        package = importlib.import_module(PACKAGE)
        models = importlib.import_module(f"{PACKAGE}.models")
        yield SimpleNamespace(pkg=package, models=models, files=files, out=out)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def client(so: SimpleNamespace, url: str, *, is_async: bool = False, **options: Any) -> Any:
    cls = so.pkg.AsyncSuperOffice if is_async else so.pkg.SuperOffice
    options.setdefault("max_retries", 0)
    return cls(base_url=url, **options)


# -- OData pages --------------------------------------------------------------------------


def _rows(start: int, count: int) -> list[dict[str, Any]]:
    return [{"contactId": n, "name": f"c{n}"} for n in range(start, start + count)]


def _three_pages(server: ScriptedServer, *, links: bool) -> None:
    pages = [_rows(0, 3), _rows(3, 3), _rows(6, 2)]
    for index, rows in enumerate(pages):
        body: dict[str, Any] = {"odata.metadata": "m", "value": rows}
        if links and index < 2:
            body["odata.nextLink"] = f"{server.url}/api/v1/Contact?$top=3&$skip={3 * (index + 1)}"
        server.script(Reply(200, body))
    if not links:
        server.script(Reply(200, {"value": []}))


@pytest.mark.parametrize("links", [True, False], ids=["nextLink", "skip"])
def test_odata_list_iterates_every_row_once_sync(so: SimpleNamespace, server: ScriptedServer, links: bool) -> None:
    _three_pages(server, links=links)
    with client(so, server.url) as sdk:
        page = sdk.contact.get_all(select=["name", "contactId"], top=3)
        assert [r["contactId"] for r in page.rows] == [0, 1, 2]
        assert (page.next_link is not None) is links
        assert len(server.received) == 1  # the next page is fetched only when needed
        seen = [row["contactId"] for row in page]
    assert seen == list(range(8))
    queries = [r.query_string for r in server.received]
    assert "$top=3" in queries[0] and "$select=name,contactId" in queries[0]
    if links:
        assert queries[1:] == ["$top=3&$skip=3", "$top=3&$skip=6"]
    else:  # paged by $skip: the third page is short, so no fourth request
        assert [q.count("$skip=") for q in queries] == [0, 1, 1]
        assert "$skip=3" in queries[1] and "$skip=6" in queries[2]
        assert len(queries) == 3


@pytest.mark.parametrize("links", [True, False], ids=["nextLink", "skip"])
def test_odata_list_iterates_every_row_once_async(so: SimpleNamespace, server: ScriptedServer, links: bool) -> None:
    _three_pages(server, links=links)

    async def run() -> list[int]:
        async with client(so, server.url, is_async=True) as sdk:
            page = await sdk.contact.get_all(top=3)
            assert len(server.received) == 1
            return [row["contactId"] async for row in page]

    assert asyncio.run(run()) == list(range(8))
    assert len(server.received) == 3


def test_odata_caps_and_stop_conditions_fetch_no_more_than_needed(so: SimpleNamespace) -> None:
    with ScriptedServer() as server:
        _three_pages(server, links=True)
        with client(so, server.url) as sdk:
            assert [r["contactId"] for r in sdk.contact.get_all(top=3).iter_rows(max_rows=4)] == [0, 1, 2, 3]
        assert len(server.received) == 2
    with ScriptedServer() as server:
        _three_pages(server, links=True)
        with client(so, server.url) as sdk:
            page = sdk.contact.get_all(top=3)
            assert [r["contactId"] for r in page.iter_rows(stop=lambda r: r["contactId"] == 2)] == [0, 1]
        assert len(server.received) == 1
    with ScriptedServer() as server:
        _three_pages(server, links=True)
        with client(so, server.url) as sdk:
            assert [len(p.rows) for p in sdk.contact.get_all().iter_pages(max_pages=2)] == [3, 3]
        assert len(server.received) == 2


def test_odata_next_link_to_another_origin_is_refused(so: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, {"value": [{"a": 1}], "odata.nextLink": "https://evil.example/api/v1/Contact?$skip=1"}))
    with client(so, server.url, auth=so.pkg.BearerAuth("secret")) as sdk:
        page = sdk.contact.get_all()
        assert page.rows == [{"a": 1}] and page.has_next_page()
        with pytest.raises(so.pkg.PaginationError, match="origin"):
            list(page)
    assert len(server.received) == 1


def test_raw_response_of_a_list_parses_to_the_page(so: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, {"value": [{"a": 1}]}))
    with client(so, server.url) as sdk:
        raw = sdk.contact.with_raw_response.get_all()
        assert raw.status_code == 200
        page = raw.parse()
    assert isinstance(page, so.pkg.SyncODataPage) and page.rows == [{"a": 1}]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_archive_agent_pages_by_page_number(so: SimpleNamespace, server: ScriptedServer, is_async: bool) -> None:
    for start, count in ((0, 2), (2, 2), (4, 1)):
        server.script(Reply(200, [{"EntityName": "contact", "PrimaryKey": n} for n in range(start, start + count)]))
    arguments = {"provider_name": "contact", "columns": ["name"], "page_size": 2}

    async def run_async() -> list[int]:
        async with client(so, server.url, is_async=True) as sdk:
            page = await sdk.archive_agent.get_archive_list_by_columns(**arguments)
            return [row.primary_key async for row in page]

    if is_async:
        keys = asyncio.run(run_async())
    else:
        with client(so, server.url) as sdk:
            page = sdk.archive_agent.get_archive_list_by_columns(**arguments)
            assert [row.primary_key for row in page.rows] == [0, 1] and page.next_link is None
            keys = [row.primary_key for row in page]
    assert keys == [0, 1, 2, 3, 4]
    assert [r.json["Page"] if "Page" in r.json else None for r in server.received] == [None, 1, 2]
    assert all(r.json["PageSize"] == 2 and r.json["ProviderName"] == "contact" for r in server.received)


# -- tenant discovery ------------------------------------------------------------------


def _state(endpoint: str, *, running: bool = True, valid: str = "2999-01-01T00:00:00Z") -> dict[str, Any]:
    return {
        "ContextIdentifier": "Cust12345",
        "Endpoint": endpoint,
        "State": "Running" if running else "Upgrading",
        "IsRunning": running,
        "ValidUntil": valid,
    }


def test_for_tenant_resolves_and_moves_on_421(so: SimpleNamespace) -> None:
    with ScriptedServer() as state, ScriptedServer() as old, ScriptedServer() as new:
        state.script(Reply(200, _state(f"{old.url}/Cust12345")), Reply(200, _state(f"{new.url}/Cust12345")))
        old.script(Reply(421, {"Message": "Misdirected"}))
        new.script(Reply(200, {"ContactId": 5, "Name": "Moved"}))
        sdk = so.pkg.SuperOffice.for_tenant(
            context_id="Cust12345", environment="sod", state_url=f"{state.url}/api/state", max_retries=0
        )
        assert sdk.base_url == f"{old.url}/Cust12345"
        contact = sdk.contact.get_contact_entity(5)
        assert contact.name == "Moved"
        assert sdk.base_url == f"{new.url}/Cust12345"
        assert [r.path for r in state.received] == ["/api/state/Cust12345"] * 2
        assert [r.path for r in old.received] == ["/Cust12345/api/v1/Contact/5"]
        assert [r.path for r in new.received] == ["/Cust12345/api/v1/Contact/5"]
        # cached until ValidUntil: another client for the tenant asks nothing
        again = so.pkg.SuperOffice.for_tenant(context_id="Cust12345", state_url=f"{state.url}/api/state")
        assert again.base_url == f"{new.url}/Cust12345" and len(state.received) == 2


def test_for_tenant_async_and_not_running(so: SimpleNamespace) -> None:
    with ScriptedServer() as state, ScriptedServer() as api:
        state.script(Reply(200, _state(f"{api.url}/Cust777")), Reply(200, _state("https://x.example/C", running=False)))
        api.script(Reply(200, {"ContactId": 1}))

        async def run() -> Any:
            sdk = await so.pkg.AsyncSuperOffice.for_tenant(context_id="Cust777", state_url=f"{state.url}/s")
            async with sdk:
                return await sdk.contact.get_contact_entity(1)

        assert asyncio.run(run()).contact_id == 1
        with pytest.raises(so.pkg.TenantNotRunningError) as caught:
            so.pkg.SuperOffice.for_tenant(context_id="Cust888", state_url=f"{state.url}/s")
        assert caught.value.state.state == "Upgrading"
    with pytest.raises(ValueError, match="context_id"):
        so.pkg.SuperOffice.for_tenant(context_id="../etc", state_url="http://127.0.0.1:9/s")


# -- re-authentication -----------------------------------------------------------------


def test_401_refreshes_once_and_retries(so: SimpleNamespace, server: ScriptedServer) -> None:
    calls: list[int] = []

    def refresh() -> str:
        calls.append(1)
        return f"token{len(calls) + 1}"

    server.script(Reply(401, {"Message": "expired"}), Reply(200, {"ContactId": 3}))
    with client(so, server.url, auth=so.pkg.BearerAuth("token1", refresh=refresh)) as sdk:
        assert sdk.contact.get_contact_entity(3).contact_id == 3
        assert [r.headers["Authorization"] for r in server.received] == ["Bearer token1", "Bearer token2"]
        server.script(Reply(401, {}), Reply(401, {"Message": "still no"}))
        with pytest.raises(so.pkg.AuthenticationError):
            sdk.contact.get_contact_entity(3)
    assert len(calls) == 2 and len(server.received) == 4


def test_async_refresh_hook_with_the_async_client(so: SimpleNamespace, server: ScriptedServer) -> None:
    async def refresh() -> str:
        await asyncio.sleep(0)
        return "fresh"

    server.script(Reply(401, {}), Reply(200, {"ContactId": 4}))

    async def run() -> Any:
        async with client(so, server.url, is_async=True, auth=so.pkg.SoTicketAuth("7T:old", refresh=refresh)) as sdk:
            return await sdk.contact.get_contact_entity(4)

    assert asyncio.run(run()).contact_id == 4
    assert [r.headers["Authorization"] for r in server.received] == ["SOTicket 7T:old", "SOTicket fresh"]


def test_oauth_refresher_posts_the_refresh_token(so: SimpleNamespace, server: ScriptedServer) -> None:
    with ScriptedServer() as tokens:
        tokens.script(Reply(200, {"access_token": "new-at", "refresh_token": "rt2", "token_type": "Bearer"}))
        refresher = so.pkg.OAuthRefresher(
            client_id="app", client_secret="s3cret", refresh_token="rt1", token_url=f"{tokens.url}/tokens"
        )
        server.script(Reply(401, {}), Reply(200, {"ContactId": 9}))
        with client(so, server.url, auth=so.pkg.BearerAuth("old", refresh=refresher)) as sdk:
            assert sdk.contact.get_contact_entity(9).contact_id == 9
        form = tokens.received[0].body.decode()
        assert "grant_type=refresh_token" in form and "refresh_token=rt1" in form and "client_secret=s3cret" in form
    assert server.received[1].headers["Authorization"] == "Bearer new-at"
    assert "s3cret" not in repr(refresher)


def test_system_user_ticket_signs_and_exchanges(so: SimpleNamespace) -> None:
    import base64

    crypto = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.rsa")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding

    key = crypto.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    claims = base64.urlsafe_b64encode(
        json.dumps({"http://schemes.superoffice.net/identity/ticket": "7T:ticket=="}).encode()
    ).decode()
    with ScriptedServer() as login:
        login.script(Reply(200, {"IsSuccessful": True, "Token": f"h.{claims.rstrip('=')}.s", "ErrorMessage": ""}))
        hook = so.pkg.SystemUserTicket(
            system_user_token="App-abc",
            private_key_pem=pem,
            application_token="secret",
            context_id="Cust1",
            login_url=f"{login.url}/Login/api/PartnerSystemUser/Authenticate",
        )
        assert hook() == "7T:ticket=="
        sent = login.received[0].json
    assert sent["ApplicationToken"] == "secret" and sent["ContextIdentifier"] == "Cust1"
    assert sent["ReturnTokenType"] == "JWT"
    token, stamp, signature = sent["SignedSystemToken"].split(".")
    assert token == "App-abc" and len(stamp) == 12
    key.public_key().verify(
        base64.b64decode(signature), f"{token}.{stamp}".encode(), padding.PKCS1v15(), hashes.SHA256()
    )


# -- agent failures --------------------------------------------------------------------


def test_agent_message_failure_raises_typed_error(so: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(
        Reply(200, {"Message": "Chat session not found", "MessageDetail": "Id 798 is not a chat session"}),
        Reply(200, b"null", headers={"Content-Type": "application/json"}),
        Reply(200, {"ChatSessionId": 798, "Topic": "ok"}),
        Reply(200, {"Message": "off", "MessageDetail": "d"}),
    )
    with client(so, server.url) as sdk:
        with pytest.raises(so.pkg.AgentError) as caught:
            sdk.chat_agent.reject_chat_session_transfer(chat_session_id=798)
        assert caught.value.message == "Chat session not found"
        assert caught.value.message_detail == "Id 798 is not a chat session"
        with pytest.raises(so.pkg.AgentError, match="null"):
            sdk.chat_agent.reject_chat_session_transfer(chat_session_id=798)
        assert sdk.chat_agent.reject_chat_session_transfer(chat_session_id=798).topic == "ok"
        sdk.raise_agent_errors = False
        assert sdk.chat_agent.reject_chat_session_transfer(chat_session_id=798) is not None


def test_agent_error_async(so: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, {"Message": "nope", "MessageDetail": "detail"}))

    async def run() -> None:
        async with client(so, server.url, is_async=True) as sdk:
            await sdk.chat_agent.reject_chat_session_transfer(chat_session_id=1)

    with pytest.raises(so.pkg.AgentError, match="nope"):
        asyncio.run(run())


# -- custom fields ---------------------------------------------------------------------


def test_custom_fields_round_trip(so: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(
        Reply(
            200,
            {
                "ContactId": 5,
                "CustomFields": {
                    "SuperOffice:1": "[I:11]",
                    "SuperOffice:2": "[D:06/19/2019]",
                    "SuperOffice:3": "[F:2.5]",
                    "SuperOffice:4": "[DT:06/19/2019 14:35:56.12345]",
                    "x_kind": "[I:2]",
                    "x_kind:DisplayText": "Partner",
                    "x_note": "plain text",
                },
                "UserDefinedFields": {"SuperOffice:1": "[I:1]"},
            },
        )
    )
    with client(so, server.url) as sdk:
        contact = sdk.contact.get_contact_entity(5)
        custom = contact.custom
        assert custom.get_int(1) == 11 and custom["SuperOffice:1"] == 11
        assert custom.get_date("SuperOffice:2") == date(2019, 6, 19)
        assert custom.get_float(3) == 2.5
        assert custom.get_datetime(4) == datetime(2019, 6, 19, 14, 35, 56, 123450)
        assert custom.display_text("x_kind") == "Partner" and custom["x_note"] == "plain text"
        assert contact.udef.get_bool(1) is True
        with pytest.raises(TypeError):
            custom.get_date(1)
        custom[6] = date(2024, 1, 31)
        custom["x_flag"] = True
        custom["x_when"] = datetime(2024, 2, 1, 8, 30, 5, 120000)
        contact.extra["x_new"] = 42  # ExtraFields was absent: created, and sent
        server.script(Reply(200, {"ContactId": 5}))
        sdk.contact.put_contact_entity(5, contact)
    sent = server.received[-1].json
    assert sent["CustomFields"]["SuperOffice:6"] == "[D:01/31/2024]"
    assert sent["CustomFields"]["x_flag"] == "[I:1]"
    assert sent["CustomFields"]["x_when"] == "[DT:02/01/2024 08:30:05.12000]"
    assert sent["CustomFields"]["SuperOffice:1"] == "[I:11]"
    assert sent["ExtraFields"] == {"x_new": "[I:42]"}
    again = so.models.ContactEntity.model_validate(sent)
    assert again.custom.get_datetime("x_when") == datetime(2024, 2, 1, 8, 30, 5, 120000)
    assert again.custom.get_date(6) == date(2024, 1, 31)


# -- rate limiter ----------------------------------------------------------------------


def test_rate_limiter_spaces_calls_across_threads(so: SimpleNamespace, server: ScriptedServer) -> None:
    limiter = so.pkg.RateLimiter(5, per=0.5, burst=1)  # one request every 0.1 s
    with client(so, server.url) as sdk:
        sdk.rate_limiter = limiter
        threads = [threading.Thread(target=sdk.contact.get_contact_entity, args=(n,)) for n in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
    times = sorted(r.at for r in server.received)
    assert len(times) == 6
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) > 0.07, gaps
    assert times[-1] - times[0] >= 0.45


def test_rate_limiter_paces_async_tasks(so: SimpleNamespace, server: ScriptedServer) -> None:
    async def run() -> float:
        async with client(so, server.url, is_async=True) as sdk:
            sdk.rate_limiter = so.pkg.RateLimiter(10, per=1.0, burst=2)
            started = time.monotonic()
            await asyncio.gather(*(sdk.contact.get_contact_entity(n) for n in range(5)))
            return time.monotonic() - started

    elapsed = asyncio.run(run())
    assert elapsed >= 0.28  # two at once, then three more 0.1 s apart


# -- the plug-in stays out of other packages -----------------------------------------------


def test_profile_files_only_with_the_profile(so: SimpleNamespace, tmp_path: Path) -> None:
    assert f"{PACKAGE}/_pages.py" in so.files and "## SuperOffice conventions" in so.files["README.md"]
    assert 'systemuser = ["cryptography>=41"]' in so.files["pyproject.toml"]
    spec = load_fixture("superoffice_profile.yaml")
    plain = generate_into(tmp_path / "plain", spec, "plain_pkg", profile="none")
    assert not any(name.endswith(("_pages.py", "_tenant.py", "_custom_fields.py")) for name in plain)
    assert "SuperOffice conventions" not in plain["README.md"]
    assert "fetch_odata_page" not in plain["plain_pkg/resources/contact.py"]
    del spec["x-sdkgen-profile"]
    forced = generate_into(tmp_path / "forced", spec, "forced_pkg", profile="superoffice")
    assert "fetch_odata_page" in forced["forced_pkg/resources/contact.py"]
    with pytest.raises(ValueError, match="unknown profile 'nope'"):
        generate_into(tmp_path / "bad", {**spec, "x-sdkgen-profile": "nope"}, "bad_pkg")


def test_readme_examples_type_check_strict(so: SimpleNamespace, tmp_path: Path) -> None:
    """The whole README with the profile's section: its examples, in order, pass mypy --strict and pyright strict."""
    readme = so.files["README.md"]
    section = readme[readme.index("## SuperOffice conventions") :]
    assert (
        len(re.findall(r"```python\n", section)) >= 6
    )  # pages, tenants, re-authentication, agents, custom fields, rate limit
    script = "readme_examples.py"
    (tmp_path / script).write_text(readme_python(readme).replace("so_profile_pkg", PACKAGE), encoding="utf-8")
    assert mypy_strict_problems(tmp_path, [script], so.out) == ""
    problems = pyright_strict_problems(tmp_path, [script], so.out)
    if problems is None:
        pytest.skip("pyright is not installed: run `npm ci` in the checkout")
    assert not problems, "\n".join(problems)
