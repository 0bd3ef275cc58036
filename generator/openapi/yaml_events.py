"""JSON-like values -> YAML through libyaml's emitter, without PyYAML's representer.

`yaml.dump` with the C dumper still builds a node per value in Python (representer, resolver
descending and ascending per node, implicit-tag regexes twice per scalar): about three quarters of
writing a 13 MB spec. Here the same events go straight to the C emitter, and each distinct scalar's
event is made once per dump (a spec repeats `type`, `string`, `description`... hundreds of
thousands of times). The events are exactly those PyYAML's serializer makes for a `SafeDumper`
with no aliases and block style (same tags, same implicit flags from the same resolver), so the
text is the same bytes. Values of any other type (a tuple, a str subclass...) raise `Unsupported`;
the caller then uses `yaml.dump`.
"""

from __future__ import annotations

import io
from typing import Any

STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class Unsupported(Exception):
    """A value the event writer does not represent exactly as PyYAML's SafeRepresenter would."""


class EventWriter:
    """Writes one `{key: value}` document per call; scalar events are shared between calls."""

    def __init__(self, dumper_class: Any, **options: Any) -> None:
        from yaml import events

        self._events = events
        self._dumper_class = dumper_class
        self._options = options
        self._resolver = dumper_class(io.StringIO(), **options)  # only its resolve() is used
        self._scalars: dict[tuple[type, Any], Any] = {}
        self._map_start = events.MappingStartEvent(None, _MAP_TAG, True, flow_style=False)
        self._map_end = events.MappingEndEvent()
        self._seq_start = events.SequenceStartEvent(None, _SEQ_TAG, True, flow_style=False)
        self._seq_end = events.SequenceEndEvent()

    def dump(self, value: Any) -> str:
        """What `yaml.dump(value, Dumper=dumper_class, **options)` returns."""
        events = self._events
        stream = io.StringIO()
        dumper = self._dumper_class(stream, **self._options)
        emit = dumper.emit
        emit(events.StreamStartEvent())
        emit(events.DocumentStartEvent(explicit=False))
        self._node(value, emit)
        emit(events.DocumentEndEvent(explicit=False))
        emit(events.StreamEndEvent())
        dumper.dispose()
        return stream.getvalue()

    def _node(self, value: Any, emit: Any) -> None:
        kind = type(value)
        if kind is dict:
            emit(self._map_start)
            for key, item in value.items():
                self._node(key, emit)
                self._node(item, emit)
            emit(self._map_end)
        elif kind is list:
            emit(self._seq_start)
            for item in value:
                self._node(item, emit)
            emit(self._seq_end)
        elif kind is float:  # not shared: 0.0 and -0.0 are equal keys with different texts
            emit(self._scalar(kind, value))
        else:
            event = self._scalars.get((kind, value))
            if event is None:
                event = self._scalars[(kind, value)] = self._scalar(kind, value)
            emit(event)

    def _scalar(self, kind: type, value: Any) -> Any:
        """The event of SafeRepresenter's node for `value`, with the serializer's implicit flags."""
        if kind is str:
            tag, text = STR_TAG, value
        elif kind is bool:
            tag, text = "tag:yaml.org,2002:bool", "true" if value else "false"
        elif kind is int:
            tag, text = "tag:yaml.org,2002:int", str(value)
        elif kind is float:
            tag, text = "tag:yaml.org,2002:float", _float_text(value)
        elif value is None:
            tag, text = "tag:yaml.org,2002:null", "null"
        else:
            raise Unsupported(kind.__name__)
        from yaml.nodes import ScalarNode

        resolve = self._resolver.resolve
        implicit = (resolve(ScalarNode, text, (True, False)) == tag, resolve(ScalarNode, text, (False, True)) == tag)
        return self._events.ScalarEvent(None, tag, implicit, text, style=None)


def _float_text(value: float) -> str:
    """SafeRepresenter.represent_float's text."""
    if value != value:
        return ".nan"
    if value == float("inf"):
        return ".inf"
    if value == float("-inf"):
        return "-.inf"
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    return text
