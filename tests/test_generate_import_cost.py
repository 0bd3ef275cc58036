"""Import cost of the whole 10.0.2 SDK: `import superoffice_webapi` plus one call stays cheap.

The package has ~1500 model and ~140 resource modules; a user who makes one call must pay
only for that call's resource module and its response model's closure. Timings run in fresh
interpreters with bytecode compiled first (as a pip-installed package has it) and are
compared with a floor measured in the same run: importing httpx and pydantic and validating
one trivial pydantic model, which every httpx + pydantic SDK pays. The machine may be busy,
so the bound is generous; what it catches is a regression of the kind "importing the
package loads every model" (seconds), not a few milliseconds.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import require_shared
from generate_support import generate_into, run_script

pytestmark = pytest.mark.corpus

RUNS = 5
MAX_OVERHEAD_SECONDS = 0.2


@pytest.fixture(scope="module")
def full_sdk(corpus_build: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_shared("corpus", "superoffice-10.0.2", "restful")
    document = corpus_build("superoffice-10.0.2")[2]
    out = tmp_path_factory.mktemp("so10")
    generate_into(out, document, "superoffice_webapi")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(out / "superoffice_webapi")], check=True)
    return out


def _seconds(out_dir: Path, script: str) -> float:
    # Compiled bytecode is used, like an installed package's.
    return float(run_script(out_dir, script, bytecode=True))


def test_importing_the_package_loads_no_model_and_a_call_loads_only_what_it_returns(full_sdk: Path) -> None:
    loaded = run_script(full_sdk, "import_cost_modules_loaded.py")
    assert not [m for m in loaded["after_import"] if ".models" in m or ".resources" in m], loaded["after_import"]
    models = [m for m in loaded["after_call"] if m.startswith("superoffice_webapi.models.")]
    resources = [m for m in loaded["after_call"] if m.startswith("superoffice_webapi.resources.")]
    assert resources == ["superoffice_webapi.resources.chat_agent"]
    # The answer carries no nested object, so no model of ChatSessionEntity's closure is needed.
    assert models == ["superoffice_webapi.models._link", "superoffice_webapi.models.chat_session_entity"]
    # An answer with a nested User loads the model of that field only, not every model
    # ChatSessionEntity refers to (Person, Contact, Project, Sale, Ticket, ...).
    nested = [m for m in loaded["after_nested_call"] if m.startswith("superoffice_webapi.models.")]
    assert nested == sorted([*models, "superoffice_webapi.models.associate"])


def test_models_used_directly_bind_their_references_on_first_use(full_sdk: Path) -> None:
    assert run_script(full_sdk, "import_cost_models_direct.py") == "ok"


def test_import_and_first_call_cost_little_above_httpx_and_pydantic(full_sdk: Path) -> None:
    floors: list[float] = []
    calls: list[float] = []
    for _ in range(RUNS):  # interleaved, so a burst of load hits both series alike
        floors.append(_seconds(full_sdk, "import_cost_floor.py"))
        calls.append(_seconds(full_sdk, "import_cost_first_call.py"))
    floor, call = statistics.median(floors), statistics.median(calls)
    overhead = call - floor
    report = f"import + first call {call * 1000:.0f} ms, httpx + pydantic + one model {floor * 1000:.0f} ms"
    assert overhead < MAX_OVERHEAD_SECONDS, report
