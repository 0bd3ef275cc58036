"""OpenAPI 3.0/3.1 document -> PackagePlan: every name, type, import and literal decided here."""

from generator.plan.package import RUNTIME_EXPORTS, build_plan
from generator.plan.package_plan import PackagePlan

__all__ = ["RUNTIME_EXPORTS", "PackagePlan", "build_plan"]
