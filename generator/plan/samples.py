"""OpenAPI document + planned resources -> the generated package's test suite plan.

Every documented sample exchange (`x-samples` on an operation, bodies from the `sample`
examples of the request body and of the response) becomes one test case: how to call the
generated method (arguments decided here, from the sample), what must appear on the wire,
what the mock server answers, and what the typed result must dump back to. The cases are
JSON data (`tests/samples/<resource>.json`): a 3,000-operation API yields megabytes of
sample bodies, which load far faster as JSON than as Python literals (and skip black).

Operations without a sample get one case per named response example of the document (its
own `example`/`examples`, plan/examples.py), or one case of schema-derived placeholders
(plan/placeholders.py): every operation has a wire test, one mechanism for both sources. The
runtime error-path tests pick real operations from the cases, replayed examples first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.jsontext import indented
from generator.plan.auth import AuthPlan
from generator.plan.cases import CaseBuilder, Unusable
from generator.plan.incremental import CaseMemo
from generator.plan.models import SchemaRegistry
from generator.plan.names import as_dict, as_list
from generator.plan.package_plan import (
    AuthCasePlan,
    CasePlan,
    OperationPlan,
    PickedCase,
    ResourcePlan,
    ResourceTestPlan,
    SampleCounts,
    TestSuitePlan,
)

_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


# -- the whole suite -------------------------------------------------------------------------


def _tested_operations(resources: tuple[ResourcePlan, ...]) -> list[tuple[ResourcePlan, OperationPlan]]:
    """The primary methods (variants have no cases of their own), each resource's in document order."""
    return [(r, op) for r in resources for op in r.operations if not op.variant and op.source is not None]


def _auth_cases(auth: AuthPlan) -> tuple[AuthCasePlan, ...]:
    """One case per declared scheme with a class: what its test constructor must send."""
    return tuple(
        AuthCasePlan(s.key, s.test_expr, s.class_name, s.expected_headers, s.expected_query)
        for s in auth.schemes
        if s.class_name and s.test_expr
    )


@dataclass
class _Tally:
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            (
                "operations",
                "with_samples",
                "with_response_sample",
                "cases",
                "skipped",
                "response_compared",
                "example_cases",
                "placeholder_cases",
            ),
            0,
        )
    )
    reasons: dict[str, int] = field(default_factory=dict)  # skip reason kind -> count

    def summary(self) -> SampleCounts:
        return SampleCounts(skip_reasons=dict(sorted(self.reasons.items())), **self.counts)


def plan_tests(
    spec: dict[str, Any],
    resources: tuple[ResourcePlan, ...],
    registry: SchemaRegistry,
    memo: CaseMemo | None = None,
    auth: AuthPlan | None = None,
) -> TestSuitePlan:
    """The suite; `memo` reuses the cases of operations whose inputs did not change."""
    builder = CaseBuilder(spec, registry)
    tally = _Tally()
    cases_by_module: dict[str, list[CasePlan]] = {}
    for resource, plan in _tested_operations(resources):
        if memo is None:
            found = _operation_cases(builder, plan, tally)
        else:
            found = memo.cases(
                memo.key(spec, registry, plan),
                tally,
                lambda local, plan=plan: _operation_cases(builder, plan, local),  # type: ignore[misc]
                _Tally,
            )
        cases_by_module.setdefault(resource.module_name, []).extend(case for case, _ in found)
    resource_by_module = {r.module_name: r for r in resources}
    test_resources = tuple(
        ResourceTestPlan(m, resource_by_module[m].attribute, resource_by_module[m].class_name, tuple(cases))
        for m, cases in sorted(cases_by_module.items())
    )
    picks = _pick_runtime_cases(test_resources)
    warnings = {w[0]: w for r in test_resources for c in r.cases for w in c.warnings}
    return TestSuitePlan(
        resources=test_resources,
        spec_json=memo.spec_json(spec) if memo else indented(spec) + "\n",
        picks=picks,
        auth_cases=_auth_cases(auth) if auth is not None else (),
        counts=tally.summary(),
        warnings=tuple(warnings.values()),
    )


def _operation_cases(builder: CaseBuilder, plan: OperationPlan, tally: _Tally) -> list[tuple[CasePlan, bool]]:
    """(case, whether it replays a sample) for each sample of the operation, else for each of
    its document examples (one case of placeholders when it has none)."""
    assert plan.source is not None
    path, method, op = plan.source.path, plan.source.method, plan.source.operation
    tally.counts["operations"] += 1
    samples = [s for s in as_list(op.get("x-samples")) if isinstance(s, dict)]
    statuses = tuple(sorted(str(c) for c in as_dict(op.get("responses"))))  # "404", "304", ...
    if samples:
        tally.counts["with_samples"] += 1
        tally.counts["with_response_sample"] += any(isinstance(s.get("response"), dict) for s in samples)
    exchanges: list[tuple[dict[str, Any] | None, str | None]] = (
        [(s, None) for s in samples] if samples else [(None, n) for n in builder.example_names(op, plan.source.pointer)]
    )
    cases: list[tuple[CasePlan, bool]] = []
    for index, (sample, choice) in enumerate(exchanges):
        case_id = plan.method_name if index == 0 else f"{plan.method_name}_{index + 1}"
        skip: str | None = None
        compared = False
        try:
            data, compared = builder.build(path, method, op, plan, sample, choice)
        except Unusable as problem:
            skip = str(problem)
            tally.reasons[problem.kind] = tally.reasons.get(problem.kind, 0) + 1
            data = {"skip": skip}
        warnings = tuple(builder.warnings)
        case = CasePlan(case_id, plan.method_name, plan.http_method, skip, data, statuses, warnings)
        cases.append((case, sample is not None))
        tally.counts["cases"] += 1
        tally.counts["skipped"] += skip is not None
        tally.counts["response_compared"] += compared and skip is None
        if sample is None and skip is None:
            tally.counts["example_cases" if data.get("source") == "examples" else "placeholder_cases"] += 1
    return cases


def _pick_runtime_cases(resources: tuple[ResourceTestPlan, ...]) -> dict[str, PickedCase]:
    """Real operations for the error-path tests: sampled ones first, documented statuses preferred."""
    usable = [(r.module_name, c) for r in resources for c in r.cases if c.skip_reason is None]
    # Replayed samples and document examples first: their calls are the documented ones.
    candidates = [mc for mc in usable if mc[1].data.get("source") != "placeholders"] or usable
    if not candidates:
        return {}

    def first(prefer: Any) -> tuple[str, CasePlan]:
        return next((mc for mc in candidates if prefer(mc[1])), candidates[0])

    def picked(mc: tuple[str, CasePlan], retry: bool = False) -> PickedCase:
        return PickedCase(mc[0], mc[1].case_id, retry and mc[1].http_method not in _IDEMPOTENT)

    return {
        "not_found": picked(first(lambda c: "404" in c.documents_statuses)),
        "retry": picked(first(lambda c: c.http_method in _IDEMPOTENT), retry=True),
        "timeout": picked(first(lambda c: c.http_method == "GET")),
        "no_content": picked(first(lambda c: "204" in c.documents_statuses)),
        "not_modified": picked(first(lambda c: "304" in c.documents_statuses)),
    }
