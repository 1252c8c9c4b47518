"""A user's letter template that runs away: huge ranges, loops within loops, a template that
includes itself, a string multiplied a billion times. Each is stopped, in bounded time and
memory, with one line; the sandbox still refuses every escape."""

from __future__ import annotations

import time

import pytest

from followup.adapters.templates import TemplateRenderer
from followup.domain.errors import BadInput
from tests.e2e.conftest import DATA

VARIABLES = {"recipient": {"name": "Lee Park", "first_name": "Lee"}, "company": "Acme Corp"}

RUNAWAYS = [
    ("{% for i in range(10**9) %}x{% endfor %}", "range"),
    (
        "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}"
        "{% endfor %}{% endfor %}{% endfor %}",
        "took longer than",
    ),
    ('{% include "thank_you.txt" %}', "includes itself"),
    ('{{ "x" * 1000000000 }}', "too large"),
    ("{{ 2 ** 100000000 }}", "too large"),
    ('{% for i in range(1000) %}{{ "y" * 5000 }}{% endfor %}', "longer than 1 MB"),
    ("{{ ().__class__.__bases__[0].__subclasses__() }}", "refused by the sandbox"),
    (
        "{% set x = [] %}{% for i in range(1000) %}{% for j in range(1000) %}"
        "{{ x.append(j) or '' }}{% endfor %}{% endfor %}",
        "refused by the sandbox",
    ),
]


@pytest.mark.parametrize(("source", "said"), RUNAWAYS, ids=[s for s, _ in RUNAWAYS])
def test_a_runaway_user_template_is_stopped_with_one_line(tmp_path, source, said):
    (tmp_path / "thank_you.txt").write_text(source)
    renderer = TemplateRenderer(tmp_path)
    started = time.monotonic()
    with pytest.raises(BadInput) as caught:
        renderer.render("thank_you", VARIABLES)
    assert time.monotonic() - started < 15
    message = str(caught.value)
    assert message.startswith("template thank_you.txt: "), message
    assert said in message, message
    assert "\n" not in message


def test_the_renderer_still_works_after_a_runaway(tmp_path):
    (tmp_path / "thank_you.txt").write_text(
        "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}"
        "{% endfor %}{% endfor %}{% endfor %}"
    )
    (tmp_path / "call.txt").write_text("Call {{ recipient.first_name }} at {{ company }}.")
    renderer = TemplateRenderer(tmp_path)
    with pytest.raises(BadInput):
        renderer.render("thank_you", VARIABLES)
    assert renderer.render("call", VARIABLES) == "Call Lee at Acme Corp.\n"


def test_draft_with_a_runaway_template_is_one_line_exit_2(cli, tmp_path):
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "thank_you.txt").write_text('{% include "thank_you.txt" %}')
    assert cli("import", str(DATA / "acme.json")).code == 0
    result = cli("draft", "--opportunity", "acme-ae", "--to", "Lee Park", "--kind", "thank_you")
    assert result.code == 2
    assert result.err == (
        "followup: error: template thank_you.txt: includes itself (or templates include each "
        "other) too deeply\n"
    )
