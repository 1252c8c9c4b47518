"""Where Followup keeps its files on Linux: the XDG Base Directory folders, found without
platformdirs on the path every command takes first (the check of one letter starts in under
100 ms), and the same folders platformdirs finds, whatever the environment says."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from followup import bootstrap

linux = pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")

KINDS = [
    ("XDG_CONFIG_HOME", ".config", platformdirs.user_config_dir),
    ("XDG_CACHE_HOME", ".cache", platformdirs.user_cache_dir),
    ("XDG_DATA_HOME", ".local/share", platformdirs.user_data_dir),
]

# HOME and the kind's variable: absolute, with a trailing slash, the root, relative, empty, unset
ENVIRONMENTS = [
    ("/home/ada", None),
    ("/home/ada/", None),
    ("/", None),
    ("/home/ada", "/srv/ada/folders"),
    ("/home/ada", "/srv/ada/folders/"),
    ("/home/ada", "relative/folders"),
    ("/home/ada", ""),
    ("/home/ada", "~/folders"),
]


@linux
@pytest.mark.parametrize(("variable", "default", "theirs"), KINDS, ids=lambda v: str(v)[:15])
@pytest.mark.parametrize(("home", "value"), ENVIRONMENTS)
def test_the_xdg_folder_is_the_one_platformdirs_finds(
    monkeypatch, variable, default, theirs, home, value
):
    monkeypatch.delenv("ANDROID_DATA", raising=False)
    monkeypatch.setenv("HOME", home)
    if value is None:
        monkeypatch.delenv(variable, raising=False)
    else:
        monkeypatch.setenv(variable, value)
    ours = bootstrap.xdg_folder(variable, default)
    assert ours == theirs("followup", appauthor=False)


@linux
def test_the_folders_by_name(monkeypatch):
    monkeypatch.setenv("HOME", "/home/ada")
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/tmp/ada-cache")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "FOLLOWUP_CONFIG", "FOLLOWUP_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("ANDROID_DATA", raising=False)
    assert bootstrap.config_folder() == "/home/ada/.config/followup"
    assert bootstrap.cache_folder() == "/var/tmp/ada-cache/followup"
    assert bootstrap.data_folder() == "/home/ada/.local/share/followup"
    assert str(bootstrap.data_dir()) == "/home/ada/.local/share/followup"


@linux
@pytest.mark.parametrize("home", ["relative/home", ""])
def test_without_an_absolute_home_platformdirs_decides(monkeypatch, home):
    monkeypatch.setenv("HOME", home)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("FOLLOWUP_CACHE", raising=False)
    monkeypatch.delenv("FOLLOWUP_CONFIG", raising=False)
    assert bootstrap.xdg_folder("XDG_CACHE_HOME", ".cache") is None
    assert bootstrap.cache_folder() == platformdirs.user_cache_dir("followup", appauthor=False)


def test_the_default_database_is_made_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("FOLLOWUP_DATABASE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    location = bootstrap.database_location()
    folder = platformdirs.user_data_dir("followup", appauthor=False)
    assert location == f"{folder}/followup.sqlite3"
    assert (tmp_path / "data" / "followup").is_dir()


@pytest.mark.parametrize(
    ("environ", "region"),
    [
        ({"LANG": "en_US.UTF-8"}, "US"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "fil_PH.UTF-8"}, "PH"),  # LC_ALL first
        ({"LC_MESSAGES": "de_AT@euro"}, "AT"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({}, None),
    ],
)
def test_a_card_is_read_in_the_country_of_the_locale_when_the_user_gave_none(environ, region):
    from followup.bootstrap import locale_region

    assert locale_region(environ) == region
