"""Index pages describe their tag: `tags[].description` in the document, the resource's docstring."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import require_shared
from test_parse_pages import GENERATED

from generator.docs_to_openapi import docs_to_openapi
from generator.openapi_to_package import generate_package

PROSE_INDEX = textwrap.dedent(
    """\
    ---
    title: Widget
    ---

    # Widget

    ```http
    /api/v1/Widget
    ```

    Widgets are the small parts a <see cref="Gadget">gadget</see> is built from.

    Each widget has an owner &amp; a colour.

    * [GET Widget/{id}](v1WidgetEntity_GetWidget.md)
    """
)


def _docs(tmp_path: Path, indexes: dict[str, str]) -> Path:
    root = tmp_path / "docs"
    (root / "rest" / "Widget").mkdir(parents=True)
    (root / "rest" / "Widget" / "v1WidgetEntity_GetWidget.md").write_text(GENERATED)
    for relative, text in indexes.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text)
    return root


def test_index_prose_becomes_the_tag_description_and_the_resource_docstring(tmp_path: Path) -> None:
    document, diagnostics, summary = docs_to_openapi(_docs(tmp_path, {"rest/Widget/index.md": PROSE_INDEX}))
    assert summary.pages == 1 and summary.skipped == 1
    (widget,) = document["tags"]
    assert widget["name"] == "Widget"
    assert widget["description"] == (
        "Widgets are the small parts a gadget is built from.\n\nEach widget has an owner & a colour."
    )
    assert not [d for d in diagnostics if d.code.startswith("index-")]
    files = generate_package(document, package_name="widgets").files
    resource = files["widgets/resources/widget.py"]
    assert '"""Widgets are the small parts a gadget is built from.' in resource
    assert "Operations tagged" not in resource


def test_index_without_prose_is_described_by_its_base_path(tmp_path: Path) -> None:
    bare = "---\ntitle: Widget\n---\n\n```http\n/api/v1/Widget\n```\n\n* [GET](v1WidgetEntity_GetWidget.md)\n"
    document, _, _ = docs_to_openapi(_docs(tmp_path, {"rest/Widget/index.md": bare}))
    assert document["tags"] == [
        {"name": "Widget", "description": "The Widget entity endpoints of the reference, under `/api/v1/Widget`."}
    ]


def test_index_of_no_operation_is_reported_and_overviews_are_not(tmp_path: Path) -> None:
    orphan = PROSE_INDEX.replace("title: Widget", "title: Gizmo").replace("/api/v1/Widget", "/api/v1/Gizmo")
    overview = (
        "---\ntitle: Reference\nuid: intro\n---\n\n# Reference\n\nAll of it.\n\n* [Widget](rest/Widget/index.md)\n"
    )
    root = _docs(tmp_path, {"rest/Gizmo/index.md": orphan, "index.md": overview, "rest/index.md": overview})
    document, diagnostics, _ = docs_to_openapi(root)
    unmatched = [d for d in diagnostics if d.code == "index-unmatched"]
    assert [(d.file, d.line) for d in unmatched] == [("rest/Gizmo/index.md", 5)]
    assert "Gizmo" in unmatched[0].message
    assert document["tags"] == [{"name": "Widget"}]  # no index page of its own: no description


def test_tags_without_description_get_a_sentence_naming_the_resource(tmp_path: Path) -> None:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Shop API", "version": "1"},
        "paths": {"/carts": {"get": {"tags": ["shopping_carts"], "responses": {"204": {"description": "none"}}}}},
    }
    resource = generate_package(spec, package_name="shop").files["shop/resources/shopping_carts.py"]
    assert '"""The shopping carts endpoints of Shop API."""' in resource


def test_every_corpus_tag_has_its_index_description() -> None:
    from generator.corpus import find_pages, parse_file

    root = require_shared("corpus", "superoffice-10.0.2", "restful")
    indexes = [r.index for r in (parse_file(root, f) for f in find_pages(root) if f.endswith("/index.md"))]
    tagged = {i.tag: i for i in indexes if i is not None}
    assert len(tagged) >= 130 and "Chat_Agent" in tagged and "Contact" in tagged
    assert tagged["Contact"].base_path == "/api/v1/Contact"
    assert any(link.endswith("v1ContactEntity_GetContactEntity.md") for link in tagged["Contact"].links)
