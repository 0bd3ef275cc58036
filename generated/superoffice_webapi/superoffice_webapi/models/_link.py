"""Connects model modules that refer to each other without importing them recursively.

Model modules import the models they refer to for type checkers only. At runtime each one
calls `link(cls, {name: module})` after defining its class. The first call on a thread
imports the whole dependency closure from a work queue (nested calls only queue their
class), and puts each referenced class into the referring module's namespace, so pydantic
resolves the string annotations when a model is first used. Very deep graphs (long `$ref`
chains) get every `_CHECKPOINT`-th level built from the leaves up, so pydantic never
recurses through more than `_CHECKPOINT` unbuilt models.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Mapping

from .._models import BaseModel

__all__ = ["link"]

_CHECKPOINT = 32


class _State(threading.local):
    def __init__(self) -> None:
        self.queue: list[tuple[type[BaseModel], Mapping[str, str]]] = []
        self.linking = False


_state = _State()


def link(model: type[BaseModel], deps: Mapping[str, str]) -> None:
    _state.queue.append((model, deps))
    if _state.linking:
        return
    _state.linking = True
    graph: dict[type[BaseModel], list[type[BaseModel]]] = {}
    try:
        index = 0
        while index < len(_state.queue):
            cls, names = _state.queue[index]
            index += 1
            namespace = vars(sys.modules[cls.__module__])
            targets: list[type[BaseModel]] = []
            for name, module in names.items():
                full_name = f"{__package__}.{module}"
                target_module = sys.modules.get(full_name)
                if target_module is None:
                    target_module = importlib.import_module(full_name)
                target = getattr(target_module, name)
                namespace[name] = target
                targets.append(target)
            graph[cls] = targets
    finally:
        _state.queue.clear()
        _state.linking = False
    _build_deep_levels(graph)


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
