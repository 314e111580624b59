"""The import contract: read every module's imports (without running it) and say which break the layering.

Layers (DESIGN §2): ``ui → services → {screening, reports, store, vault, definitions} → domain``. A module may import
its own package, anything in a lower layer, and a sibling of its own layer unless that layer's members are
independent; never upwards. On top of that: Qt only in ``ui``; the database drivers only in ``store``; ``ui`` and
``commands`` reach the store through ``services``; and no import cycle between modules. The rules name top-level
packages, not today's modules, so a module added tomorrow is held to them without changing this file.

Every import counts, wherever it is written: inside a function (that is how cycles hide) and under
``if TYPE_CHECKING:`` (a type is still a dependency, and two modules that name each other's types are one module).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = "desktop_app"


@dataclass(frozen=True)
class Layer:
    members: frozenset[str]
    independent: bool = False  # members may not import each other


def _layer(*members: str, independent: bool = False) -> Layer:
    return Layer(frozenset(members), independent)


# Top-level names under desktop_app/, highest first ("" is desktop_app/__init__.py itself).
LAYERS: tuple[Layer, ...] = (
    _layer("__main__"),
    _layer("cli"),
    _layer("ui", "commands", independent=True),
    _layer("services"),
    _layer("screening", "reports", "store", "vault", "definitions"),
    _layer("domain"),
    _layer("", "errors", "paths", "log", "settings", "filemodes"),
)

# Third-party packages only some top-level packages may import: name -> the packages allowed.
ONLY_IN: Mapping[str, frozenset[str]] = {
    "PySide6": frozenset({"ui"}),
    "shiboken6": frozenset({"ui"}),
    "sqlalchemy": frozenset({"store"}),
    "alembic": frozenset({"store"}),
    "sqlcipher3": frozenset({"store"}),
}

# The one import allowed to close a loop: store/models.py imports each models_<capability> at its bottom so their
# tables join the metadata (TEAM.md), and each of those imports Base from it. Regexes over (importer, imported).
REGISTRATION_IMPORTS: tuple[tuple[str, str], ...] = (
    (r"desktop_app\.store\.models", r"desktop_app\.store\.models_\w+"),
)

# Pairs (importer, imported) of top-level packages that the layers allow but the contract forbids.
FORBIDDEN: frozenset[tuple[str, str]] = frozenset({("ui", "store"), ("commands", "store")})


@dataclass(frozen=True)
class Import:
    importer: str  # dotted module name
    imported: str  # dotted name as written (resolved for relative imports), module or module.attribute
    line: int

    def __str__(self) -> str:
        return f"{self.importer}:{self.line} imports {self.imported}"


def module_files(source: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every .py under ``source`` (the desktop_app folder)."""
    modules: dict[str, Path] = {}
    for path in sorted(source.rglob("*.py")):
        parts = [ROOT, *path.relative_to(source).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imports_of(name: str, path: Path) -> Iterator[Import]:
    """Every import statement of one module, relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, node.lineno)
            continue
        if not isinstance(node, ast.ImportFrom):
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")
            anchor = anchor[: len(anchor) - node.level + 1]
            base = ".".join([*anchor, *([node.module] if node.module else [])])
        for alias in node.names:
            yield Import(name, f"{base}.{alias.name}" if alias.name != "*" else base, node.lineno)


def all_imports(source: Path) -> list[Import]:
    return [imp for name, path in module_files(source).items() for imp in imports_of(name, path)]


def target_module(imported: str, modules: Mapping[str, Path]) -> str | None:
    """The module an import loads: the longest prefix of the dotted name that is one of ours."""
    name = imported
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def top_level(module: str) -> str:
    """'desktop_app.services.vault.session' -> 'services'; 'desktop_app' -> ''."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _rank(top: str) -> int | None:
    for rank, layer in enumerate(LAYERS):
        if top in layer.members:
            return rank
    return None


def unplaced(source: Path) -> list[str]:
    """Top-level modules and packages that no layer names (each new one must be given a place)."""
    return sorted({top_level(name) for name in module_files(source)} - set().union(*(la.members for la in LAYERS)))


def layer_breaks(source: Path) -> list[str]:
    """One line per import against the layers, the third-party rules or the forbidden pairs."""
    modules = module_files(source)
    problems: list[str] = []
    for imp in all_imports(source):
        mine = top_level(imp.importer)
        first = imp.imported.split(".")[0]
        if first != ROOT:
            allowed = ONLY_IN.get(first)
            if allowed is not None and mine not in allowed:
                problems.append(f"{imp}: {first} belongs in {', '.join(sorted(allowed))} only")
            continue
        target = target_module(imp.imported, modules)
        if target is None:
            continue  # not a module of ours (a typo fails at import time, not here)
        theirs = top_level(target)
        if theirs == mine:
            continue
        if (mine, theirs) in FORBIDDEN:
            problems.append(f"{imp}: {mine} never imports {theirs}")
            continue
        my_rank, their_rank = _rank(mine), _rank(theirs)
        if my_rank is None or their_rank is None:
            continue  # reported by unplaced()
        if their_rank < my_rank:
            problems.append(f"{imp}: {mine} is below {theirs}")
        elif their_rank == my_rank and LAYERS[my_rank].independent:
            problems.append(f"{imp}: {mine} and {theirs} are independent")
    return problems


def _registers(importer: str, imported: str) -> bool:
    return any(re.fullmatch(a, importer) and re.fullmatch(b, imported) for a, b in REGISTRATION_IMPORTS)


def import_graph(source: Path) -> dict[str, set[str]]:
    """Module -> the modules of ours it imports (registration imports left out)."""
    modules = module_files(source)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for imp in all_imports(source):
        target = target_module(imp.imported, modules)
        if target is not None and target != imp.importer and not _registers(imp.importer, target):
            graph[imp.importer].add(target)
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:
        # Iterative, so a long import chain cannot hit the recursion limit.
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(found)


# Parameters that carry a unit of work, a repository or a session across a layer: typed against the real classes.
SEAM_PARAMETERS = re.compile(r"_?(uow|session|\w*_?repo(sitory)?)")
LOOSE_TYPES = frozenset({"Any", "object", "typing.Any"})


def _loose(annotation: ast.expr | None) -> str | None:
    """The annotation as written when it says nothing (missing, Any, object, or one of them "| None"), else None."""
    text = ast.unparse(annotation) if annotation is not None else ""
    bare = text.strip("'\"").removesuffix(" | None").removeprefix("None | ")
    return (text or "untyped") if bare in LOOSE_TYPES | {""} else None


def loose_seams(source: Path, packages: tuple[str, ...]) -> list[str]:
    """Parameters named uow / session / *repository in ``packages`` left untyped or typed Any / object, attributes and
    variables of those names annotated Any / object, and Protocol stand-ins for them (a class named Session or
    UnitOfWork deriving from Protocol)."""
    problems: list[str] = []
    for name, path in module_files(source).items():
        if top_level(name) not in packages:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ClassDef)
                and node.name in {"Session", "UnitOfWork"}
                and any(ast.unparse(base).endswith("Protocol") for base in node.bases)
            ):
                problems.append(f"{name}:{node.lineno} defines a Protocol stand-in {node.name}")
            if isinstance(node, ast.AnnAssign):
                target = node.target
                held = (
                    target.id
                    if isinstance(target, ast.Name)
                    else target.attr
                    if isinstance(target, ast.Attribute)
                    else ""
                )
                loose = _loose(node.annotation)
                if SEAM_PARAMETERS.fullmatch(held) and loose:
                    problems.append(f"{name}:{node.lineno} {ast.unparse(target)}: {loose}")
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            for argument in arguments:
                loose = _loose(argument.annotation)
                if SEAM_PARAMETERS.fullmatch(argument.arg) and loose:
                    problems.append(f"{name}:{node.lineno} {node.name}({argument.arg}: {loose})")
    return problems
