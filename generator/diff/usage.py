"""Which operations use a component schema, and in which direction (request, response).

A schema is used by an operation when the operation's parameters, request body or responses
reference it directly or through other schemas. Reference graphs of real APIs are cyclic
(`Contact.Persons -> Person.Contact -> Contact`), so:

- directions are propagated over the strongly connected components in topological order,
  O(schemas + references) per document, for every schema;
- the operations using a schema are found by walking the reversed graph from that schema, only for
  the schemas that actually changed, and memoised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from generator.diff.changes import Direction

Graph = Mapping[str, frozenset[str]]


def strongly_connected(nodes: Iterable[str], edges: Callable[[str], Iterable[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative; components come out sinks first (reverse topological order)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: list[list[str]] = []
    counter = 0
    for start in nodes:
        if start in index:
            continue
        work: list[tuple[str, list[str]]] = [(start, sorted(edges(start)))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, todo = work[-1]
            if todo:
                child = todo.pop()
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, sorted(edges(child))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                result.append(component)
    return result


def propagate_directions(graph: Graph, roots: Mapping[str, set[Direction]]) -> dict[str, frozenset[Direction]]:
    """Directions of every schema reachable from the operation roots."""
    components = strongly_connected(sorted(graph.keys() | roots.keys()), lambda n: graph.get(n, ()))
    component_of = {name: i for i, members in enumerate(components) for name in members}
    flags: list[set[Direction]] = [set() for _ in components]
    for name, directions in roots.items():
        flags[component_of[name]] |= directions
    # Sources come last in Tarjan's output: walk it backwards so each component is complete
    # before it is pushed to the components it references.
    for i in range(len(components) - 1, -1, -1):
        if not flags[i]:
            continue
        for member in components[i]:
            for child in graph.get(member, ()):
                j = component_of[child]
                if j != i:
                    flags[j] |= flags[i]
    return {name: frozenset(flags[component_of[name]]) for name in component_of if flags[component_of[name]]}


class SchemaUsage:
    """Usage of component schemas over one or more documents (old and new are merged)."""

    def __init__(self) -> None:
        self._directions: dict[str, set[Direction]] = {}
        self._reverse: list[dict[str, set[str]]] = []
        self._root_ops: list[dict[str, set[str]]] = []
        self._users: dict[str, tuple[str, ...]] = {}

    def add_document(self, graph: Graph, op_roots: Iterable[tuple[str, Iterable[str], Iterable[str]]]) -> None:
        """`op_roots`: (operation key, schemas its request references, schemas its responses reference)."""
        roots: dict[str, set[Direction]] = {}
        root_ops: dict[str, set[str]] = {}
        for key, request, response in op_roots:
            for names, direction in ((request, Direction.REQUEST), (response, Direction.RESPONSE)):
                for name in names:
                    roots.setdefault(name, set()).add(direction)
                    root_ops.setdefault(name, set()).add(key)
        for name, directions in propagate_directions(graph, roots).items():
            self._directions.setdefault(name, set()).update(directions)
        reverse: dict[str, set[str]] = {}
        for name, children in graph.items():
            for child in children:
                reverse.setdefault(child, set()).add(name)
        self._reverse.append(reverse)
        self._root_ops.append(root_ops)

    def directions(self, name: str) -> frozenset[Direction]:
        return frozenset(self._directions.get(name, ()))

    def users(self, name: str) -> tuple[str, ...]:
        """Sorted keys of the operations that use `name` in any of the documents."""
        cached = self._users.get(name)
        if cached is not None:
            return cached
        found: set[str] = set()
        for reverse, root_ops in zip(self._reverse, self._root_ops, strict=False):
            seen = {name}
            stack = [name]
            while stack:
                current = stack.pop()
                found |= root_ops.get(current, set())
                for parent in reverse.get(current, ()):
                    if parent not in seen:
                        seen.add(parent)
                        stack.append(parent)
        result = tuple(sorted(found))
        self._users[name] = result
        return result
