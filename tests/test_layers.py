"""The architecture as a test: one stage per package, each importing only the
stages below it, and no import cycle between framing's modules (imports
inside functions included, so none can hide a cycle).

    cli → pipeline / engine → report → compare → detect → corpus / loaders / store → text / models / ...

Read from the source with :mod:`ast`; nothing is imported."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "framing"

#: Each top-level module or package of framing and its layer (higher may import lower).
LAYERS = {
    "__main__": 8,
    "cli": 7,
    "pipeline": 6, "engine": 6, "classroom": 6,  # classroom: materials drawn from a report, and its own run()
    "report": 5, "evaluate": 5,
    "compare": 4, "sentence_model": 4,
    "detect": 3,
    "corpus": 2, "loaders": 2, "store": 2,
    "models": 1, "text": 1,
    "errors": 0, "resources": 0, "usercache": 0,
    "forking": 0,  # forking: short-lived forked workers, imports nothing of framing but _collector
    "_collector": 0,  # the cyclic collector paused around cycle-free building; imports nothing of framing
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _statements(body: list[ast.AST], nested: bool):
    """Every statement under ``body`` (imports are statements), with whether it
    is inside a function; expressions are not walked."""
    for node in body:
        yield node, nested
        inner = nested or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        for fld in ("body", "orelse", "finalbody", "handlers", "cases"):
            sub = getattr(node, fld, None)
            if isinstance(sub, list):
                yield from _statements(sub, inner)


def _imports(path: Path, name: str | None = None) -> list[tuple[str, int, bool]]:
    """``(imported framing module, line, inside a function)`` for every import."""
    name = name or _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node, nested in _statements(tree.body, False):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno, nested) for a in node.names if a.name.startswith("framing")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if not mod.startswith("framing"):
                continue
            if node.module is None or node.level and not node.module:
                out += [(f"{mod}.{a.name}", node.lineno, nested) for a in node.names]
            else:
                out.append((mod, node.lineno, nested))
    return out


def _files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "templates" not in p.parts)


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_every_part_of_the_package_has_a_layer():
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in _files()} - {"__init__"}
    assert tops <= set(LAYERS), sorted(tops - set(LAYERS))


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_down_the_layers(path):
    here = _layer(_module_name(path))
    if here is None:
        return  # framing/__init__.py: the public face may name anything (lazily)
    wrong = [(mod, line) for mod, line, _ in _imports(path)
             if _layer(mod) is not None and _layer(mod) > here]
    assert not wrong, f"{path.name} imports a higher layer: {wrong}"


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in _files()}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for m, p in modules.items():
        for target, _, _ in _imports(p):
            while target not in modules and "." in target:
                target = target.rpartition(".")[0]  # "from .x import name": the module x
            if target in modules and target != m and target != "framing":
                graph[m].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (module → modules it imports), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            # a package's __init__ re-exporting its own modules is not a cycle
            if m.startswith(n + ".") or n.startswith(m + "."):
                continue
            if state.get(n) == 1:
                return stack[stack.index(n):] + [n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_no_import_cycles():
    cycle = find_cycle(_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_checks_catch_violations(tmp_path):
    """The checker itself: an upward import hidden in a function, and a cycle."""
    probe = tmp_path / "probe.py"
    probe.write_text("import os\n\ndef f():\n    from ..report import render\n", encoding="utf-8")
    found = _imports(probe, "framing.detect.probe")
    assert found == [("framing.report", 4, True)]
    assert _layer(found[0][0]) > LAYERS["detect"]
    assert find_cycle({"framing.a": {"framing.b"}, "framing.b": {"framing.c"},
                       "framing.c": {"framing.a"}}) == ["framing.a", "framing.b", "framing.c", "framing.a"]
    assert find_cycle({"framing.a": {"framing.b"}, "framing.b": set()}) is None
