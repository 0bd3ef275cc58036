"""Connects model modules that refer to each other, lazily and without recursive imports.

Model modules import the models they refer to for type checkers only. At runtime each one
calls `link(cls, {name: module})` after defining its class, which only records the
references: importing a model module creates one class. The references are bound (the
modules imported, the classes put into the referring module's namespace) when first needed:

- those one field names when a response carrying that field is constructed (`_construct.py`);
- the whole closure when pydantic first builds the model's schema (validation, serialisation,
  a TypeAdapter or an enclosing model), through the hooks on `_models.BaseModel`.

Very deep graphs (long `$ref` chains) get every `_CHECKPOINT`-th level built from the leaves
up when their closure is bound, so pydantic never recurses through more than `_CHECKPOINT`
unbuilt models.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Collection, Mapping

from .._models import BaseModel, set_reference_binder

__all__ = ["link"]

_CHECKPOINT = 32

_references: dict[type[BaseModel], Mapping[str, str]] = {}
_bound: set[type[BaseModel]] = set()  # direct references bound
_closed: set[type[BaseModel]] = set()  # every reference, transitively, bound
_lock = threading.RLock()


def link(model: type[BaseModel], deps: Mapping[str, str]) -> None:
    """Record the models (class name -> module) that `model`'s annotations name."""
    _references[model] = deps


def _bind(
    model: type[BaseModel], closure: bool, names: Collection[str] | None = None
) -> None:
    if model in _closed or (not closure and model in _bound):
        return
    with _lock:
        if not closure:
            _bind_direct(model, names)
            return
        graph: dict[type[BaseModel], list[type[BaseModel]]] = {}
        queue = [model]
        seen = {model}
        index = 0
        while index < len(queue):
            cls = queue[index]
            index += 1
            targets = _bind_direct(cls)
            graph[cls] = targets
            for target in targets:
                if target not in seen and target not in _closed:
                    seen.add(target)
                    queue.append(target)
        _closed.update(graph)
    _build_deep_levels(graph)


def _bind_direct(
    model: type[BaseModel], names: Collection[str] | None = None
) -> list[type[BaseModel]]:
    """Bind the models `model` refers to (only `names` of them, when given)."""
    namespace = vars(sys.modules[model.__module__])
    targets: list[type[BaseModel]] = []
    for name, module in _references.get(model, {}).items():
        if names is not None and name not in names:
            continue
        full_name = f"{__package__}.{module}"
        target_module = sys.modules.get(full_name)
        if target_module is None:
            target_module = importlib.import_module(full_name)
        target = getattr(target_module, name)
        namespace[name] = target
        targets.append(target)
    if names is None:
        _bound.add(model)
    return targets


set_reference_binder(_bind)


def _build_deep_levels(graph: Mapping[type[BaseModel], list[type[BaseModel]]]) -> None:
    """Iterative post-order walk; build models whose height is a multiple of _CHECKPOINT."""
    height: dict[type[BaseModel], int] = {}
    order: list[type[BaseModel]] = []
    for root in graph:
        if root in height:
            continue
        height[root] = 0
        stack = [(root, iter(graph[root]))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if child in graph and child not in height:
                    height[child] = 0
                    stack.append((child, iter(graph[child])))
                    break
            else:
                stack.pop()
                height[node] = 1 + max(
                    (height.get(c, 0) for c in graph[node]), default=0
                )
                order.append(node)
    for cls in order:
        if height[cls] % _CHECKPOINT == 0:
            cls.model_rebuild()
