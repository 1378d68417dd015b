"""Code health of pipeline/: function size and complexity (radon) and module-level import cycles.

    python benchmarks/code_health.py [--max-cc 40] [--max-lines 80]

Prints the most complex and the longest functions, the share of function lines in functions of
complexity >= 20, and every import cycle between modules (imports at module level; imports inside
functions are lazy and not counted). Exit code 1 when a function is over a limit or a cycle exists.
"""
from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "pipeline"


def functions() -> list[tuple[str, int, int]]:
    """(qualified name, cyclomatic complexity, lines) of every function and method."""
    from radon.complexity import cc_visit
    out = []
    for p in sorted(PKG.rglob("*.py")):
        rel = p.relative_to(ROOT)
        for b in cc_visit(p.read_text(encoding="utf-8")):
            items = [b] + list(getattr(b, "methods", []) or [])
            for f in items:
                if getattr(f, "is_method", None) is None and f is not b:
                    continue
                if type(f).__name__ == "Class":
                    continue
                name = f"{rel}:{f.classname + '.' if getattr(f, 'classname', None) else ''}{f.name}"
                out.append((name, f.complexity, f.endline - f.lineno + 1))
    return out


def modules() -> dict[str, Path]:
    mods = {}
    for p in PKG.rglob("*.py"):
        name = ".".join(p.relative_to(ROOT).with_suffix("").parts)
        mods[name[:-9] if name.endswith(".__init__") else name] = p
    return mods


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, p in mods.items():
        pkg = m if p.name == "__init__.py" else m.rsplit(".", 1)[0]
        for node in ast.parse(p.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                    base = ".".join(parts + ([node.module] if node.module else []))
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
            else:
                continue
            graph[m] |= {t for t in targets if t in mods and t != m}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-cc", type=int, default=40)
    ap.add_argument("--max-lines", type=int, default=80)
    args = ap.parse_args(argv)
    fs = functions()
    total = sum(n for _, _, n in fs)
    heavy = sum(n for _, c, n in fs if c >= 20)
    print(f"{len(fs)} functions, {total} function lines; {heavy / total:.0%} of them in functions of complexity >= 20")
    print("most complex:", ", ".join(f"{n} {c}" for n, c, _ in sorted(fs, key=lambda f: -f[1])[:5]))
    print("longest:     ", ", ".join(f"{n} {ln}" for n, _, ln in sorted(fs, key=lambda f: -f[2])[:5]))
    over = [f for f in fs if f[1] > args.max_cc or f[2] > args.max_lines]
    for n, c, ln in over:
        print(f"over a limit: {n} complexity {c}, {ln} lines")
    cyc = cycles(import_graph())
    print(f"{len(modules())} modules, {len(cyc)} import cycles")
    for c in cyc:
        print("  cycle:", " -> ".join(c))
    return 1 if over or cyc else 0


if __name__ == "__main__":
    sys.exit(main())
