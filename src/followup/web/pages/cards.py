"""Capture from a business card (001: collect everyone's card): take or choose a photo on the
phone, check the fields read from it beside the picture, save the person to an interview, then
say how long you talked and about what."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from followup.domain.cards import CARD_FIELDS, BusinessCard
from followup.domain.errors import BadInput, FollowupError, InvalidField
from followup.domain.parsing import parse_minutes
from followup.services import cards as cards_service
from followup.web.common import call, checked_form, deps_of, path_segment, render

MAX_PHOTO_BYTES = 20 * 1024 * 1024  # as `followup card`: a phone's photo is 2–10 MB
MAX_BODY_BYTES = MAX_PHOTO_BYTES + 64 * 1024  # the photo and the form around it
UNSURE = 0.8  # fields read with less confidence are marked for checking


class TooLarge(BadInput):
    http_status = 413


async def card_page(request: Request) -> Response:
    """Step 1: the photo."""
    return render(request, "card.html", {"step": "photo", "error": None})


async def read_photo(request: Request) -> Response:
    """Step 2: the fields read from the photo, beside it, to correct before saving."""
    deps = deps_of(request)
    try:
        form = await checked_form(_bounded(request, MAX_BODY_BYTES))
        upload = form.get("photo")
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise InvalidField("photo", "a photo of the card (JPEG, PNG or HEIC)")
        photo = await upload.read(MAX_PHOTO_BYTES + 1)
        if len(photo) > MAX_PHOTO_BYTES:
            raise TooLarge(f"photo: expected a photo of at most {MAX_PHOTO_BYTES // 2**20} MB")
        card = await run_in_threadpool(cards_service.read_card, deps, photo, "photo")
        preview = await run_in_threadpool(_preview, photo)
    except FollowupError as error:
        return render(
            request, "card.html", {"step": "photo", "error": str(error)}, error.http_status
        )
    return await _review(request, card.as_dict(), preview, card.source, None)


async def save_person(request: Request) -> Response:
    """Step 3: the corrected fields saved to the chosen interview."""
    deps = deps_of(request)
    form = await checked_form(request)
    values = {key: _text(form, key) for key in CARD_FIELDS}
    try:
        opportunity_id, _, interview_id = _text(form, "interview").partition("|")
        if not interview_id:
            raise InvalidField("interview", "the interview where you met this person")
        card = BusinessCard(
            name=values["name"] or None,
            title=values["title"] or None,
            company=values["company"] or None,
            email=values["email"] or None,
            phone=values["phone"] or None,
        )
        opportunity, contact = await call(
            cards_service.add_card_person, deps, opportunity_id, interview_id, card
        )
    except FollowupError as error:
        shown = {**values, "confidence": {}}
        return await _review(request, shown, _text(form, "preview"), "", error, form)
    query = urlencode(
        {"opportunity": opportunity.id, "interview": interview_id, "name": contact.name}
    )
    return RedirectResponse(f"/capture/card/conversation?{query}", status_code=303)


async def conversation(request: Request) -> Response:
    """Step 4: how long you talked and about what (001), which the thank-you is written from."""
    deps = deps_of(request)
    if request.method == "GET":
        params = request.query_params
        values = {key: params.get(key, "") for key in ("opportunity", "interview", "name")}
        return render(request, "card.html", {"step": "conversation", "values": values})
    form = await checked_form(request)
    values = {key: _text(form, key) for key in ("opportunity", "interview", "name", "minutes")}
    values["topics"] = _text(form, "topics")
    try:
        minutes = parse_minutes(values["minutes"], "minutes")
        topics = tuple(t for t in values["topics"].split(","))
        await call(
            cards_service.note_conversation,
            deps,
            values["opportunity"],
            values["interview"],
            values["name"],
            minutes,
            topics,
            form.get("dm") == "on",
        )
    except FollowupError as error:
        return render(
            request,
            "card.html",
            {"step": "conversation", "values": values, "error": str(error)},
            error.http_status,
        )
    return RedirectResponse(f"/opportunities/{path_segment(values['opportunity'])}?captured=1", 303)


async def _review(
    request: Request,
    fields: dict[str, Any],
    preview: str,
    source: str,
    error: FollowupError | None,
    form: FormData | None = None,
) -> Response:
    choices = await call(cards_service.interview_choices, deps_of(request))
    confidence = fields.get("confidence") or {}
    unsure = [k for k in CARD_FIELDS if fields.get(k) and confidence.get(k, 1.0) < UNSURE]
    return render(
        request,
        "card.html",
        {
            "step": "review",
            "fields": fields,
            "unsure": unsure,
            "preview": preview,
            "source": source,
            "choices": choices,
            "chosen": _text(form, "interview") if form else "",
            "error": str(error) if error else None,
            "error_field": error.field if error else None,
        },
        error.http_status if error else 200,
    )


def _preview(photo: bytes) -> str:
    """The photo as a small JPEG data URL, to show beside the fields (a phone's 10 MB photo would
    be slow to send back; HEIC would not show in most browsers)."""
    from followup.adapters.cards.image import preview_jpeg

    return "data:image/jpeg;base64," + base64.b64encode(preview_jpeg(photo)).decode("ascii")


def _text(form: FormData | None, key: str) -> str:
    value = form.get(key) if form is not None else None
    return " ".join(value.split()) if isinstance(value, str) else ""


def _bounded(request: Request, limit: int) -> Request:
    """The request, refused before its body is read when it says it is larger than `limit`, and
    cut off as soon as more than `limit` bytes arrive when it does not say."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise TooLarge(f"photo: expected a photo of at most {MAX_PHOTO_BYTES // 2**20} MB")
    received = 0
    receive = request.receive

    async def counted() -> Any:
        nonlocal received
        message = await receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise TooLarge(f"photo: expected a photo of at most {MAX_PHOTO_BYTES // 2**20} MB")
        return message

    return Request(request.scope, counted)


routes = [
    Route("/capture/card", card_page, name="card"),
    Route("/capture/card/read", read_photo, methods=["POST"], name="card_read"),
    Route("/capture/card/save", save_person, methods=["POST"], name="card_save"),
    Route(
        "/capture/card/conversation",
        conversation,
        methods=["GET", "POST"],
        name="card_conversation",
    ),
]
