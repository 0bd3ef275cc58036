"""Schema names from the reference's own evidence, strongest first.

Every property table a page documents (a response body, a request body) is a `TableUse` with the
names its page offers as `Evidence`, ranked:

1. `page-type`: a type the page names (`### Response body: ChatSessionEntity`);
2. `description` / `body-description`: the reference's words about the body (`Carrier object for
   Currency.`, `ContactEntity entity with API _Links added.`, `The CurrencyEntity to be created.`);
3. `summary`: the operation's summary (`Gets an array of Task objects.`);
4. `owner`: property descriptions that name their own type (`The child items of the
   SelectableMDOListItem`);
5. `response-entity`: a request body whose columns the same page's (named) response holds is that
   entity, so what a user GETs round-trips through the PUT/POST;
6. `confirmed-identity`: the operation's name when other pages name that type in words
   (`GetTaskList` -> `Task`, `SaveTaskEntity` -> `TaskEntity`);
7. `sibling`: a table named by the evidence above with the same (or nearly the same) columns;
8. `subject` / `identity`: the noun the rows describe themselves with (`The Element FullName`), the
   bare operation name (`GetCheckoutState` -> `CheckoutState`); identical tables of the same
   endpoint family then share that name;
9. `fallback`: a name derived from the operation, reported as `schema-unnamed`.

Evidence is weighed, not counted: a candidate whose known columns (from its best supported claims)
contradict the table is not used, nor a `Response body:` heading that pages also put on bodiless
responses (the published pages' stale `TimeZoneData`) unless other evidence backs it; the next
candidate is tried. Names depend on what the pages say, not on their order, so adding a page
renames only the models it describes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from generator.parse.page_model import Property
from generator.spec.schema_registry import Registry, pascal, singular

if TYPE_CHECKING:
    from generator.spec.operation_drafts import OperationDraft

PAGE_TYPE = 90
DESCRIPTION = 80
BODY_DESCRIPTION = 75  # a request body's words: its table may omit read-only columns
SUMMARY = 70
OWNER = 60
RESPONSE_ENTITY = 55
CONFIRMED_IDENTITY = 50  # the operation's name, when other pages name that type in words
SIBLING = 20  # a named table with the same columns (the evidence below only names what this leaves open)
SUBJECT = 17
IDENTITY = 15
FALLBACK = 0
KIND_OF_RANK = {
    PAGE_TYPE: "page-type",
    DESCRIPTION: "description",
    BODY_DESCRIPTION: "body-description",
    SUMMARY: "summary",
    OWNER: "owner",
    RESPONSE_ENTITY: "response-entity",
    CONFIRMED_IDENTITY: "confirmed-identity",
    SUBJECT: "subject",
    IDENTITY: "identity",
    SIBLING: "sibling",
    FALLBACK: "fallback",
}
# A table is the schema a sibling page names when it (nearly) has the same columns.
NEAR_MATCH = 0.9
# Columns of a named schema and of a table contradict each other below this Jaccard index,
# unless one holds the other (a request table that omits read-only columns).
CONTRADICTS = 0.5


@dataclass(frozen=True)
class Evidence:
    name: str
    rank: int
    text: str  # the words (or rule) that gave the name
    file: str
    line: int

    @property
    def kind(self) -> str:
        return KIND_OF_RANK[self.rank]


@dataclass
class TableUse:
    """One property table on one page, waiting for its name."""

    draft: OperationDraft
    attribute: str  # "request" | "response"
    props: tuple[Property, ...]
    is_array: bool
    fallback: str
    owner: str  # v1ListAgent_X -> ListAgent, for qualifying fallback names
    description: str = ""
    partner: TableUse | None = None  # a request body's page response, for the response-entity rule
    evidence: list[Evidence] = field(default_factory=list)
    chosen: Evidence | None = None
    rejected: list[tuple[Evidence, str]] = field(default_factory=list)

    @cached_property
    def signature(self) -> frozenset[str]:
        # Asked for ~17,000 times while naming; `props` never changes after the use is made.
        return frozenset(prop.name for prop in self.props)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def contradicts(table: frozenset[str], known: frozenset[str]) -> bool:
    if not known or not table or table <= known or known <= table:
        return False
    return _jaccard(table, known) < CONTRADICTS


class Namer:
    """Decides every table's name from its evidence (see module docstring)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._uses: list[TableUse] = []

    def decide(self, uses: list[TableUse]) -> None:
        self._uses = uses
        self._confirm_identities(uses)
        known = self._known_columns(uses)
        # Responses first: a request body may be the entity its page's response is.
        ordered = sorted(uses, key=lambda u: u.attribute != "response")
        for use in ordered:
            self._entity_body(use, known)
            self._choose(use, known, above=SIBLING)
        # Tables that the page leaves unnamed join a named table with their columns, and only
        # then does weaker evidence (a row subject, the bare operation name) name them.
        self._siblings(uses)
        for use in ordered:
            if use.chosen is None:
                self._choose(use, known, above=FALLBACK)
        self._siblings(uses)
        self._fallbacks(uses)
        for use in uses:
            chosen = use.chosen
            assert chosen is not None
            self.registry.note_name(chosen.name, chosen.kind, chosen.text, chosen.file, chosen.line)
            for evidence, why in use.rejected:
                self.registry.note_name(
                    evidence.name, "rejected", f"not used for a table on this page: {why}", evidence.file, evidence.line
                )

    def _choose(self, use: TableUse, known: dict[str, frozenset[str]], above: int) -> None:
        for evidence in sorted(use.evidence, key=lambda e: -e.rank):
            if evidence.rank <= above:
                break
            if self._artefact(use, evidence):
                reason = (
                    "pages also put this heading on responses without content, and nothing else names this table so"
                )
                if (evidence, reason) not in use.rejected:
                    use.rejected.append((evidence, reason))
                continue
            columns = known.get(evidence.name, frozenset())
            if contradicts(use.signature, columns):
                if (evidence, _difference(use.signature, columns)) not in use.rejected:
                    use.rejected.append((evidence, _difference(use.signature, columns)))
                continue
            use.chosen = evidence
            return

    def _artefact(self, use: TableUse, evidence: Evidence) -> bool:
        """A page-type heading whose name the reference also puts on bodiless responses, with no
        other evidence (on this page, or words on another page with these columns) behind it."""
        if evidence.rank != PAGE_TYPE or evidence.name not in self.registry.bodiless_names:
            return False
        if any(other.name == evidence.name and other is not evidence for other in use.evidence):
            return False
        return not any(
            other is not use
            and any(e.name == evidence.name and SUMMARY <= e.rank < PAGE_TYPE for e in other.evidence)
            and not contradicts(use.signature, other.signature)
            for other in self._uses
        )

    @staticmethod
    def _confirm_identities(uses: list[TableUse]) -> None:
        """An operation's name counts for more when other pages name that type in words."""
        stated: defaultdict[str, set[int]] = defaultdict(set)
        for use in uses:
            for evidence in use.evidence:
                if evidence.rank >= SUMMARY:
                    stated[evidence.name].add(id(use))
        for use in uses:
            use.evidence = [
                Evidence(e.name, CONFIRMED_IDENTITY, f"{e.text}, a type other pages name", e.file, e.line)
                if e.rank == IDENTITY and stated.get(e.name, set()) - {id(use)}
                else e
                for e in use.evidence
            ]

    @staticmethod
    def _entity_body(use: TableUse, known: dict[str, frozenset[str]]) -> None:
        """A request body holding most of its page's named response columns (and no others) is that entity."""
        partner = use.partner
        if partner is None or partner.chosen is None or partner.chosen.rank < IDENTITY or partner.is_array:
            return
        columns = partner.signature | known.get(partner.chosen.name, frozenset())
        if len(use.signature) >= 3 and use.signature <= columns and 2 * len(use.signature) >= len(partner.signature):
            use.evidence.append(
                Evidence(
                    partner.chosen.name,
                    RESPONSE_ENTITY,
                    f"its columns are the response's {partner.chosen.name} columns",
                    use.draft.page.file,
                    use_line(use),
                )
            )

    def _known_columns(self, uses: list[TableUse]) -> dict[str, frozenset[str]]:
        """Each name's columns as its strongest claims document them.

        A name offered with the same rank by tables of different columns keeps the columns of the
        best supported group of pages that agree: a page whose other evidence repeats the name
        counts twice (ties: the larger table, then the columns in order), so an artefact heading
        on a few pages does not decide what the type is.
        """
        claims: defaultdict[str, list[tuple[int, frozenset[str], int]]] = defaultdict(list)
        for use in uses:
            if not use.props:
                continue
            for evidence in use.evidence:
                if evidence.rank == PAGE_TYPE and evidence.name in self.registry.bodiless_names:
                    continue
                weight = 1 + sum(1 for other in use.evidence if other.name == evidence.name and other is not evidence)
                claims[evidence.name].append((evidence.rank, use.signature, weight))
        known: dict[str, frozenset[str]] = {}
        for name, offered in claims.items():
            top = max(rank for rank, _, _ in offered)
            groups: list[tuple[frozenset[str], int]] = []
            for rank, sig, weight in offered:
                if rank != top:
                    continue
                for index, (columns, support) in enumerate(groups):
                    if not contradicts(sig, columns):
                        groups[index] = (columns | sig, support + weight)
                        break
                else:
                    groups.append((sig, weight))
            best = max(groups, key=lambda group: (group[1], len(group[0]), sorted(group[0])))
            known[name] = best[0]
        return known

    def _siblings(self, uses: list[TableUse]) -> None:
        """Tables that name nothing take the name of a named table with (nearly) the same columns.

        A name that only an operation's name or a row subject gave speaks for its own agent or
        entity: another owner's identical tables (the OData `GetAll` results of every entity) do
        not take one operation's name.
        """
        named: defaultdict[frozenset[str], dict[str, tuple[int, set[str]]]] = defaultdict(dict)
        for use in uses:
            if use.chosen is not None and use.props:
                rank, owners = named[use.signature].get(use.chosen.name, (0, set()))
                named[use.signature][use.chosen.name] = (max(rank, use.chosen.rank), owners | {_family(use.owner)})
        by_key: defaultdict[str, set[frozenset[str]]] = defaultdict(set)
        ordered: dict[frozenset[str], tuple[str, ...]] = {}  # each signature's columns sorted, once
        for signature in named:
            ordered[signature] = tuple(sorted(signature))
            for key in signature:
                by_key[key].add(signature)
        for use in uses:
            if use.chosen is not None or not use.props:
                continue
            signature = use.signature
            candidates = [signature] if signature in named else []
            if len(signature) >= 5:
                rarest = sorted(signature, key=lambda key: (len(by_key.get(key, ())), key))
                scored = sorted(
                    {
                        (_jaccard(signature, other), ordered[other], other)
                        for key in rarest[: len(rarest) // 10 + 1]
                        for other in by_key.get(key, ())
                    },
                    reverse=True,
                )
                candidates += [other for score, _, other in scored if score >= NEAR_MATCH and other != signature]
            for other in candidates:
                match = {
                    name: rank
                    for name, (rank, owners) in named[other].items()
                    if rank > SIBLING or _family(use.owner) in owners
                }
                if match:
                    name = max(sorted(match), key=lambda candidate: match[candidate])
                    use.chosen = Evidence(name, SIBLING, "a named table with the same columns", use.draft.page.file, 0)
                    break

    def _fallbacks(self, uses: list[TableUse]) -> None:
        """Operation-derived names for what the docs leave open.

        Unnamed tables with the same columns are one type, named after the operation most of them
        come from (ties: alphabetically, never by page order). A type of one owner carries the owner's
        name (`DocumentAgentCheckinDocumentResult`), so another owner's page with the same
        operation name never renames it; one that several owners share keeps the plain name
        (the OData `GetAllResult`).
        """
        groups: defaultdict[frozenset[str], list[TableUse]] = defaultdict(list)
        for use in uses:
            if use.chosen is None:
                groups[use.signature if use.props else frozenset({f"#{id(use)}"})].append(use)
        taken = {use.chosen.name for use in uses if use.chosen is not None}
        plain: defaultdict[str, int] = defaultdict(int)
        for group in groups.values():
            if len({use.owner for use in group}) > 1:
                plain[_common_fallback(group)] += 1
        for group in groups.values():
            owners = sorted({use.owner for use in group})
            fallback = _common_fallback(group)
            shared = len(owners) > 1 and plain[fallback] == 1 and fallback not in taken
            name = fallback if shared else f"{owners[0]}{fallback}"
            for use in group:
                use.chosen = Evidence(
                    name, FALLBACK, f"derived from the operation {use.fallback}", use.draft.page.file, use_line(use)
                )
                self.registry.diags.info(
                    use.draft.page.file,
                    use_line(use),
                    "schema-unnamed",
                    f"the {use.attribute} table names no type; named {name} after the operation",
                )


def _family(owner: str) -> str:
    """`TimeZoneAgent`, `TimeZone` and `TimeZoneEntity` are one family of endpoints."""
    for suffix in ("Agent", "Entity", "List"):
        if owner.endswith(suffix) and len(owner) > len(suffix):
            return owner[: -len(suffix)]
    return owner


def _common_fallback(group: list[TableUse]) -> str:
    counts: defaultdict[str, int] = defaultdict(int)
    for use in group:
        counts[use.fallback] += 1
    return min(counts, key=lambda name: (-counts[name], name))


def _difference(table: frozenset[str], known: frozenset[str]) -> str:
    missing = sorted(known - table)[:4]
    extra = sorted(table - known)[:4]
    return f"its known columns lack {', '.join(extra) or '-'}; the table lacks {', '.join(missing) or '-'}"


def use_line(use: TableUse) -> int:
    return use.props[0].line if use.props else 0


# -- the endpoint's identity ------------------------------------------------------------------

# Verbs that, leading an operation name, leave the name of the type it returns or takes.
_RETURNING_VERBS = (
    "CreateDefault",
    "CreateOrUpdate",
    "GetNew",
    "Default",
    "Get",
    "Save",
    "Put",
    "Post",
    "Patch",
    "Create",
    "Update",
)
_TAKING_VERBS = ("Save", "Put", "Post", "Patch", "CreateOrUpdate", "Create", "Update", "Validate", "Set")


def identity_name(op_name: str, is_array: bool, taking: bool) -> str:
    """`GetTaskList` (array) -> `Task`; `GetTask` -> `Task`; `SaveTaskEntity` -> `TaskEntity`."""
    for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        # `v1Archive_GetArchive_GET`: the method suffix tells pages of one name apart.
        if op_name.endswith(method) and not op_name[-len(method) - 1 : -len(method)].isupper():
            op_name = op_name[: -len(method)]
    for verb in _TAKING_VERBS if taking else _RETURNING_VERBS:
        if op_name.startswith(verb) and op_name[len(verb) : len(verb) + 1].isupper():
            noun = op_name[len(verb) :]
            break
    else:
        return ""
    noun = _without_qualifier(noun)
    if is_array:
        noun = noun.removesuffix("List") if noun.endswith("List") and len(noun) > 4 else singular(noun)
    # `GetAll`, `GetByName`: a word that names no type.
    if not noun[:1].isupper() or noun.startswith(("All", "By", "For", "From")) or len(noun) < 3:
        return ""
    return pascal(noun)


_QUALIFIERS = ("By", "From", "For", "On", "With", "In", "And")


def _without_qualifier(noun: str) -> str:
    """`BatchTaskInfosByAssociate` -> `BatchTaskInfos`: what follows By/From/For/... selects, it is no type."""
    humps = [i for i, ch in enumerate(noun) if ch.isupper()]
    for start in humps[1:]:
        if any(
            noun.startswith(word, start) and noun[start + len(word) : start + len(word) + 1].isupper()
            for word in _QUALIFIERS
        ):
            return noun[:start]
    return noun.rstrip("0123456789")
