import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = Path(os.environ.get("PIPELINE_SHARED", ROOT.parent / "shared"))
HAS_SHARED = (SHARED / "data").is_dir()

# Prefect: project-local state, no telemetry (same defaults as flows.py).
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect"))


def pytest_collection_modifyitems(config, items):
    if HAS_SHARED:
        return
    skip = pytest.mark.skip(reason=f"needs ../shared data ({SHARED} not found)")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not HAS_SHARED:
        pytest.skip(f"needs ../shared data ({SHARED} not found)")
    return SHARED
