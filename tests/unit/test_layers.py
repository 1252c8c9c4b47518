"""The layers import only downward, in every module of every package (subpackages too): the
domain is pure standard library; services never reach for adapters or entry points; adapters
never call a use case (they may name the interfaces, records and errors services define, never
a function); the CLI and the web never import each other; and nothing heavy loads when the CLI
starts."""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).parents[2] / "src" / "followup"
STDLIB = sys.stdlib_module_names
MODULES = sorted(SRC.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(module, names imported from it) for every import in the file, lazy ones included;
    relative imports are resolved against the file's package."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [(alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            found.append((module, tuple(alias.name for alias in node.names)))
    return found


def _in(package: str) -> list[Path]:
    return [p for p in MODULES if _module_name(p).startswith(f"followup.{package}")]


def test_every_module_is_under_a_layer_this_test_knows():
    layers = ("domain", "services", "adapters", "cli", "web", "policies", "checks", "imports")
    loose = {"followup", "followup.__main__", "followup.bootstrap"}
    for path in MODULES:
        name = _module_name(path)
        assert name in loose or name.split(".")[1] in layers, name


def test_the_layer_lists_reach_into_subpackages():
    assert "followup.domain.letters.check" in {_module_name(p) for p in _in("domain")}
    assert "followup.adapters.storage.sqlite.store" in {_module_name(p) for p in _in("adapters")}


@pytest.mark.parametrize("path", _in("domain"), ids=_module_name)
def test_the_domain_imports_the_standard_library_and_itself_only(path):
    for name, _ in _imports(path):
        top = name.split(".")[0]
        assert top in STDLIB or name.startswith("followup.domain") or top == "__future__", name


@pytest.mark.parametrize("path", _in("services"), ids=_module_name)
def test_services_import_no_adapter_and_no_entry_point(path):
    for name, _ in _imports(path):
        assert not name.startswith(
            ("followup.adapters", "followup.cli", "followup.web", "followup.bootstrap")
        ), name
        top = name.split(".")[0]
        assert top in STDLIB or top in ("followup", "__future__"), name


@pytest.mark.parametrize("path", _in("adapters"), ids=_module_name)
def test_adapters_call_no_use_case_and_import_no_entry_point(path):
    for name, names in _imports(path):
        assert not name.startswith(("followup.cli", "followup.web", "followup.bootstrap")), name
        if not name.startswith("followup.services"):
            continue
        assert names, f"{name}: import the interfaces by name, not the module"
        module = importlib.import_module(name)
        for imported in names:
            value = getattr(module, imported)
            assert inspect.isclass(value), (
                f"{_module_name(path)} imports {name}.{imported}, a function: an adapter never "
                "calls a use case (the use case calls the adapter)"
            )


@pytest.mark.parametrize(
    ("entry", "other"), [("cli", "followup.web"), ("web", "followup.cli")], ids=["cli", "web"]
)
def test_the_cli_and_the_web_never_import_each_other(entry, other):
    for path in _in(entry):
        for name, _ in _imports(path):
            assert not name.startswith(other), f"{_module_name(path)} imports {name}"


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


def test_the_agenda_starts_without_argparse_typing_json_or_the_folder_and_policy_libraries(
    tmp_path,
):
    """What `followup agenda` loads is what it uses (bench/startup_bench.py measures it beside
    Taskwarrior): read without argparse, on an up-to-date database, in the user's time zone."""
    env = {**os.environ, "FOLLOWUP_DATABASE": str(tmp_path / "f.sqlite3")}
    setup = "from followup.cli.main import main; main(['profile', '--timezone', 'America/Chicago'])"
    subprocess.run([sys.executable, "-c", setup], capture_output=True, check=True, env=env)
    code = (
        "import sys; from followup.cli.main import main; main(['agenda']); "
        "main(['agenda', '--on', '2026-12-28']); "
        "print(sorted(m for m in ('argparse', 'typing', 'json', 'platformdirs', 'holidays', "
        "'importlib.resources', 'pathlib', 'jinja2', 'followup.adapters.policies') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.startswith("Agenda for "), out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_check_of_one_letter_starts_without_argparse(tmp_path):
    """`followup check FILE --opportunity ID --to NAME` is read without argparse (its start-up is
    measured by bench/check_startup.py): neither argparse nor its gettext is
    loaded. An error still goes through argparse, which names the option."""
    env = {**os.environ, "FOLLOWUP_DATABASE": str(tmp_path / "f.sqlite3")}
    env["FOLLOWUP_CONFIG"] = str(tmp_path / "config")
    notes = Path(__file__).parents[1] / "data" / "notes.json"
    setup = f"from followup.cli.main import main; main(['import', {str(notes)!r}])"
    subprocess.run([sys.executable, "-c", setup], capture_output=True, check=True, env=env)
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Dana,\n\nThank you.\n", encoding="utf-8")
    code = (
        "import sys; from followup.cli.main import main; "
        f"code = main(['check', {str(letter)!r}, '--opportunity', 'acme-ae', "
        "'--to', 'Dana Reyes']); "
        "print(code, sorted(m for m in ('argparse', 'gettext') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip().splitlines()[-1] == "1 []", out.stderr
    code = code.replace("'acme-ae'", "'nowhere'")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "2 ['argparse', 'gettext']", out.stderr
    assert out.stderr.startswith("followup: error: --opportunity: no opportunity 'nowhere'")


def test_the_check_of_one_letter_finds_the_default_folders_without_platformdirs(tmp_path):
    """As a user runs it, with no FOLLOWUP_* setting: the database, the settings and the cache in
    the XDG folders of the home folder, found without platformdirs and the pathlib, tempfile,
    shutil and random it loads (a tenth of the check's start-up)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FOLLOWUP_", "XDG_"))}
    env["HOME"] = str(tmp_path)
    notes = Path(__file__).parents[1] / "data" / "notes.json"
    setup = f"from followup.cli.main import main; main(['import', {str(notes)!r}])"
    subprocess.run([sys.executable, "-c", setup], capture_output=True, check=True, env=env)
    assert (tmp_path / ".local" / "share" / "followup" / "followup.sqlite3").is_file()
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Dana,\n\nThank you.\n", encoding="utf-8")
    code = (
        "import sys; from followup.cli.main import main; "
        f"code = main(['check', {str(letter)!r}, '--opportunity', 'acme-ae', "
        "'--to', 'Dana Reyes']); "
        "print(code, sorted(m for m in ('platformdirs', 'pathlib', 'tempfile', 'shutil', "
        "'random') if m in sys.modules))"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert first.stdout.strip().splitlines()[-1].startswith("1 "), first.stderr  # fills the cache
    assert any((tmp_path / ".cache" / "followup").glob("rules-*.pickle"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip().splitlines()[-1] == "1 []", out.stderr
