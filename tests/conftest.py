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


@pytest.fixture(scope="session")
def corpus_outputs(tmp_path_factory) -> Path:
    """One real run of the pipeline over corpus/, shared by the tests that only read its outputs
    (views, review pages). Do not modify it; copy it when a test writes."""
    from pipeline.runner import run
    out = tmp_path_factory.mktemp("corpus_outputs")
    run([CORPUS], out, progress=False)
    return out


@pytest.fixture(scope="session")
def de_news():
    """The committed German model (pipeline/models/de_news) with the production pipeline, loaded once per
    session and shared by every extractor test that runs real text."""
    from pipeline.nlp import load_nlp
    model = ROOT / "pipeline" / "models" / "de_news"
    if not (model / "meta.json").exists():
        pytest.skip("pipeline/models/de_news missing")
    return load_nlp(str(model))[0]


@pytest.fixture(scope="session")
def all_rules_session():
    """The committed rule set, loaded once per session."""
    from pipeline.ruleset import load_rules
    return load_rules()


@pytest.fixture
def roles_switched_off(tmp_path):
    """``roles_switched_off("reference_compound_head")``: the committed rule set loaded from a copy whose
    roles.yaml has that switch set to false (the switch must be on in the committed file)."""
    import shutil
    from pipeline.ruleset import RULES_DIR, load_rules

    def load(switch: str):
        d = tmp_path / "rules"
        if not d.exists():
            shutil.copytree(RULES_DIR, d)
        y = d / "roles.yaml"
        src = y.read_text(encoding="utf-8")
        assert f"  {switch}: true\n" in src
        y.write_text(src.replace(f"  {switch}: true\n", f"  {switch}: false\n"), encoding="utf-8")
        return load_rules(d)
    return load
