"""Comparing one pair of matched operations: identity, parameters, request body, responses, security."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.diff.changes import ChangeKind
from generator.diff.classify import BOTH
from generator.diff.documents import as_dict
from generator.diff.operations import PLACEHOLDER, Operation, normalise_path
from generator.diff.recorder import REQUEST, RESPONSE, Where
from generator.diff.schema_compare import SchemaComparer
from generator.openapi import escape_token


class OperationComparer(SchemaComparer):
    """Operation-level comparison; schemas inside requests and responses go through `schema`."""

    def operation(self, o: Operation, n: Operation) -> None:
        where = Where(directions=BOTH, operation=n.key, tag=n.tag)
        loc = n.location
        if o.path != n.path and normalise_path(o.path) != normalise_path(n.path):
            self.emit(
                ChangeKind.OPERATION_PATH_CHANGED, where, loc, f"path changed from {o.path} to {n.path}", o.path, n.path
            )
        if o.method != n.method:
            self.emit(
                ChangeKind.OPERATION_METHOD_CHANGED,
                where,
                loc,
                f"method changed from {o.method.upper()} to {n.method.upper()}",
                o.method.upper(),
                n.method.upper(),
            )
        if o.operation_id != n.operation_id:
            self.emit(
                ChangeKind.OPERATION_ID_CHANGED,
                where,
                f"{loc}/operationId",
                f"operationId changed from {o.operation_id} to {n.operation_id}",
                o.operation_id,
                n.operation_id,
            )
        if o.tag != n.tag:
            self.emit(
                ChangeKind.OPERATION_TAG_CHANGED,
                where,
                f"{loc}/tags",
                f"tag changed from {o.tag} to {n.tag}",
                o.tag,
                n.tag,
            )
        if not o.node.get("deprecated") and n.node.get("deprecated"):
            self.emit(ChangeKind.OPERATION_DEPRECATED, where, f"{loc}/deprecated", "operation deprecated", False, True)
        self.docs(where, f"{loc}/summary", o.node.get("summary"), n.node.get("summary"), "summary")
        self.docs(where, f"{loc}/description", o.node.get("description"), n.node.get("description"))
        self.parameters(o, n, where, loc)
        self.request_body(o, n, where, loc)
        self.responses(o, n, where, loc)
        self.security(o, n, where, loc)

    def parameters(self, o: Operation, n: Operation, where: Where, loc: str) -> None:
        req = Where(REQUEST, where.operation, where.tag)

        def key(p: Mapping[str, Any]) -> tuple[str, str]:
            name = str(p.get("name", ""))
            return (str(p.get("in", "")), name.lower() if p.get("in") == "header" else name)

        olds = {key(p): p for p in o.parameters}
        news = {key(p): p for p in n.parameters}
        pairs: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []
        # Path parameters are matched by position in the template; a new name is a rename.
        o_names, n_names = PLACEHOLDER.findall(o.path), PLACEHOLDER.findall(n.path)
        if len(o_names) == len(n_names):
            for on, nn in zip(o_names, n_names, strict=False):
                op, np_ = olds.pop(("path", on), None), news.pop(("path", nn), None)
                if op is not None and np_ is not None:
                    if on != nn:
                        self.emit(
                            ChangeKind.PARAMETER_RENAMED,
                            req,
                            f"{loc}/parameters/path/{escape_token(nn)}",
                            f"path parameter {on} renamed to {nn}",
                            on,
                            nn,
                        )
                    pairs.append((op, np_))
                elif op is not None:
                    olds[("path", on)] = op
                elif np_ is not None:
                    news[("path", nn)] = np_
        for k in sorted(olds.keys() & news.keys()):
            pairs.append((olds.pop(k), news.pop(k)))
        # Same name, other location.
        by_name_new = {k[1]: k for k in news}
        for k in sorted(olds):
            nk = by_name_new.get(k[1])
            if nk is not None and nk in news:
                op, np_ = olds.pop(k), news.pop(nk)
                self.emit(
                    ChangeKind.PARAMETER_LOCATION_CHANGED,
                    req,
                    f"{loc}/parameters/{escape_token(nk[0])}/{escape_token(str(np_.get('name')))}",
                    f"parameter {np_.get('name')} moved from {k[0]} to {nk[0]}",
                    k[0],
                    nk[0],
                )
                pairs.append((op, np_))
        for k, p in sorted(olds.items()):
            self.emit(
                ChangeKind.PARAMETER_REMOVED,
                req,
                f"{o.location}/parameters/{escape_token(k[0])}/{escape_token(str(p.get('name')))}",
                f"{k[0]} parameter {p.get('name')} removed",
                p.get("name"),
                None,
            )
        for k, p in sorted(news.items()):
            required = bool(p.get("required")) or k[0] == "path"
            self.emit(
                ChangeKind.PARAMETER_ADDED,
                req,
                f"{loc}/parameters/{escape_token(k[0])}/{escape_token(str(p.get('name')))}",
                f"{'required' if required else 'optional'} {k[0]} parameter {p.get('name')} added",
                None,
                p.get("name"),
                required=required,
            )
        for op, np_ in pairs:
            ploc = f"{loc}/parameters/{escape_token(str(np_.get('in')))}/{escape_token(str(np_.get('name')))}"
            was = bool(op.get("required")) or op.get("in") == "path"
            now = bool(np_.get("required")) or np_.get("in") == "path"
            if was != now:
                self.emit(
                    ChangeKind.PARAMETER_REQUIRED_CHANGED,
                    req,
                    ploc,
                    f"parameter {np_.get('name')} {'now required' if now else 'no longer required'}",
                    was,
                    now,
                    required=now,
                    old_required=was,
                )
            self.docs(req, ploc, op.get("description"), np_.get("description"))
            self.schema(op.get("schema"), np_.get("schema"), req, f"{ploc}/schema")

    def request_body(self, o: Operation, n: Operation, where: Where, loc: str) -> None:
        req = Where(REQUEST, where.operation, where.tag)
        rloc = f"{loc}/requestBody"
        ob = self.old.deref(o.node.get("requestBody")) if "requestBody" in o.node else None
        nb = self.new.deref(n.node.get("requestBody")) if "requestBody" in n.node else None
        if ob is None and nb is None:
            return
        if nb is None:
            self.emit(ChangeKind.REQUEST_BODY_REMOVED, req, rloc, "request body removed")
            return
        if ob is None:
            required = bool(nb.get("required"))
            self.emit(
                ChangeKind.REQUEST_BODY_ADDED,
                req,
                rloc,
                f"{'required' if required else 'optional'} request body added",
                required=required,
            )
            return
        was, now = bool(ob.get("required")), bool(nb.get("required"))
        if was != now:
            self.emit(
                ChangeKind.REQUEST_BODY_REQUIRED_CHANGED,
                req,
                f"{rloc}/required",
                f"request body {'now required' if now else 'no longer required'}",
                was,
                now,
                required=now,
                old_required=was,
            )
        flattened = bool(nb.get("x-sdkgen-flatten"))
        if bool(ob.get("x-sdkgen-flatten")) != flattened:
            self.emit(
                ChangeKind.REQUEST_BODY_FLATTEN_CHANGED,
                req,
                f"{rloc}/x-sdkgen-flatten",
                "request body " + ("now" if flattened else "no longer") + " flattened into keyword arguments",
                not flattened,
                flattened,
            )
        oname, nname = ob.get("x-codegen-request-body-name"), nb.get("x-codegen-request-body-name")
        if oname != nname:
            self.emit(
                ChangeKind.REQUEST_BODY_NAME_CHANGED,
                req,
                f"{rloc}/x-codegen-request-body-name",
                f"request body name changed from {oname} to {nname}",
                oname,
                nname,
                flattened=flattened and bool(ob.get("x-sdkgen-flatten")),
            )
        self.docs(req, rloc, ob.get("description"), nb.get("description"))
        self.content(ob.get("content"), nb.get("content"), req, rloc)

    def content(self, oc: Any, nc: Any, where: Where, loc: str) -> None:
        oc = oc if isinstance(oc, dict) else {}
        nc = nc if isinstance(nc, dict) else {}
        for media in sorted(oc.keys() | nc.keys()):
            mloc = f"{loc}/content/{escape_token(media)}"
            if media not in nc:
                self.emit(ChangeKind.MEDIA_TYPE_REMOVED, where, mloc, f"media type {media} removed", media, None)
            elif media not in oc:
                self.emit(ChangeKind.MEDIA_TYPE_ADDED, where, mloc, f"media type {media} added", None, media)
            else:
                o_schema = as_dict(oc[media]).get("schema")
                n_schema = as_dict(nc[media]).get("schema")
                if o_schema is not None or n_schema is not None:
                    self.schema(o_schema, n_schema, where, f"{mloc}/schema")

    def responses(self, o: Operation, n: Operation, where: Where, loc: str) -> None:
        res = Where(RESPONSE, where.operation, where.tag)
        # Status codes as text: YAML reads an unquoted 200 as an integer key.
        ors = {str(k): v for k, v in as_dict(o.node.get("responses")).items()}
        nrs = {str(k): v for k, v in as_dict(n.node.get("responses")).items()}
        for code in sorted(ors.keys() | nrs.keys()):
            rloc = f"{loc}/responses/{escape_token(code)}"
            o_r, n_r = ors.get(code), nrs.get(code)
            if n_r is None:
                self.emit(
                    ChangeKind.RESPONSE_REMOVED,
                    res,
                    rloc,
                    f"response {code} removed",
                    code,
                    None,
                    success=code.startswith("2") or code == "default",
                )
            elif o_r is None:
                self.emit(ChangeKind.RESPONSE_ADDED, res, rloc, f"response {code} added", None, code)
            else:
                ob, nb = self.old.deref(o_r), self.new.deref(n_r)
                self.docs(res, rloc, ob.get("description"), nb.get("description"))
                self.content(ob.get("content"), nb.get("content"), res, rloc)

    def security(self, o: Operation, n: Operation, where: Where, loc: str) -> None:
        if "security" not in o.node and "security" not in n.node:
            return  # both follow the document-wide requirement, compared once in global_security
        self.security_lists(
            o.node.get("security", self.old.doc.get("security")),
            n.node.get("security", self.new.doc.get("security")),
            where,
            f"{loc}/security",
        )

    def security_lists(self, old: Any, new: Any, where: Where, loc: str) -> None:
        old_alts, new_alts = _security_alternatives(old), _security_alternatives(new)
        was_open = not old_alts or frozenset() in old_alts
        for alt in sorted(old_alts - new_alts, key=sorted):
            text = " + ".join(sorted(alt)) or "anonymous access"
            self.emit(
                ChangeKind.SECURITY_REMOVED, where, loc, f"security requirement {text} removed", sorted(alt), None
            )
        for alt in sorted(new_alts - old_alts, key=sorted):
            text = " + ".join(sorted(alt)) or "anonymous access"
            self.emit(
                ChangeKind.SECURITY_ADDED,
                where,
                loc,
                f"security requirement {text} added",
                None,
                sorted(alt),
                was_open=was_open and bool(alt),
            )


def _security_alternatives(security: Any) -> frozenset[frozenset[str]]:
    """Security requirement list -> set of alternatives, each a set of `scheme[scopes]` texts."""
    if not isinstance(security, list):
        return frozenset()
    alts = set()
    for requirement in security:
        if isinstance(requirement, dict):
            alts.add(
                frozenset(
                    f"{name}[{','.join(sorted(map(str, scopes)))}]"
                    if isinstance(scopes, list) and scopes
                    else str(name)
                    for name, scopes in requirement.items()
                )
            )
    return frozenset(alts)
