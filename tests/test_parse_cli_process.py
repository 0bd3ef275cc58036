"""`sdkgen parse` as a process: it ends without tearing down the parsed corpus (os._exit), so what
it writes, prints and exits with must still all arrive."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PAGE = """---
title: GET Widget/{id}
id: v1WidgetEntity_GetWidget
---

# GET Widget/{id}

```http
GET /api/v1/Widget/{id}
```

Gets a widget.

## Response: object

| Response | Description |
|----------|-------------|
| 200 | OK |

## Sample request

```http!
GET /api/v1/Widget/7
Accept: application/json
```
"""

SDKGEN = [sys.executable, "-c", "from generator.cli import main; main()"]


def _docs(tmp_path: Path, pages: int) -> Path:
    docs = tmp_path / "docs" / "Widget"
    docs.mkdir(parents=True)
    for index in range(pages):
        page = PAGE.replace("Widget/{id}", f"Widget{index}/{{id}}").replace("GetWidget", f"GetWidget{index}")
        (docs / f"v1WidgetEntity_GetWidget{index}.md").write_text(page, encoding="utf-8")
    return tmp_path / "docs"


def test_parse_to_a_file_writes_it_whole_and_reports(tmp_path: Path) -> None:
    docs = _docs(tmp_path, 120)  # more than one chunk: worker processes take part
    out = tmp_path / "spec.json"
    done = subprocess.run([*SDKGEN, "parse", str(docs), "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert len(document["paths"]) == 120
    assert "sdkgen parse: 120 files, 120 endpoint pages" in done.stderr


def test_parse_to_standard_output_is_flushed_before_the_process_ends(tmp_path: Path) -> None:
    docs = _docs(tmp_path, 3)
    done = subprocess.run([*SDKGEN, "parse", str(docs), "-o", "-"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("openapi: 3.1.0\n")
    assert done.stdout.count("operationId: v1WidgetEntity_GetWidget") == 3
    assert done.stdout.endswith("\n")


def test_strict_parse_with_warnings_exits_non_zero(tmp_path: Path) -> None:
    docs = _docs(tmp_path, 1)
    page = next(docs.rglob("*.md"))
    page.write_text(page.read_text(encoding="utf-8").replace("id: v1WidgetEntity_GetWidget0\n", ""), encoding="utf-8")
    out = tmp_path / "spec.json"
    done = subprocess.run(
        [*SDKGEN, "parse", str(docs), "-o", str(out), "--strict"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 1
    assert "[no-uid]" in done.stderr
    assert out.is_file()
