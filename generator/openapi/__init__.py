"""Reading OpenAPI 3.0/3.1 documents: one home for what plan, diff, the parser's checks and the
tests all need (loading, `$ref` and JSON pointers, nullability, the operations of a document)."""

from generator.openapi.load import SpecLoadError, load_document
from generator.openapi.paths import (
    HTTP_METHODS,
    OperationRef,
    iter_operations,
    merge_parameters,
    template_variables,
    wire_path,
)
from generator.openapi.refs import deref, escape_token, pointer_of, resolve_pointer, unescape_token
from generator.openapi.schema import is_null_schema, schema_types

__all__ = [
    "HTTP_METHODS",
    "OperationRef",
    "SpecLoadError",
    "deref",
    "escape_token",
    "is_null_schema",
    "iter_operations",
    "load_document",
    "merge_parameters",
    "pointer_of",
    "resolve_pointer",
    "schema_types",
    "template_variables",
    "unescape_token",
    "wire_path",
]
