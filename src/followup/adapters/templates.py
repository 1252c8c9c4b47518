"""Letter templates: Jinja2 in a sandbox, so a template can fill in text but never run code.

The shipped templates live in `templates/letters/KIND.txt`; a file of the same name in
`<config>/templates/` overrides one. A variable the template uses but the data lacks is an error
naming it, never a blank in a letter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from followup.domain.errors import BadInput


def paragraph(text: str) -> str:
    """The lines of a block joined into one paragraph (`{% filter paragraph %}`), so that a
    template can put each sentence, and each of its phrasings, on a line of its own. An empty
    block leaves nothing, not even a blank line."""
    joined = " ".join(text.split())
    return joined + "\n" if joined else ""


def sentence_case(text: str) -> str:
    """The first letter capitalised, the rest as written ('The Account Executive position')."""
    return text[:1].upper() + text[1:]


def join_and(items: list[str] | tuple[str, ...]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class TemplateRenderer:
    def __init__(self, user_folder: Path | None = None) -> None:
        import jinja2
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        loaders: list[jinja2.BaseLoader] = []
        if user_folder is not None:
            loaders.append(jinja2.FileSystemLoader(str(user_folder)))
        loaders.append(jinja2.PackageLoader("followup", "templates/letters"))
        self._env = ImmutableSandboxedEnvironment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self._env.filters["join_and"] = join_and
        self._env.filters["paragraph"] = paragraph
        self._env.filters["sentence_case"] = sentence_case

    def render(self, kind: str, variables: dict[str, Any]) -> str:
        import jinja2

        name = f"{kind}.txt"
        try:
            template = self._env.get_template(name)
            text = template.render(**variables)
        except jinja2.TemplateNotFound:
            raise BadInput(f"--kind: no letter template {name!r}") from None
        except jinja2.UndefinedError as error:
            raise BadInput(
                f"template {name}: {error.message}; the letter's data has "
                f"{', '.join(sorted(variables))}"
            ) from None
        except jinja2.exceptions.SecurityError as error:
            raise BadInput(f"template {name}: refused by the sandbox ({error})") from None
        except jinja2.TemplateSyntaxError as error:
            raise BadInput(f"template {name}: line {error.lineno}: {error.message}") from None
        return _tidy(text)


def _tidy(text: str) -> str:
    """Collapse the blank lines left by optional paragraphs."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out) + "\n"
