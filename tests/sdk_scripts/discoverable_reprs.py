"""Reprs of the SuperOffice SDK's client, resources, auth objects, options and errors.

Input: {"secrets": [...]}, the credential values used below. Output: the client's and resources'
reprs, and every checked text that shows one of the secrets (`leaks`, which must stay empty).
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import superoffice_webapi as so
from mock_transport import report, script_input


class Custom(httpx.Auth):
    def __init__(self) -> None:
        self.token = "sdk-token"


def refuse(request: httpx.Request) -> httpx.Response:
    return httpx.Response(401, json={"ErrorMessage": "no", "ErrorType": "SoException"}, request=request)


def main() -> None:
    secrets: list[str] = script_input()["secrets"]
    base = "https://sod.superoffice.com/Cust1/api"
    client = so.SuperOffice(
        base_url=base,
        auth=so.BasicAuth("sdk-user", "sdk-pass"),
        app_token="sdk-app",
        default_headers={"Authorization": "Bearer sdk-token", "X-Api-Key": "sdk-key"},
        http_client=httpx.Client(transport=httpx.MockTransport(refuse)),
    )
    async_client = so.AsyncSuperOffice(base_url=base, auth=so.BearerAuth("sdk-token"))
    auths: list[Any] = [
        so.BasicAuth("sdk-user", "sdk-pass"),
        so.BearerAuth("sdk-token"),
        so.SoTicketAuth("7T:sdk-ticket", app_token="sdk-app"),
        so.XsrfTokenAuth("sdk-key"),
    ]
    variant = client.with_options(auth=so.SoTicketAuth("7T:sdk-ticket", app_token="sdk-app"), app_token="sdk-app")
    shown: list[str] = [repr(client), str(client), repr(client.contact), repr(async_client.contact), repr(variant)]
    shown += [text for auth in auths for text in (repr(auth), str(auth))]
    options: so.RequestOptions = {"max_retries": 0}
    shown.append(repr(options))
    try:
        client.contact.get_contact_entity(
            5, extra_headers={"Authorization": "SOTicket 7T:sdk-ticket"}, request_options=options
        )
    except so.AuthenticationError as error:
        shown += [str(error), repr(error), repr(error.request), repr(error.response), repr(error.request.headers)]
        shown += [repr(error.headers), str(error.request.url)]
    foreign = so.SuperOffice(base_url=base, auth=Custom())
    report(
        {
            "client": repr(client),
            "resource": repr(client.contact),
            "async_resource": repr(async_client.contact),
            "foreign_auth": repr(foreign),
            "checked": shown,
            "leaks": [text for text in shown if any(secret in text for secret in secrets)],
        }
    )
    asyncio.run(async_client.close())


main()
