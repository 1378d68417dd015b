"""Check the blind web set web_blind5 with the web_blind2 checker (the same layout and rules).

Usage: python tests/gold/web_blind5/check_snippets.py
"""
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    checker = runpy.run_path(str(HERE.parent / "web_blind2" / "check_snippets.py"))
    sys.exit(checker["main"](HERE))
