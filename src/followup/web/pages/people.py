"""The address book: everyone the candidate knows, and the names the capture form offers as one
is typed (name → title, company and email filled in)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from followup.domain.people import Person
from followup.services import people as book
from followup.web.common import call, deps_of, render

SHOWN = 500


async def people(request: Request) -> Response:
    everyone: list[Person] = []
    more = 0
    for person in await call(lambda: list(book.list_people(deps_of(request)))):
        if len(everyone) < SHOWN:
            everyone.append(person)
        else:
            more += 1
    return render(request, "people.html", {"people": everyone, "more": more})


def _typed(request: Request) -> str:
    """What was typed: `q`, or the name field HTMX sends as it is (`people-0-name`)."""
    params = request.query_params
    if "q" in params:
        return params["q"]
    return next((v for k, v in params.items() if k.endswith("-name")), "")


async def suggest(request: Request) -> Response:
    """`<option>`s for the name field's datalist, each carrying what fills the other fields."""
    found = await call(book.suggest_people, deps_of(request), _typed(request))
    return render(request, "_people_options.html", {"people": found})


async def suggest_json(request: Request) -> Response:
    from followup.adapters.json_shapes import person_dict

    found = await call(book.suggest_people, deps_of(request), _typed(request))
    return JSONResponse([person_dict(p) for p in found])


routes = [
    Route("/people", people, name="people"),
    Route("/people/suggest", suggest, name="people_suggest"),
    Route("/people/suggest.json", suggest_json, name="people_suggest_json"),
]
