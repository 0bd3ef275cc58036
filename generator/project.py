"""`sdkgen build` / `sdkgen check`: the project's docs -> spec -> SDK, with the defaults kept in
pyproject.toml under `[tool.sdkgen]`.

`plan_outputs` is the shared core: it computes every file the tool would write now (the spec and
the generated package) without touching the disk, so `build` writes them and `check` compares
them. The SDK version is bumped by semver from the API diff against the previous spec (major on
breaking, minor on additions, patch otherwise) and a CHANGELOG.md entry is prepended; `check`
reproduces the current version, so an unchanged tree is never stale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomllib

if TYPE_CHECKING:
    # Imported where used: a build with nothing changed stops before parsing or generating.
    from generator.cache import FileHashes, PageCache, SpecCache
    from generator.corpus import Progress
    from generator.diagnostics import Diagnostic
    from generator.docs_to_openapi import ParseSummary
    from generator.module_cache import ModuleCache

DEFAULT_VERSION = "0.1.0"
CHANGELOG = "CHANGELOG.md"
CHANGELOG_TITLE = "# Changelog\n"


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    docs: Path
    spec: Path
    output: Path
    package_name: str
    title: str = "SuperOffice WebAPI"
    license: str | None = None  # SPDX; None: the spec's info.license, else LicenseRef-Proprietary

    @classmethod
    def load(cls, root: Path) -> ProjectConfig:
        pyproject = root / "pyproject.toml"
        settings: dict[str, Any] = {}
        if pyproject.is_file():
            settings = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("sdkgen", {})
        output = root / settings.get("output", "generated/superoffice_webapi")
        from generator.package_name import default_package_name

        return cls(
            root=root,
            docs=root / settings.get("docs", "specs/docs"),
            spec=root / settings.get("spec", "specs/openapi.yaml"),
            output=output,
            # Unset: the rule `sdkgen generate` uses, from the title.
            package_name=settings.get("package-name")
            or default_package_name(settings.get("title", "SuperOffice WebAPI")),
            title=settings.get("title", "SuperOffice WebAPI"),
            license=settings.get("license"),
        )


@dataclass
class PlannedOutputs:
    """Everything one run would write: absolute path -> text."""

    files: dict[Path, str]
    package_files: dict[str, str]  # relative to config.output
    spec_text: str
    version: str
    bump: str  # "major" | "minor" | "patch" | "none" | "initial"
    diagnostics: list[Diagnostic]
    summary: ParseSummary
    changelog_entry: str = ""
    notes: list[str] = field(default_factory=list)
    document: dict[str, Any] = field(default_factory=dict)
    seed_files: dict[str, str] = field(default_factory=dict)  # written only when missing (lib/)
    kept: tuple[str, ...] = ()  # folders relative to config.output that build never touches


def current_version(config: ProjectConfig) -> str | None:
    """The version of the package generated last time (its pyproject.toml), if any."""
    pyproject = config.output / "pyproject.toml"
    if not pyproject.is_file():
        return None
    try:
        version = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {}).get("version")
    except tomllib.TOMLDecodeError:
        return None
    return str(version) if version else None


def build_inputs(config: ProjectConfig, templates_dir: Path | None, hashes: FileHashes | None = None) -> str:
    """Fingerprint of everything `build` reads (besides sdkgen's own code, which the stamp adds);
    with `hashes`, unchanged docs files are not read again (see cache.tree_fingerprint)."""
    from generator.cache import digest, tree_fingerprint

    docs = tree_fingerprint(config.docs, hashes=hashes)
    return digest("\n".join([docs, templates_fingerprint(templates_dir), repr(config)]).encode())


def templates_fingerprint(templates_dir: Path | None) -> str:
    """Hash of the built-in templates and of the override folder, if any."""
    from generator.cache import tree_fingerprint
    from generator.files import TEMPLATES_DIR

    parts = [tree_fingerprint(TEMPLATES_DIR)]
    if templates_dir is not None:
        parts.append(tree_fingerprint(templates_dir))
    return "\n".join(parts)


def plan_outputs(
    config: ProjectConfig,
    *,
    bump_version: bool,
    templates_dir: Path | None = None,
    cache: PageCache | None = None,
    spec_cache: SpecCache | None = None,
    progress: Progress | None = None,
    module_cache: ModuleCache | None = None,
) -> PlannedOutputs:
    from generator.diff import diff_specs
    from generator.diff.versioning import bump_kind, changelog_entry, next_version
    from generator.docs_to_openapi import docs_to_openapi
    from generator.openapi import SpecLoadError, load_document
    from generator.openapi.dump import dump_spec, spec_format
    from generator.openapi_to_package import generate_package

    document, diagnostics, summary = docs_to_openapi(config.docs, title=config.title, cache=cache, progress=progress)
    spec_text = dump_spec(document, spec_format(str(config.spec)), spec_cache.fragments if spec_cache else None)
    version = current_version(config) or DEFAULT_VERSION
    bump, entry = ("initial" if current_version(config) is None else "none"), ""
    notes: list[str] = []
    changelog_path = config.output / CHANGELOG
    changelog = changelog_path.read_text(encoding="utf-8") if changelog_path.is_file() else CHANGELOG_TITLE
    if bump_version and config.spec.is_file() and current_version(config) is not None:
        previous = config.spec.read_text(encoding="utf-8")
        if previous != spec_text:
            known = spec_cache.document_for(previous) if spec_cache else None
            if known is None:
                try:
                    known = load_document(config.spec)
                except SpecLoadError as error:
                    # An unreadable previous spec only costs the version bump, never the build.
                    known = document
                    notes.append(f"previous spec unreadable ({str(error).splitlines()[0]}); version not bumped")
            changes = diff_specs(known, document)
            kind = bump_kind(changes)
            if kind != "none":
                version = next_version(version, kind)
                entry = changelog_entry(changes, version)
                body = changelog.removeprefix(CHANGELOG_TITLE).lstrip("\n")
                changelog = f"{CHANGELOG_TITLE}\n{entry.rstrip()}\n\n{body}".rstrip() + "\n"
            bump = kind
    generated = generate_package(
        document,
        package_name=config.package_name,
        version=version,
        templates_dir=templates_dir,
        source=_relative(config.spec, config.root),
        module_cache=module_cache,
        license=config.license,
    )
    diagnostics = [*diagnostics, *generated.diagnostics]
    package = {**generated.files, CHANGELOG: changelog}
    files = {config.spec: spec_text, **{config.output / relative: text for relative, text in package.items()}}
    return PlannedOutputs(
        files,
        package,
        spec_text,
        version,
        bump,
        diagnostics,
        summary,
        entry,
        notes,
        document,
        seed_files=dict(generated.seeds),
        kept=generated.kept,
    )


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def stale_files(config: ProjectConfig, planned: PlannedOutputs) -> list[str]:
    """Files that differ from what the tool writes now (missing, changed, or left over), relative to root.

    The maintainers' folders (`planned.kept`, the package's lib/) are theirs: never stale, except
    that a missing seed file is reported (build would create it)."""
    from generator.files import MANIFEST_NAME
    from generator.writer import is_kept

    stale: list[str] = []
    for path, text in sorted(planned.files.items()):
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(str(path.relative_to(config.root)))
    for relative in sorted(planned.seed_files):
        if not (config.output / relative).exists():
            stale.append(f"{(config.output / relative).relative_to(config.root)} (missing; build creates it)")
    if config.output.is_dir():
        expected = set(planned.package_files) | {MANIFEST_NAME}
        for path in sorted(config.output.rglob("*")):
            relative = path.relative_to(config.output).as_posix()
            if is_kept(relative, planned.kept):
                continue
            if path.is_file() and relative not in expected and not _is_byproduct(relative):
                stale.append(f"{path.relative_to(config.root)} (not generated)")
    return stale


def _is_byproduct(relative: str) -> bool:
    """Caches and build leftovers that running or installing the package creates."""
    parts = relative.split("/")
    return any(
        part.startswith(".") or part == "__pycache__" or part.endswith(".egg-info") or part == "build" for part in parts
    ) or relative.endswith(".pyc")
