"""`components.securitySchemes` -> the auth classes of the package (and nothing else).

Each declared scheme maps to one class of the generated `_auth.py`, or to a profile's class:

- http `basic` -> `BasicAuth(username, password)`;
- http `bearer`, `oauth2`, `openIdConnect` -> `BearerAuth(token, refresh=...)` (one class serves them all);
- `apiKey` (header, query or cookie) -> a class with the scheme's parameter name and location baked
  in: `ApiKeyAuth(key)` when the document declares one apiKey scheme, `<SchemeName>Auth(key)` each
  when it declares several;
- a scheme a profile claims (SuperOffice's `SOTicket` apiKey) -> the profile's class;
- anything else (http `digest`, `mutualTLS`, ...) -> no class: any `httpx.Auth`, or `http_client=`.

A document without security schemes gets no auth class at all (`auth=` still takes any
`httpx.Auth`, and `default_headers=` any header).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.plan.names import as_dict, clean_text, docstring_body, pascal_case, py_str

if TYPE_CHECKING:
    from generator.profiles.base import Profile

AUTH_MODULE = "_auth"
_GENERIC = ("BasicAuth", "BearerAuth")
_LOCATIONS = ("header", "query", "cookie")


@dataclass(frozen=True)
class ProfileAuth:
    """A profile's class for one scheme (returned by `Profile.claim_security_scheme`)."""

    class_name: str
    module: str  # runtime module of the profile that defines it
    template: str  # its template
    signature: str  # `SoTicketAuth(ticket, app_token=None)`, for docstrings
    example: str  # a constructor call for the README
    test_expr: str  # a constructor call for the generated tests
    expected_headers: tuple[tuple[str, str], ...]  # what test_expr sends: (name, value)


@dataclass(frozen=True)
class ApiKeyClassPlan:
    class_name: str
    scheme: str  # the securitySchemes key
    name_literal: str  # the header, query or cookie name, as a Python literal
    location: str  # header | query | cookie
    doc: str  # docstring body (escaped)


@dataclass(frozen=True)
class AuthSchemePlan:
    key: str
    kind: str  # basic | bearer | oauth2 | openIdConnect | apiKey | profile | other
    class_name: str | None  # None: no built-in class (pass any httpx.Auth)
    module: str
    signature: str  # `BasicAuth(username, password)`, or how to authenticate without a class
    example: str  # README: a constructor call ('' without a class)
    description: str  # the scheme's own description, plain text
    test_expr: str = ""  # generated tests: a constructor call
    expected_headers: tuple[tuple[str, str], ...] = ()  # (name, value) test_expr sends
    expected_query: tuple[tuple[str, str], ...] = ()

    @property
    def key_doc(self) -> str:
        return docstring_body(self.key).replace("\n", " ")

    @property
    def description_doc(self) -> str:
        return docstring_body(self.description).replace("\n", " ")


@dataclass(frozen=True)
class AuthPlan:
    schemes: tuple[AuthSchemePlan, ...] = ()
    basic: bool = False
    bearer: bool = False
    api_keys: tuple[ApiKeyClassPlan, ...] = ()
    profile_files: tuple[tuple[str, str], ...] = ()  # (template, module file) of claimed classes

    @property
    def classes(self) -> tuple[str, ...]:
        """Every public auth class, in scheme order, once."""
        return tuple(dict.fromkeys(s.class_name for s in self.schemes if s.class_name))

    @property
    def exports(self) -> tuple[tuple[str, str], ...]:
        found = {s.class_name: s.module for s in self.schemes if s.class_name}
        extra = (("RefreshHook", AUTH_MODULE),) if self.basic or self.bearer or any(found) else ()
        return (*found.items(), *extra)

    @property
    def has_runtime(self) -> bool:
        """Whether the package needs `_auth.py` (its classes, or the base a profile class extends)."""
        return bool(self.basic or self.bearer or self.api_keys or self.profile_files)

    @property
    def with_class(self) -> tuple[AuthSchemePlan, ...]:
        return tuple(s for s in self.schemes if s.class_name)

    @property
    def examples(self) -> tuple[str, ...]:
        """One constructor call per class (README)."""
        return tuple(dict.fromkeys(s.example for s in self.with_class if s.example))

    @property
    def bearer_schemes(self) -> str:
        """`bearer`, `oauth2` (docstring text naming the schemes BearerAuth serves)."""
        return ", ".join(f"``{s.key_doc}``" for s in self.schemes if s.class_name == "BearerAuth")

    @property
    def sensitive_names(self) -> tuple[str, ...]:
        """Lower-case parameter names of apiKey schemes, masked in logs and reprs."""
        return tuple(sorted({_unquote(k.name_literal).lower() for k in self.api_keys}))

    @property
    def client_doc(self) -> str:
        """The client docstring's text for `auth=`."""
        if not self.with_class:
            return "Any httpx.Auth (the API declares no security scheme with a built-in class)."
        names = ", ".join(dict.fromkeys(s.class_name or "" for s in self.with_class))
        return f"{names} (the API's security schemes), or any other httpx.Auth."


def _unquote(literal: str) -> str:
    import ast

    value = ast.literal_eval(literal)
    return value if isinstance(value, str) else ""


def _api_key_class(key: str, taken: set[str], several: bool) -> str:
    base = "ApiKeyAuth"
    if several:
        stem = pascal_case(key) or "ApiKey"
        base = stem if stem.endswith("Auth") else stem + "Auth"
        if not base[0].isalpha():
            base = "Scheme" + base
    name, n = base, 2
    while name in taken:
        name, n = f"{base.removesuffix('Auth')}{n}Auth", n + 1
    taken.add(name)
    return name


def plan_auth(spec: dict[str, Any], profile: Profile | None = None) -> AuthPlan:
    schemes = as_dict(as_dict(spec.get("components")).get("securitySchemes"))
    claims = {}
    for key in sorted(schemes):
        claim = profile.claim_security_scheme(str(key), as_dict(schemes[key])) if profile is not None else None
        if claim is not None:
            claims[str(key)] = claim
    # Counted with the profile's: SuperOffice's xsrfToken beside its soTicket is XsrfTokenAuth.
    api_key_count = sum(1 for v in schemes.values() if str(as_dict(v).get("type", "")).lower() == "apikey")
    taken = set(_GENERIC) | {c.class_name for c in claims.values()}
    plans: list[AuthSchemePlan] = []
    api_keys: list[ApiKeyClassPlan] = []
    basic = bearer = False
    for key in sorted(schemes):
        scheme = as_dict(schemes[key])
        key = str(key)
        kind = str(scheme.get("type", "")).lower()
        http_scheme = str(scheme.get("scheme", "")).lower()
        description = clean_text(scheme.get("description"))
        if key in claims:
            c = claims[key]
            plans.append(
                AuthSchemePlan(
                    key,
                    "profile",
                    c.class_name,
                    c.module,
                    c.signature,
                    c.example,
                    description,
                    c.test_expr,
                    tuple((py_str(n), py_str(v)) for n, v in c.expected_headers),
                )
            )
        elif kind == "http" and http_scheme == "basic":
            basic = True
            plans.append(
                AuthSchemePlan(
                    key,
                    "basic",
                    "BasicAuth",
                    AUTH_MODULE,
                    "BasicAuth(username, password)",
                    'BasicAuth("user", "password")',
                    description,
                    'BasicAuth("sdk-user", "sdk-pass")',
                    ((py_str("Authorization"), py_str("Basic c2RrLXVzZXI6c2RrLXBhc3M=")),),
                )
            )
        elif (kind == "http" and http_scheme == "bearer") or kind in ("oauth2", "openidconnect"):
            bearer = True
            label = {"oauth2": "oauth2", "openidconnect": "openIdConnect"}.get(kind, "bearer")
            plans.append(
                AuthSchemePlan(
                    key,
                    label,
                    "BearerAuth",
                    AUTH_MODULE,
                    "BearerAuth(token, refresh=None)",
                    'BearerAuth("access-token")',
                    description,
                    'BearerAuth("sdk-token")',
                    ((py_str("Authorization"), py_str("Bearer sdk-token")),),
                )
            )
        elif kind == "apikey" and str(scheme.get("name") or "").strip():
            location = str(scheme.get("in") or "header").lower()
            location = location if location in _LOCATIONS else "header"
            wire = str(scheme["name"]).strip()
            name = _api_key_class(key, taken, api_key_count > 1)
            where = {"header": "header", "query": "query parameter", "cookie": "cookie"}[location]
            doc = f"The ``{key}`` security scheme: the key in the ``{wire}`` {where}."
            if description:
                doc += f"\n\n{description}"
            api_keys.append(ApiKeyClassPlan(name, key, py_str(wire), location, docstring_body(doc)))
            expected = ((py_str(wire), py_str("sdk-key")),)
            plans.append(
                AuthSchemePlan(
                    key,
                    "apiKey",
                    name,
                    AUTH_MODULE,
                    f"{name}(key)",
                    f'{name}("my-key")',
                    description,
                    f'{name}("sdk-key")',
                    expected if location == "header" else (),
                    expected if location == "query" else (),
                )
            )
        else:
            how = "mutual TLS: pass http_client=httpx.Client(cert=...)" if kind == "mutualtls" else "any httpx.Auth"
            plans.append(AuthSchemePlan(key, "other", None, AUTH_MODULE, how, "", description))
    files = tuple(dict.fromkeys((c.template, f"{c.module}.py") for c in claims.values()))
    return AuthPlan(tuple(plans), basic, bearer, tuple(api_keys), files)
