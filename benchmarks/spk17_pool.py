"""Speaker rule firings on a second unlabelled pool (spk17, issue 12): the SpkAtt-2023 train documents (parliamentary
speeches and news, detokenised) and the UD German GSD dev/test and PUD sentences (whole), run through
``speaker_errors.fires`` (the claims whose speaker text or actor changes when one rule or switch is off).

    python benchmarks/spk17_pool.py --names RULE[,SWITCH…] [--n 40]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def texts() -> list[str]:
    from pipeline.eval_spkatt import detokenise, load_split
    from quote_frames import ud_sentences
    spk = [detokenise([s["Tokens"] for s in r["Sentences"]])[0] for r in load_split("train")]
    return spk + [d["text"] for d in ud_sentences()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names", required=True)
    ap.add_argument("--n", type=int, default=40)
    a = ap.parse_args(argv)
    from pipeline.nlp import load_nlp
    from pipeline.ruleset import load_rules
    from speaker_errors import fires
    nlp, _ = load_nlp()
    fires(nlp, load_rules(), a.names.split(","), texts(), a.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
