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

import json
import os
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import require_shared
from generate_support import generate_into

pytestmark = pytest.mark.corpus

RUNS = 5
MAX_OVERHEAD_SECONDS = 0.2

FLOOR = """
import time
started = time.perf_counter()
import httpx, pydantic
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

class Thing(BaseModel):
    model_config = ConfigDict(defer_build=True)
    thing_id: int | None = Field(default=None, alias="ThingId")

TypeAdapter(Thing).validate_json(b'{"ThingId": 798}')
print(time.perf_counter() - started)
"""

FIRST_CALL = """
import time
started = time.perf_counter()
import httpx
import superoffice_webapi
from superoffice_webapi import SuperOffice

def answer(request):
    return httpx.Response(200, json={"ChatSessionId": 798, "User": {"AssociateId": 5}})

client = SuperOffice(
    base_url="https://sod.superoffice.com/Cust12345/api/",
    http_client=httpx.Client(transport=httpx.MockTransport(answer)),
)
session = client.chat_agent.reject_chat_session_transfer(chat_session_id=798)
elapsed = time.perf_counter() - started
assert session.chat_session_id == 798 and session.user.associate_id == 5
print(elapsed)
"""

MODULES_LOADED = """
import json, sys
import httpx
import superoffice_webapi
from superoffice_webapi import SuperOffice, BasicAuth, NOT_GIVEN

def package_modules():
    return sorted(m for m in sys.modules if m.startswith("superoffice_webapi."))

client = SuperOffice(base_url="https://sod.superoffice.com/Cust12345/api/", auth=BasicAuth("u", "p"),
                     http_client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json={}))))
after_import = package_modules()
client.chat_agent.reject_chat_session_transfer(chat_session_id=798)
after_call = package_modules()
print(json.dumps({"after_import": after_import, "after_call": after_call}))
"""


@pytest.fixture(scope="module")
def full_sdk(corpus_build: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_shared("corpus", "superoffice-10.0.2", "restful")
    document = corpus_build("superoffice-10.0.2")[2]
    out = tmp_path_factory.mktemp("so10")
    generate_into(out, document, "superoffice_webapi")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(out / "superoffice_webapi")], check=True)
    return out


def _seconds(out_dir: Path, code: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(out_dir)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # use the compiled bytecode, like an installed package
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=out_dir, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return float(result.stdout.strip().splitlines()[-1])


def test_importing_the_package_loads_no_model_and_a_call_loads_only_what_it_returns(full_sdk: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(full_sdk)}
    result = subprocess.run(
        [sys.executable, "-c", MODULES_LOADED],
        cwd=full_sdk,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded = json.loads(result.stdout)
    assert not [m for m in loaded["after_import"] if ".models" in m or ".resources" in m], loaded["after_import"]
    models = [m for m in loaded["after_call"] if m.startswith("superoffice_webapi.models.")]
    resources = [m for m in loaded["after_call"] if m.startswith("superoffice_webapi.resources.")]
    assert resources == ["superoffice_webapi.resources.chat_agent"]
    # The answer carries no nested object, so no model of ChatSessionEntity's closure is needed.
    assert models == ["superoffice_webapi.models._link", "superoffice_webapi.models.chat_session_entity"]


MODELS_USED_DIRECTLY = """
import sys
from datetime import timezone
from pydantic import TypeAdapter
from superoffice_webapi.models.chat_session_entity import ChatSessionEntity

loaded = [m for m in sys.modules if m.startswith("superoffice_webapi.models.") and not m.endswith("_link")]
assert loaded == ["superoffice_webapi.models.chat_session_entity"], loaded
wire = {"ChatSessionId": 1, "User": {"AssociateId": 5, "FullName": "Ada"},
        "Person": {"PersonId": 7}, "WhenRequested": "2017-09-17T11:10:26.1285249+02:00"}
# A TypeAdapter over a model whose references were never used (as FastAPI builds them).
adapted = TypeAdapter(list[ChatSessionEntity]).validate_python([wire])[0]
built = ChatSessionEntity(**wire)
validated = ChatSessionEntity.model_validate_json(b'{"User": {"AssociateId": 6}}')
assert adapted == built and adapted.user.full_name == "Ada" and built.person.person_id == 7
assert validated.user.associate_id == 6 and adapted.when_requested.utcoffset() is not None
assert built.to_dict()["User"] == {"AssociateId": 5, "FullName": "Ada"}
assert "properties" in ChatSessionEntity.model_json_schema() or "$defs" in ChatSessionEntity.model_json_schema()
print("ok")
"""


def test_models_used_directly_bind_their_references_on_first_use(full_sdk: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(full_sdk)}
    result = subprocess.run(
        [sys.executable, "-c", MODELS_USED_DIRECTLY], cwd=full_sdk, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-3000:]


def test_import_and_first_call_cost_little_above_httpx_and_pydantic(full_sdk: Path) -> None:
    floors: list[float] = []
    calls: list[float] = []
    for _ in range(RUNS):  # interleaved, so a burst of load hits both series alike
        floors.append(_seconds(full_sdk, FLOOR))
        calls.append(_seconds(full_sdk, FIRST_CALL))
    floor, call = statistics.median(floors), statistics.median(calls)
    overhead = call - floor
    report = f"import + first call {call * 1000:.0f} ms, httpx + pydantic + one model {floor * 1000:.0f} ms"
    assert overhead < MAX_OVERHEAD_SECONDS, report
