"""The policy book: shipped policies, and the user's own copies in their config folder.

A user copies `persistent.json` to `<config>/policies/mine.json`, edits it, and names `mine` as an
opportunity's policy. A file of the same name as a shipped one overrides it.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from followup.domain.errors import BadInput, NotFound
from followup.domain.policy import Policy, policy_from_dict

DEFAULTS = "defaults.json"


class PolicyBook:
    def __init__(self, user_folder: Path | None = None) -> None:
        self._user_folder = user_folder
        self._loaded: dict[str, Policy] = {}

    def names(self) -> list[str]:
        shipped = {
            entry.name[:-5]
            for entry in resources.files("followup.policies").iterdir()
            if entry.name.endswith(".json") and entry.name != DEFAULTS
        }
        mine = set()
        if self._user_folder and self._user_folder.is_dir():
            mine = {p.stem for p in self._user_folder.glob("*.json")}
        return sorted(shipped | mine)

    def source(self, name: str) -> str:
        """Where the policy of that name is read from, for the user to copy."""
        if self._user_folder and (self._user_folder / f"{name}.json").is_file():
            return str(self._user_folder / f"{name}.json")
        return str(resources.files("followup.policies") / f"{name}.json")

    def get(self, name: str, field: str = "policy") -> Policy:
        policy = self._loaded.get(name)
        if policy is None:
            policy = self._load(name, field)
            self._loaded[name] = policy
        return policy

    def _defaults(self) -> object:
        """policies/defaults.json: the guards and fallbacks a policy file may leave out."""
        text = (resources.files("followup.policies") / DEFAULTS).read_text(encoding="utf-8")
        return json.loads(text)

    def _load(self, name: str, field: str) -> Policy:
        text = None
        origin = name
        if name and "/" not in name and "\\" not in name and not name.startswith("."):
            user_file = self._user_folder / f"{name}.json" if self._user_folder else None
            if user_file is not None and user_file.is_file():
                text, origin = user_file.read_text(encoding="utf-8"), str(user_file)
            else:
                shipped = resources.files("followup.policies") / f"{name}.json"
                if shipped.is_file() and shipped.name != DEFAULTS:
                    text = shipped.read_text(encoding="utf-8")
        if text is None:
            raise NotFound(field, "policy", name, self.names())
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise BadInput(
                f"{origin}: expected a JSON policy, {error.msg} at line {error.lineno}"
            ) from None
        policy = policy_from_dict(data, origin, self._defaults())
        if policy.name != name:
            raise BadInput(
                f"{origin}: its name is {policy.name!r}; expected {name!r} "
                "(the name must match the file name)"
            )
        return policy
