"""Profiles: an API's own conventions, added to a generated package only when asked for.

A profile is selected by the document's `x-sdkgen-profile: NAME` extension or by
`sdkgen generate --profile NAME` (which wins; `--profile none` turns a document's profile off).
What a profile can add is the `Profile` protocol in `generator/profiles/base.py`; a package
without a profile (a petstore) carries none of it.
"""

from __future__ import annotations

from typing import Any

from generator.profiles.base import OperationSource, Profile, ProfilePlan
from generator.profiles.superoffice import SuperOfficeProfile

__all__ = ["PROFILES", "OperationSource", "Profile", "ProfilePlan", "select_profile"]

PROFILE_EXTENSION = "x-sdkgen-profile"
PROFILES: dict[str, type[Profile]] = {"superoffice": SuperOfficeProfile}


def select_profile(spec: dict[str, Any], override: str | None = None) -> Profile | None:
    """The profile named by `override`, else by the document's extension; None for none."""
    name: object = override if override is not None else spec.get(PROFILE_EXTENSION)
    where = "--profile" if override is not None else f"/{PROFILE_EXTENSION}"
    if name is None or name == "none":
        return None
    if not isinstance(name, str) or name not in PROFILES:
        known = ", ".join(sorted(PROFILES))
        raise ValueError(f"{where}: unknown profile {name!r} (known: {known}, or 'none')")
    return PROFILES[name]()
