"""OpenAPI 3.0/3.1 document -> PackagePlan: every name, type, import and literal decided here."""

from generator.plan.model import PackagePlan
from generator.plan.package import RUNTIME_EXPORTS, build_plan

__all__ = ["RUNTIME_EXPORTS", "PackagePlan", "build_plan"]
