"""First-call cost of the entity layer's vocabularies (issue 16: start-up).

    python benchmarks/bench_wordtables.py [--repeat 3]

Each function is called once in a fresh process (after importing the layer), in the checkout the command is
run from; prints the median seconds of the first call and the peak-RSS growth it causes (MB). Run it from a
checkout before and after a change to compare (the committed word tables of
``pipeline/extract/actors/data`` against deriving them from spacy-lookups-data).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CALLS = {
    "german_words": "layer.german_words()",
    "lemma_table": "layer.lemma_table()",
    "noun_lemmas": "layer.noun_lemmas()",
    "_de_prob_sets": "layer._de_prob_sets()",
    "_english_sets": "persons._english_sets()",
    "english_word": "persons.english_word('Whiskey'); persons.english_inflected('Caching')",
    "_verb_form": "persons._verb_form('entwickelte')",
    # everything the rules read (lemma_table itself only on a rare path of mentions._noise_entity)
    "all": "layer.german_words(); layer.noun_lemmas(); layer._de_prob_sets(); persons._english_sets(); "
           "persons.english_word('Whiskey'); persons.english_inflected('Caching'); persons._verb_form('entwickelte')",
}

PROBE = """
import json, resource, sys, time
sys.path.insert(0, ".")
from pipeline.extract.actors import layer, persons
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
{call}
dt = time.perf_counter() - t0
print(json.dumps([dt, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024]))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"{'first call':<16}{'seconds':>10}{'RSS +MB':>10}")
    for name, call in CALLS.items():
        runs = [json.loads(subprocess.run([sys.executable, "-c", PROBE.format(call=call)], check=True,
                                          capture_output=True, text=True).stdout) for _ in range(args.repeat)]
        print(f"{name:<16}{statistics.median(r[0] for r in runs):>10.3f}"
              f"{statistics.median(r[1] for r in runs):>10.1f}")


if __name__ == "__main__":
    main()
