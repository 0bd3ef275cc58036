"""What a profile can add to a package, and the one place each addition is applied.

- `adjust_operation`: called once per planned operation (the last step of generator/plan/methods.py), may
  change the method's return type and replace `self._client.request(...)` by a function of
  the profile's runtime (`OperationPlan.call`), e.g. "this list operation returns a page".
- `adjust_model`: called once per planned model (generator/plan/package.py), may add base
  classes (mixins with accessors) and their imports.
- `claim_security_scheme`: called once per declared security scheme (generator/plan/auth.py); a
  profile may implement a scheme with a class of its own runtime (SuperOffice's `SoTicketAuth`).
- `package_plan`: runtime modules (templates rendered into the package), client-class bases
  (e.g. a `for_tenant` constructor), public exports, README sections, optional dependencies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from generator.plan.auth import ProfileAuth
from generator.plan.code import TypeExpr
from generator.plan.errors import ErrorFieldsPlan
from generator.plan.package_plan import ModelPlan, OperationPlan


@dataclass(frozen=True)
class OperationSource:
    """The OpenAPI operation behind an OperationPlan, and a way to type its schemas."""

    path: str
    method: str
    operation: dict[str, Any]
    deref: Callable[[object], dict[str, Any]]
    annotation: Callable[[object, str], TypeExpr]  # (schema, name hint) -> its type (models included)


@dataclass(frozen=True)
class ProfilePlan:
    """A profile's package-level additions; the templates place them."""

    name: str
    files: tuple[tuple[str, str], ...] = ()  # (template name, path inside the package)
    client_bases: tuple[str, str] = ("", "")  # extra first base class of the sync / async client
    client_imports: tuple[str, ...] = ()  # module-level imports of _client.py for those bases
    exports: tuple[tuple[str, str], ...] = ()  # (public name, module) re-exported by __init__
    readme_sections: tuple[str, ...] = ()  # template names appended to the README
    optional_dependencies: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (extra, requirements)
    # A sorted tuple, not a set: plan reprs key the module cache, and a set's order (so its repr)
    # changes with each process's string hash seed.
    reserved_client_attributes: tuple[str, ...] = ()
    error_fields: ErrorFieldsPlan | None = None  # the API's own error-body fields (before generic ones)


class Profile(Protocol):
    name: str

    def adjust_operation(self, plan: OperationPlan, source: OperationSource) -> OperationPlan: ...

    def adjust_model(self, model: ModelPlan) -> ModelPlan: ...

    def package_plan(self, package_name: str) -> ProfilePlan: ...

    def claim_security_scheme(self, key: str, scheme: dict[str, Any]) -> ProfileAuth | None: ...
