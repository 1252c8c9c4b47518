"""The layers import only downward: the domain is pure standard library, services never reach
for adapters or entry points, and nothing heavy loads when the CLI starts."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).parents[2] / "src" / "followup"
STDLIB = sys.stdlib_module_names


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted((SRC / "domain").glob("*.py")), ids=lambda p: p.name)
def test_the_domain_imports_the_standard_library_and_itself_only(path):
    for name in _imports(path):
        top = name.split(".")[0]
        assert top in STDLIB or name.startswith("followup.domain") or top == "__future__", name


@pytest.mark.parametrize("path", sorted((SRC / "services").glob("*.py")), ids=lambda p: p.name)
def test_services_import_no_adapter_and_no_entry_point(path):
    for name in _imports(path):
        assert not name.startswith(
            ("followup.adapters", "followup.cli", "followup.web", "followup.bootstrap")
        ), name
        top = name.split(".")[0]
        assert top in STDLIB or top in ("followup", "__future__"), name


def test_the_agenda_command_loads_no_heavy_library():
    code = (
        "import sys, os; os.environ['FOLLOWUP_DATABASE'] = os.devnull + '.x';"
        "from followup.cli.main import build_parser; build_parser();"
        "import followup.services.agenda, followup.adapters.storage.sqlite.store;"
        "print(sorted(m for m in ('holidays', 'numpy', 'click', 'jinja2', 'platformdirs') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
