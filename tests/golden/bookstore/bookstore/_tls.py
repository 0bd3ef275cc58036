"""The TLS context of the connection pools the client creates: httpx's default verification, with
the trust store loaded at the first TLS handshake instead of when the pool is made.

Loading certifi's CA bundle takes 10-20 ms, a third of what a short script pays before its first
result; a client that only talks plain HTTP (a local service, a test server) never needs it.
The certificates, the environment variables honoured (``SSL_CERT_FILE``, ``SSL_CERT_DIR``,
``SSLKEYLOGFILE``) and the checks (``CERT_REQUIRED``, host names) are those of
``httpx.create_ssl_context()`` and ``ssl.create_default_context()``; the variables are read when
the context is made. A caller's own ``http_client`` keeps its own context.
"""

from __future__ import annotations

import os
import ssl
import sys
import threading
from typing import Any

__all__ = ["default_tls_context"]


class _TrustStoreOnFirstUse(ssl.SSLContext):
    """An ``ssl.SSLContext`` that loads its CA certificates just before it first wraps a socket."""

    _cafile: str | None
    _capath: str | None
    _loaded: bool
    _load_lock: threading.Lock

    @classmethod
    def create(cls, cafile: str | None, capath: str | None) -> _TrustStoreOnFirstUse:
        context = cls(ssl.PROTOCOL_TLS_CLIENT)  # CERT_REQUIRED, check_hostname
        context._cafile, context._capath = cafile, capath
        context._loaded = False
        context._load_lock = threading.Lock()
        return context

    def _load_trust_store(self) -> None:
        with self._load_lock:
            if self._loaded:
                return
            if self._cafile is None and self._capath is None:
                import certifi

                self.load_verify_locations(cafile=certifi.where())
            else:
                self.load_verify_locations(cafile=self._cafile, capath=self._capath)
            self._loaded = True

    def wrap_socket(self, *args: Any, **kwargs: Any) -> ssl.SSLSocket:
        if not self._loaded:
            self._load_trust_store()
        return super().wrap_socket(*args, **kwargs)

    # Used by asyncio and anyio streams (the async client).
    def wrap_bio(self, *args: Any, **kwargs: Any) -> ssl.SSLObject:
        if not self._loaded:
            self._load_trust_store()
        return super().wrap_bio(*args, **kwargs)


def default_tls_context(trust_env: bool = True) -> ssl.SSLContext:
    """What ``httpx.Client(verify=True, trust_env=trust_env)`` would build, loaded lazily."""
    cafile: str | None = None
    capath: str | None = None
    if trust_env and os.environ.get("SSL_CERT_FILE"):
        cafile = os.environ["SSL_CERT_FILE"]
    elif trust_env and os.environ.get("SSL_CERT_DIR"):
        capath = os.environ["SSL_CERT_DIR"]
    context = _TrustStoreOnFirstUse.create(cafile, capath)
    keylog = os.environ.get("SSLKEYLOGFILE")
    if keylog and not sys.flags.ignore_environment:
        context.keylog_filename = keylog
    return context
