"""Letter templates: Jinja2 in a sandbox, so a template can fill in text but never run code.

The shipped templates live in `templates/letters/KIND.txt`; a file of the same name in
`<config>/templates/` overrides one. A variable the template uses but the data lacks is an error
naming it, never a blank in a letter.

A user's template is bounded besides: in size (ranges of at most MAX_RANGE items, strings and
lists multiplied to at most MAX_OUTPUT, a letter of at most MAX_OUTPUT), in depth (a template
that includes itself), and in time — when the user has templates of their own, letters are
rendered in a worker process that is stopped after RENDER_SECONDS, because a loop within a loop
within a loop that writes nothing can only be stopped from outside.
"""

from __future__ import annotations

import contextlib
import re
import threading
from pathlib import Path
from typing import Any

from followup.domain.errors import BadInput

MAX_RANGE = 1000  # items in one range(): a letter lists a few topics, never thousands
MAX_OUTPUT = 1_000_000  # bytes: the largest letter Followup takes (services/letters.py)
RENDER_SECONDS = 5.0
WORKER_MEMORY = 1 << 30  # address space of the worker process


# A frame's full stop after a note that ends its own sentence ('... trust us?' '... to die."'):
# the note's own mark stays, once.
_STOP_TWICE = re.compile(r"(?<!\.\.)(?<=[.?!])([\"”’)]*)\.(?!\.)")


def paragraph(text: str) -> str:
    """The lines of a block joined into one paragraph (`{% filter paragraph %}`), so that a
    template can put each sentence, and each of its phrasings, on a line of its own. An empty
    block leaves nothing, not even a blank line. A note pasted before a frame's full stop that
    ends with its own (a question, an exclamation, a quotation) keeps only its own."""
    joined = _STOP_TWICE.sub(r"\1", " ".join(text.split()))
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


class _TooLarge(Exception):
    pass


def _environment(user_folder: Path | None) -> Any:
    import jinja2
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        """The sandbox, with `*` and `**` checked before they build something enormous."""

        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**":
                if isinstance(right, int) and abs(right) > 64:
                    raise _TooLarge(f"{left} ** {right}")
                if isinstance(left, int) and abs(left) > 2**64:
                    raise _TooLarge("a power of a huge number")
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    sized = isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                    if sized and len(seq) * max(times, 0) > MAX_OUTPUT:
                        raise _TooLarge(f"a text or list {len(seq)} × {times} long")
            return super().call_binop(context, operator, left, right)

    def bounded_range(*args: int) -> range:
        found = range(*args)
        if len(found) > MAX_RANGE:
            raise SecurityError(f"range() of {len(found):,} items; at most {MAX_RANGE:,}")
        return found

    loaders: list[jinja2.BaseLoader] = []
    if user_folder is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_folder)))
    loaders.append(jinja2.PackageLoader("followup", "templates/letters"))
    env = BoundedSandbox(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals["range"] = bounded_range
    env.filters["join_and"] = join_and
    env.filters["paragraph"] = paragraph
    env.filters["sentence_case"] = sentence_case
    return env


def _render(env: Any, kind: str, variables: dict[str, Any]) -> str:
    """Render, or raise BadInput with one line; the output is cut off at MAX_OUTPUT."""
    import jinja2

    name = f"{kind}.txt"
    try:
        template = env.get_template(name)
        pieces: list[str] = []
        size = 0
        for piece in template.generate(**variables):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise BadInput(f"template {name}: writes a letter longer than 1 MB")
            pieces.append(piece)
        text = "".join(pieces)
    except jinja2.TemplateNotFound as error:
        if error.name == name:
            raise BadInput(f"--kind: no letter template {name!r}") from None
        raise BadInput(f"template {name}: includes {error.name!r}, which does not exist") from None
    except jinja2.UndefinedError as error:
        raise BadInput(
            f"template {name}: {error.message}; the letter's data has "
            f"{', '.join(sorted(variables))}"
        ) from None
    except jinja2.exceptions.SecurityError as error:
        raise BadInput(f"template {name}: refused by the sandbox ({error})") from None
    except jinja2.TemplateSyntaxError as error:
        raise BadInput(f"template {name}: line {error.lineno}: {error.message}") from None
    except _TooLarge as error:
        raise BadInput(f"template {name}: builds something too large ({error})") from None
    except RecursionError:
        raise BadInput(
            f"template {name}: includes itself (or templates include each other) too deeply"
        ) from None
    except MemoryError:
        raise BadInput(f"template {name}: needs more memory than a letter can") from None
    except (TypeError, ValueError, ArithmeticError, LookupError) as error:
        raise BadInput(f"template {name}: {type(error).__name__}: {error}") from None
    return _tidy(text)


class TemplateRenderer:
    def __init__(self, user_folder: Path | None = None) -> None:
        self._folder = user_folder
        self._env = _environment(user_folder)

    def render(self, kind: str, variables: dict[str, Any]) -> str:
        if not _has_templates(self._folder):
            return _render(self._env, kind, variables)  # the shipped ones: trusted and quick
        return _Worker.render(str(self._folder), kind, variables)


def _has_templates(folder: Path | None) -> bool:
    try:
        return folder is not None and folder.is_dir() and any(folder.iterdir())
    except OSError:
        return False


# -- the worker: a user's templates, stopped after RENDER_SECONDS ------------------------------
def _child(connection: Any, folder: str, kind: str, variables: dict[str, Any]) -> None:
    """In the forked child: render, send (True, the letter) or (False, the one-line error)."""
    import resource

    with contextlib.suppress(ValueError, OSError):
        # the child starts as big as its parent (a web server or a test run may map a lot):
        # the letter gets WORKER_MEMORY more than that, not WORKER_MEMORY in all
        limit = _mapped_bytes() + WORKER_MEMORY
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result = (True, _render(_environment(Path(folder)), kind, variables))
    except BadInput as error:
        result = (False, str(error))
    except BaseException as error:
        result = (False, f"template {kind}.txt: {type(error).__name__}: {error}")
    connection.send(result)
    connection.close()


def _mapped_bytes() -> int:
    """This process's virtual size (Linux: /proc/self/statm counts pages)."""
    import os

    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


class _Worker:
    """One forked process per letter: the letter's data (which may hold functions the templates
    call) is inherited, never pickled; only the text comes back. A child that runs past
    RENDER_SECONDS is killed."""

    _lock = threading.Lock()

    @classmethod
    def render(cls, folder: str, kind: str, variables: dict[str, Any]) -> str:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        with cls._lock:  # one letter at a time
            receiving, sending = context.Pipe(duplex=False)
            child = context.Process(
                target=_child, args=(sending, folder, kind, variables), daemon=True
            )
            child.start()
            sending.close()
            try:
                if not receiving.poll(RENDER_SECONDS):
                    raise BadInput(
                        f"template {kind}.txt: took longer than {RENDER_SECONDS:.0f} s to write "
                        "a letter (a loop that never ends?); it was stopped"
                    )
                ok, text = receiving.recv()
            except EOFError:
                raise BadInput(
                    f"template {kind}.txt: the process writing the letter stopped (out of memory?)"
                ) from None
            finally:
                if child.is_alive():
                    child.kill()
                child.join(5)
                receiving.close()
        if not ok:
            raise BadInput(text)
        return str(text)


def _tidy(text: str) -> str:
    """Collapse the blank lines left by optional paragraphs."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out) + "\n"
