"""The client's own connection pool verifies TLS as httpx does, and loads its trust store only at
the first TLS handshake (a plain-HTTP client never pays for certifi's CA bundle)."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from runtime_harness import Reply, ScriptedServer


def _pool_context(client: object) -> ssl.SSLContext:
    transport = client.http_client._transport  # type: ignore[attr-defined]
    context = transport._pool._ssl_context
    assert isinstance(context, ssl.SSLContext)
    return context


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (no CA anyone trusts)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def tls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[ScriptedServer, str]]:
    cert, key = certificate
    scripted = ScriptedServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd = scripted._httpd
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    host, port = httpd.server_address[:2]
    with scripted:
        yield scripted, f"https://{host!s}:{port}"


def test_plain_http_calls_load_no_trust_store(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, {"ItemId": 7}))
    with rt.Client(base_url=server.url) as client:
        client.items.get(7)
        context = _pool_context(client)
        assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
        assert context.cert_store_stats()["x509_ca"] == 0


def test_https_to_an_untrusted_certificate_is_refused(
    rt: SimpleNamespace, tls_server: tuple[ScriptedServer, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    server, url = tls_server
    with rt.Client(base_url=url, max_retries=0) as client:
        with pytest.raises(rt.errors.APIConnectionError, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
            client.items.get(7)
        assert _pool_context(client).cert_store_stats()["x509_ca"] > 0  # certifi's bundle, loaded for the handshake
    assert server.received == []


def test_ssl_cert_file_is_trusted_as_httpx_trusts_it(
    rt: SimpleNamespace,
    tls_server: tuple[ScriptedServer, str],
    certificate: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, url = tls_server
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    server.script(Reply(200, {"ItemId": 7}))
    with rt.Client(base_url=url) as client:
        item = client.items.get(7)
    assert item.item_id == 7
    assert len(server.received) == 1
