"""The runtime's sync client against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import base64
import random
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from types import GenericAlias, SimpleNamespace
from typing import Any

import httpx
import pytest
from runtime_harness import (
    PACKAGE_NAME,
    Reply,
    ScriptedServer,
)

SUPEROFFICE_404 = {
    "Error": True,
    "ErrorType": "SoNotFoundException",
    "ErrorMessage": "Contact id 99999 not found",
    "ErrorSource": "SuperOffice.Services.Implementation",
}


def make_client(rt: SimpleNamespace, server: ScriptedServer, **kwargs: Any) -> Any:
    kwargs.setdefault("base_url", server.url)
    return rt.Client(**kwargs)


def record_sleeps(client: Any, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Replace the client's sleep so retry waits are observed instead of spent."""
    sleeps: list[float] = []
    monkeypatch.setattr(client, "_sleep", sleeps.append)
    return sleeps


# --- errors -------------------------------------------------------------------------------


def test_404_with_superoffice_body_raises_not_found_with_parsed_fields(
    rt: SimpleNamespace, server: ScriptedServer
) -> None:
    server.script(Reply(404, SUPEROFFICE_404))
    with make_client(rt, server) as client:
        with pytest.raises(rt.errors.NotFoundError) as raised:
            client.items.get(99999)
    error = raised.value
    assert isinstance(error, rt.errors.ClientError)
    assert isinstance(error, rt.errors.APIStatusError)
    assert error.status_code == 404
    assert error.error_type == "SoNotFoundException"
    assert error.error_message == "Contact id 99999 not found"
    assert error.error_source == "SuperOffice.Services.Implementation"
    assert error.body == SUPEROFFICE_404
    assert "SoNotFoundException: Contact id 99999 not found" in str(error)
    assert len(server.received) == 1, "a 404 must not be retried"


@pytest.mark.parametrize(
    ("status", "error_name"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (409, "ConflictError"),
        (412, "PreconditionFailedError"),
        (418, "ClientError"),
        (422, "UnprocessableEntityError"),
        (500, "InternalServerError"),
        (501, "InternalServerError"),
    ],
)
def test_error_status_maps_to_error_class(
    rt: SimpleNamespace, server: ScriptedServer, status: int, error_name: str
) -> None:
    server.script(Reply(status, {"message": "nope", "code": "E42"}))
    with make_client(rt, server) as client:
        with pytest.raises(getattr(rt.errors, error_name)) as raised:
            client.request("GET", "/api/v1/Thing")
    assert type(raised.value).__name__ == error_name
    assert raised.value.error_message == "nope"
    assert raised.value.error_type == "E42"
    family = rt.errors.ServerError if status >= 500 else rt.errors.ClientError
    assert isinstance(raised.value, family)


def test_text_error_body_is_kept_as_text(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(400, "Bad things happened"))
    with make_client(rt, server) as client:
        with pytest.raises(rt.errors.BadRequestError) as raised:
            client.request("GET", "/api/v1/Thing")
    assert raised.value.body == "Bad things happened"
    assert raised.value.error_message == "Bad things happened"


def test_timeout_raises_api_timeout_error(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, {}, delay=1.0))
    with make_client(rt, server, timeout=0.2, max_retries=0) as client:
        with pytest.raises(rt.errors.APITimeoutError) as raised:
            client.request("GET", "/api/v1/Slow")
    assert isinstance(raised.value, rt.errors.APIConnectionError)
    assert raised.value.request.url.path == "/api/v1/Slow"


def test_per_call_timeout_overrides_client_timeout(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, {}, delay=1.0))
    with make_client(rt, server, timeout=30.0, max_retries=0) as client:
        with pytest.raises(rt.errors.APITimeoutError):
            client.request("GET", "/api/v1/Slow", options={"timeout": 0.2})


def test_connection_refused_raises_connection_error(rt: SimpleNamespace) -> None:
    with ScriptedServer() as stopped:
        url = stopped.url  # the port is free again once the server is closed
    client = rt.Client(base_url=url, max_retries=0)
    with pytest.raises(rt.errors.APIConnectionError) as raised:
        client.request("GET", "/api/v1/Thing")
    assert not isinstance(raised.value, rt.errors.APITimeoutError)
    client.close()


def test_strict_mode_raises_validation_error_for_a_body_that_does_not_match(
    rt: SimpleNamespace, server: ScriptedServer
) -> None:
    server.script(Reply(200, {"ItemId": "not a number"}))
    with make_client(rt, server, strict_response_validation=True) as client:
        with pytest.raises(rt.errors.APIResponseValidationError) as raised:
            client.items.get(1)
    assert raised.value.body == {"ItemId": "not a number"}
    assert raised.value.status_code == 200


def test_default_mode_returns_data_the_documentation_does_not_describe(
    rt: SimpleNamespace, server: ScriptedServer
) -> None:
    # The docs say int64; a server sends 99.99 (the reference really does, for GetDocumentLength).
    server.script(
        Reply(200, {"ItemId": 99.99, "Name": 7, "Updated": "2017-09-17T11:10:26.1285249+02:00", "Colour": "red"})
    )
    with make_client(rt, server) as client:
        item = client.items.get(1)
    assert isinstance(item, rt.Item)
    assert item.item_id == 99.99  # kept as sent, not an error
    assert item.name == "7"  # a number where text is documented becomes text, as validation does
    assert item.updated is not None and item.updated.utcoffset() is not None
    assert item.updated.isoformat() == "2017-09-17T11:10:26.128524+02:00"
    assert item.model_extra == {"Colour": "red"}
    assert item.to_dict() == {
        "ItemId": 99.99,
        "Name": "7",
        "Updated": "2017-09-17T11:10:26.128524+02:00",
        "Colour": "red",
    }


def test_non_json_body_for_a_model_raises_validation_error(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, b"<html>maintenance</html>", headers={"Content-Type": "text/html"}))
    with make_client(rt, server) as client:
        with pytest.raises(rt.errors.APIResponseValidationError) as raised:
            client.items.get(1)
    assert raised.value.body == "<html>maintenance</html>"


def test_constructed_and_validated_results_are_equal(rt: SimpleNamespace, server: ScriptedServer) -> None:
    body = [
        {"ItemId": 1, "Name": "a", "Updated": "2020-01-02T03:04:05Z", "Tags": [{"TagId": 2, "Name": "vip"}]},
        {"ItemId": 2, "Tags": None, "Extra": {"x": 1}},
    ]
    server.script(Reply(200, body), Reply(200, body))
    with make_client(rt, server) as lenient, make_client(rt, server, strict_response_validation=True) as strict:
        constructed = lenient.items.list()
        validated = strict.items.list()
    assert [item.to_dict() for item in constructed] == [item.to_dict() for item in validated]
    assert constructed == validated
    assert type(constructed[0].tags[0]).__name__ == "Tag"
    assert constructed[0].updated.utcoffset() is not None


# --- retries ------------------------------------------------------------------------------


def test_429_with_retry_after_seconds_is_retried_after_that_wait(rt: SimpleNamespace, server: ScriptedServer) -> None:
    """A real wait: the second request arrives no sooner than Retry-After says."""
    server.script(Reply(429, {"ErrorMessage": "slow down"}, {"Retry-After": "1"}))
    server.script(Reply(200, {"ItemId": 7}))
    with make_client(rt, server) as client:
        item = client.items.get(7)
    assert item.item_id == 7
    first, second = server.received
    assert second.at - first.at >= 0.95


def test_retry_after_http_date_is_honoured(
    rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=5), usegmt=True)
    server.script(Reply(503, None, {"Retry-After": when}), Reply(200, {"ItemId": 1}))
    with make_client(rt, server) as client:
        sleeps = record_sleeps(client, monkeypatch)
        client.items.get(1)
    assert len(sleeps) == 1
    assert 3.0 <= sleeps[0] <= 5.0


def test_retry_after_is_capped(rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.script(Reply(429, None, {"Retry-After": "3600"}), Reply(200, {}))
    with make_client(rt, server) as client:
        sleeps = record_sleeps(client, monkeypatch)
        client.request("GET", "/api/v1/Thing")
    assert sleeps == [rt.base_client.MAX_RETRY_AFTER]


def test_backoff_without_retry_after_grows_with_full_jitter(
    rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(Reply(502), Reply(504), Reply(503), Reply(200, {"ok": True}))
    # Full jitter draws uniformly from [0, ceiling]: report the ceiling to see the growth.
    monkeypatch.setattr(random, "uniform", lambda low, high: high)
    with make_client(rt, server, max_retries=3) as client:
        sleeps = record_sleeps(client, monkeypatch)
        assert client.request("GET", "/api/v1/Thing", cast_to=dict[str, bool]) == {"ok": True}
    assert sleeps == [0.5, 1.0, 2.0]


def test_503_get_is_retried_then_succeeds(
    rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(Reply(503, {"ErrorMessage": "busy"}), Reply(200, {"ItemId": 3}))
    with make_client(rt, server) as client:
        record_sleeps(client, monkeypatch)
        assert client.items.get(3).item_id == 3
    assert [r.method for r in server.received] == ["GET", "GET"]


def test_503_post_is_not_retried_by_default(
    rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(Reply(503, {"ErrorMessage": "busy"}), Reply(200, {"ItemId": 3}))
    with make_client(rt, server) as client:
        sleeps = record_sleeps(client, monkeypatch)
        with pytest.raises(rt.errors.InternalServerError) as raised:
            client.items.create(name="x")
    assert raised.value.status_code == 503
    assert len(server.received) == 1
    assert sleeps == []


def test_503_post_is_retried_when_the_call_allows_it(
    rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(Reply(503), Reply(200, {"ItemId": 3, "Name": "x"}))
    with make_client(rt, server) as client:
        record_sleeps(client, monkeypatch)
        item = client.items.create(name="x", request_options={"retry_non_idempotent": True})
    assert item.name == "x"
    assert [r.json for r in server.received] == [{"Name": "x"}, {"Name": "x"}]


def test_503_post_is_retried_when_the_client_allows_it(
    rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(Reply(503), Reply(200, {"ItemId": 3}))
    with make_client(rt, server, retry_non_idempotent=True) as client:
        record_sleeps(client, monkeypatch)
        assert client.items.create(name="x").item_id == 3
    assert len(server.received) == 2


def test_retries_stop_at_max_retries_and_raise_the_last_error(
    rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(*[Reply(429, {"ErrorMessage": "limit"}) for _ in range(5)])
    with make_client(rt, server, max_retries=2) as client:
        sleeps = record_sleeps(client, monkeypatch)
        with pytest.raises(rt.errors.RateLimitError):
            client.request("GET", "/api/v1/Thing")
        assert len(server.received) == 3
        assert len(sleeps) == 2
        with pytest.raises(rt.errors.RateLimitError):
            client.request("GET", "/api/v1/Thing", options={"max_retries": 0})
    assert len(server.received) == 4


def test_timeouts_are_retried_for_idempotent_calls(
    rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(Reply(200, {"n": 1}, delay=1.0), Reply(200, {"n": 2}))
    with make_client(rt, server, timeout=0.3) as client:
        sleeps = record_sleeps(client, monkeypatch)
        assert client.request("GET", "/api/v1/Thing", cast_to=dict[str, int]) == {"n": 2}
    assert len(sleeps) == 1


# --- responses ----------------------------------------------------------------------------


def test_204_returns_none(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(204))
    with make_client(rt, server) as client:
        assert client.items.delete(5) is None
    assert server.received[0].method == "DELETE"
    assert server.received[0].path == "/api/v1/Item/5"


def test_304_returns_not_modified(rt: SimpleNamespace, server: ScriptedServer) -> None:
    since = datetime(2015, 10, 21, 9, 28, tzinfo=timezone(timedelta(hours=2)))
    server.script(Reply(304))
    with make_client(rt, server) as client:
        result = client.items.get(123, if_modified_since=since)
    assert result is rt.response.NOT_MODIFIED
    assert not result
    assert repr(result) == "NOT_MODIFIED"
    assert server.received[0].headers["If-Modified-Since"] == "Wed, 21 Oct 2015 07:28:00 GMT"


def test_model_list_and_scalar_casts(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(
        Reply(200, [{"ItemId": 1, "Tags": [{"TagId": 2, "Name": "vip"}]}, {"ItemId": 2}]),
        Reply(200, 42),
        Reply(200, True),
        Reply(200, "plain text"),
        Reply(200, b"\x00\x01"),
        Reply(200, None),
        Reply(200, 12),
        Reply(200, None),
    )
    with make_client(rt, server) as client:
        items = client.items.list()
        assert [i.item_id for i in items] == [1, 2]
        assert items[0].tags[0].name == "vip"
        assert client.request("GET", "/x", cast_to=int) == 42
        assert client.request("GET", "/x", cast_to=bool) is True
        assert client.request("GET", "/x", cast_to=str) == "plain text"
        assert client.request("GET", "/x", cast_to=bytes) == b"\x00\x01"
        assert client.request("GET", "/x", cast_to=rt.Item) is None  # empty body
        assert client.items.count() == 12
        assert client.items.count() is None


def test_type_adapters_are_cached_per_cast_to(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, [{"ItemId": 1}]), Reply(200, [{"ItemId": 2}]))
    with make_client(rt, server) as client:
        client.request("GET", "/x", cast_to=GenericAlias(list, (rt.Item,)))
        adapter = rt.response._ADAPTERS[GenericAlias(list, (rt.Item,))]
        # An equal annotation built anew (as each generated call does) hits the cache.
        assert client.request("GET", "/x", cast_to=GenericAlias(list, (rt.Item,)))[0].item_id == 2
        assert rt.response._ADAPTERS[GenericAlias(list, (rt.Item,))] is adapter


def test_raw_response_wrapper_returns_api_response(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, {"ItemId": 9, "Name": "raw"}, {"X-Request-Id": "abc"}))
    with make_client(rt, server) as client:
        raw = client.items.with_raw_response.get(9, request_options={"max_retries": 0})
    assert isinstance(raw, rt.response.APIResponse)
    assert raw.status_code == 200
    assert raw.headers["X-Request-Id"] == "abc"
    assert raw.json() == {"ItemId": 9, "Name": "raw"}
    assert raw.retries_taken == 0
    item = raw.parse()
    assert isinstance(item, rt.Item)
    assert item.name == "raw"
    assert raw.parse() is item


def test_raw_response_wrapper_still_raises_for_errors(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(404, SUPEROFFICE_404))
    with make_client(rt, server) as client:
        with pytest.raises(rt.errors.NotFoundError):
            client.items.with_raw_response.get(1)


# --- request building ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "suffix",
    ["", "/", "/api", "/api/", "/API/"],
    ids=["bare", "slash", "api", "api-slash", "API"],
)
def test_base_url_with_and_without_api_suffix(rt: SimpleNamespace, server: ScriptedServer, suffix: str) -> None:
    server.script(Reply(200, {"ItemId": 1}))
    with rt.Client(base_url=server.url + "/Cust12345" + suffix) as client:
        client.items.get(1)
    assert server.received[0].path == "/Cust12345/api/v1/Item/1"


def test_base_url_suffix_is_kept_without_strip_base_suffix(rt: SimpleNamespace) -> None:
    client = rt.base_client.SyncAPIClient(base_url="https://example.com/Cust1/api/")
    assert client.base_url == "https://example.com/Cust1/api"
    client.close()
    with pytest.raises(ValueError, match="absolute"):
        rt.base_client.SyncAPIClient(base_url="example.com/api")


def test_query_encoding(rt: SimpleNamespace, server: ScriptedServer) -> None:
    moment = datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    with make_client(rt, server) as client:
        client.request(
            "GET",
            "/api/v1/Contact",
            query={
                "$select": ["name", "category"],
                "$filter": "name begins 'A&B' and x eq 1+1",
                "$top": 10,
                "flag": True,
                "off": False,
                "since": moment,
                "dropped": None,
                "not_given": rt.types.NOT_GIVEN,
                "empty_list": [],
                "city": "Tromsø",
            },
            options={"extra_query": {"$top": 5, "extra": "yes"}},
        )
    assert server.received[0].query_string == (
        "$select=name,category"
        "&$filter=name%20begins%20'A%26B'%20and%20x%20eq%201%2B1"
        "&$top=5&flag=true&off=false"
        "&since=2020-01-02T03:04:05%2B02:00"
        "&city=Troms%C3%B8&extra=yes"
    )


def test_path_params_are_quoted(rt: SimpleNamespace, server: ScriptedServer) -> None:
    with make_client(rt, server) as client:
        client.request(
            "GET",
            "/api/v1/Preference/{section}/{keyname}",
            path_params={"section": "a b/c", "keyname": "7T:x?y#z"},
        )
        with pytest.raises(ValueError, match="keyname"):
            client.request(
                "GET",
                "/api/v1/Preference/{section}/{keyname}",
                path_params={"section": 1},
            )
        with pytest.raises(ValueError, match="empty"):
            client.request("GET", "/api/v1/Item/{id}", path_params={"id": None})
    assert server.received[0].path == "/api/v1/Preference/a%20b%2Fc/7T%3Ax%3Fy%23z"
    assert len(server.received) == 1


def test_json_body_drops_not_given_and_keeps_explicit_none(rt: SimpleNamespace, server: ScriptedServer) -> None:
    with make_client(rt, server) as client:
        client.items.create(name="only name")
        client.items.create(name=None)
        client.items.create(updated=datetime(2017, 9, 17, 11, 10, 26, 128524, tzinfo=timezone(timedelta(hours=2))))
        client.request("PUT", "/api/v1/Item/1", json=rt.Item(item_id=1, name="m"))
        client.request("POST", "/api/v1/Items", json=[rt.Item(item_id=2), {"ItemId": 3}])
    bodies = [r.json for r in server.received]
    assert bodies == [
        {"Name": "only name"},
        {"Name": None},
        {"Updated": "2017-09-17T11:10:26.128524+02:00"},
        {"ItemId": 1, "Name": "m"},
        [{"ItemId": 2}, {"ItemId": 3}],
    ]
    assert server.received[0].headers["Content-Type"] == "application/json"


def test_default_headers_option_headers_and_overrides(rt: SimpleNamespace, server: ScriptedServer) -> None:
    with make_client(rt, server, language="sv", default_headers={"SO-TimeZone": "Europe/Oslo"}) as client:
        client.request(
            "GET",
            "/api/v1/Thing",
            headers={
                "SO-Culture": "nb-NO",
                "SO-Language": None,
                "X-Skip": rt.types.NOT_GIVEN,
            },
            options={"extra_headers": {"Accept-Language": "en", "X-Trace": "1"}},
        )
    headers = {k.lower(): v for k, v in server.received[0].headers.items()}
    assert headers["accept"] == "application/json"
    assert headers["user-agent"] == f"{PACKAGE_NAME}/unknown"
    assert headers["accept-language"] == "en"
    assert headers["so-timezone"] == "Europe/Oslo"
    assert headers["so-culture"] == "nb-NO"
    assert headers["x-trace"] == "1"
    assert "so-language" not in headers
    assert "x-skip" not in headers


# --- auth ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make_auth", "expected"),
    [
        (
            lambda a: a.BasicAuth("ADMIN", "pässword"),
            {"authorization": "Basic " + base64.b64encode("ADMIN:pässword".encode()).decode()},
        ),
        (
            lambda a: a.BearerAuth("7A:abc123=="),
            {"authorization": "Bearer 7A:abc123=="},
        ),
        (
            lambda a: a.SoTicketAuth("7T:abc123=="),
            {"authorization": "SOTicket 7T:abc123=="},
        ),
        (
            lambda a: a.SoTicketAuth("SOTicket 7T:abc123==", app_token="app-secret"),
            {"authorization": "SOTicket 7T:abc123==", "so-apptoken": "app-secret"},
        ),
        (lambda a: a.XsrfTokenAuth("xsrf"), {"x-xsrf-token": "xsrf"}),
        (
            lambda a: a.TokenAuth("t", prefix="Token"),
            {"authorization": "Token t"},
        ),
        (
            lambda a: a.SessionAuth("s1"),
            {"cookie": "session=s1"},
        ),
    ],
    ids=[
        "basic",
        "bearer",
        "soticket",
        "soticket-apptoken",
        "apikey",
        "apikey-prefix",
        "cookie",
    ],
)
def test_auth_headers(
    rt: SimpleNamespace,
    server: ScriptedServer,
    make_auth: Any,
    expected: dict[str, str],
) -> None:
    server.script(Reply(503), Reply(200, {}))  # the retried request carries the auth too
    with make_client(rt, server, auth=make_auth(rt.auth)) as client:
        client._sleep = lambda seconds: None
        client.request("GET", "/api/v1/Thing")
    for received in server.received:
        headers = {k.lower(): v for k, v in received.headers.items()}
        assert {k: headers.get(k) for k in expected} == expected
    if "so-apptoken" not in expected:
        assert "so-apptoken" not in {k.lower() for k in server.received[0].headers}


def test_api_key_in_query(rt: SimpleNamespace, server: ScriptedServer) -> None:
    auth = rt.auth.ApiKeyQueryAuth("k1")
    with make_client(rt, server, auth=auth) as client:
        client.request("GET", "/api/v1/Thing", query={"$top": 1})
    assert server.received[0].query_string == "%24top=1&api_key=k1"


def test_auth_reprs_hide_secrets(rt: SimpleNamespace) -> None:
    for auth in (
        rt.auth.BasicAuth("u", "secret"),
        rt.auth.BearerAuth("secret"),
        rt.auth.SoTicketAuth("secret", app_token="secret"),
        rt.auth.XsrfTokenAuth("secret"),
    ):
        assert "secret" not in repr(auth)


# --- client lifecycle ---------------------------------------------------------------------


def test_closes_its_own_http_client_but_not_a_passed_one(rt: SimpleNamespace, server: ScriptedServer) -> None:
    with make_client(rt, server) as own:
        pass
    assert own.is_closed

    http_client = httpx.Client(headers={"X-From-User-Client": "1"})
    with make_client(rt, server, http_client=http_client) as shared:
        shared.request("GET", "/api/v1/Thing")
    assert not http_client.is_closed
    assert server.received[0].headers.get("X-From-User-Client") == "1"
    http_client.close()


def test_passed_http_client_keeps_its_auth_when_none_given(rt: SimpleNamespace, server: ScriptedServer) -> None:
    http_client = httpx.Client(auth=rt.auth.BearerAuth("from-http-client"))
    with make_client(rt, server, http_client=http_client) as client:
        client.request("GET", "/api/v1/Thing")
    assert server.received[0].headers["Authorization"] == "Bearer from-http-client"
    http_client.close()
