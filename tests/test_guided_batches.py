"""The pool's schedule for a re-run (issue 16): batches of consecutive articles, handed out largest first
with small batches at the end, results back in article order; spaCy imported without its command line; objects
frozen at exit."""
import subprocess
import sys

from pipeline.job import steps

from conftest import ROOT


def _arts(lengths):
    return [{"article_id": f"a{i}", "body_text": "x" * n} for i, n in enumerate(lengths)]


def test_guided_batches_cover_every_article_once_in_runs():
    arts = _arts([100 * (i % 7) + 50 for i in range(200)])
    batches, order = steps.guided_batches(arts, 16, 2)
    assert [a for b in batches for a in b] == arts          # consecutive runs, in article order
    assert sorted(order) == list(range(len(batches)))       # every batch handed out once
    # the head: batches of 16 until the last 2 * 2 * 16 = 64 articles or a few more (72: 128 is the last
    # multiple of 16 before 200 - 64); then ever smaller ones
    sizes = [len(b) for b in batches]
    assert sizes[:8] == [16] * 8 and sum(sizes[8:]) == 72
    tail = sizes[8:]
    assert tail == sorted(tail, reverse=True) and tail[0] == 16 and tail[-1] == 1
    # handed out: the batches of 16 costliest first, then the small ones, the last ones single articles
    cost = [sum(len(a["body_text"]) + steps._ARTICLE_COST for a in batches[i]) for i in order]
    head = [c for i, c in zip(order, cost) if i < 8]
    assert head == sorted(head, reverse=True) and set(order[:8]) == set(range(8))
    assert [len(batches[i]) for i in order[-3:]] == [1, 1, 1]


def test_guided_batches_of_a_small_corpus():
    arts = _arts([10, 20, 30])
    batches, order = steps.guided_batches(arts, 16, 2)
    assert [a for b in batches for a in b] == arts and sorted(order) == list(range(len(batches)))
    assert all(len(b) == 1 for b in batches)


def _square(job, batch):
    return [x * x for x in batch]


def test_run_all_returns_batch_order_whatever_the_hand_out_order():
    job = steps._Job("c", "k", None, None, ())
    seen = []
    got = steps.run_all(_square, job, [[1, 2], [3], [4, 5, 6]], 2, order=[2, 0, 1], during=lambda: seen.append(1))
    assert got == [[1, 4], [9], [16, 25, 36]] and seen == [1]


def test_spacy_without_its_command_line():
    code = ("import sys\nfrom pipeline.job.util import import_spacy_light\nimport_spacy_light()\n"
            "import spacy\nprint('spacy.cli' in sys.modules, 'typer' in sys.modules)\n"
            "from spacy.tokens import Doc\nimport spacy.cli\nprint(spacy.cli.__name__, callable(spacy.cli.info))\n"
            "print(sorted(spacy.info())[:2])\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == ["False False", "spacy.cli True", "['location', 'pipelines']"]


def test_a_run_process_freezes_its_objects_at_exit():
    """After a run or re-run (``gc_frozen``), the objects alive at interpreter exit are frozen, out of the shutdown's
    final full collection (issue 16: 0.17 s CPU at the end of a re-run)."""
    code = ("import atexit, gc\natexit.register(lambda: print('frozen at exit', gc.get_freeze_count() > 0))\n"
            "from pipeline.job.util import gc_frozen\nwith gc_frozen():\n    pass\n"
            "print('frozen after the run', gc.get_freeze_count() > 0)\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == ["frozen after the run False", "frozen at exit True"]
