"""The letter editor: start from the draft, edit, see the findings as you type, send it on."""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from followup.domain.errors import InvalidField
from followup.domain.letters.check import Finding
from followup.services.letters import MAX_LETTER_BYTES, Draft, check_letter, draft_letter
from followup.web.common import call, checked_form, deps_of, form_text, render


async def editor(request: Request) -> Response:
    query = request.query_params
    opportunity_id = query.get("opportunity", "")
    to = query.get("to", "")
    if not opportunity_id or not to:
        raise InvalidField("opportunity", "an opportunity and a person (?opportunity=…&to=…)")
    draft = await call(
        draft_letter, deps_of(request), opportunity_id, to, query.get("kind") or None
    )
    return render(request, "letter.html", {"draft": draft, "opportunity_id": opportunity_id})


async def check(request: Request) -> Response:
    """The live check: findings, and the letter with each finding's span highlighted."""
    form = await checked_form(request)
    text = _letter_text(form.get("text"))
    ctx, findings = await call(
        check_letter,
        deps_of(request),
        text,
        form_text(form, "opportunity"),
        form_text(form, "to"),
        str(form.get("kind") or "") or None,
    )
    subject = str(form.get("subject") or "")
    from urllib.parse import quote

    mailto = (
        f"mailto:{quote(str(form.get('email') or ''), safe='@')}?subject="
        f"{quote(subject, safe='')}&body={quote(text.replace(chr(10), chr(13) + chr(10)), safe='')}"
    )
    return render(
        request,
        "_findings.html",
        {
            "findings": findings,
            "marked": highlight(text, findings),
            "kind": ctx.kind,
            "mailto": mailto,
        },
    )


async def download_eml(request: Request) -> Response:
    from followup.adapters.files.letter_formats import to_eml

    draft, deps = await _edited(request)
    data = await call(to_eml, draft, deps.clock())
    return Response(
        data,
        media_type="message/rfc822",
        headers={"content-disposition": f'attachment; filename="{_file_name(draft)}.eml"'},
    )


async def download_pdf(request: Request) -> Response:
    from followup.adapters.files.letter_formats import to_pdf

    draft, deps = await _edited(request)
    data = await call(to_pdf, draft, deps.today(draft.sender))
    return Response(
        data,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="{_file_name(draft)}.pdf"'},
    )


async def _edited(request: Request):  # type: ignore[no-untyped-def]
    """The draft for that person, with the text as the user edited it."""
    form = await checked_form(request)
    deps = deps_of(request)
    draft: Draft = await call(
        draft_letter,
        deps,
        form_text(form, "opportunity"),
        form_text(form, "to"),
        str(form.get("kind") or "") or None,
    )
    text = _letter_text(form.get("text"))
    subject = str(form.get("subject") or draft.subject)
    return replace(draft, body=text, subject=subject), deps


def _letter_text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidField("text", "the letter's text")
    if len(value.encode()) > MAX_LETTER_BYTES:
        raise InvalidField("text", "a letter of at most 1 MB")
    return value.replace("\r\n", "\n")


def highlight(text: str, findings: list[Finding]) -> Markup:
    """The letter, escaped, with each finding's span in a <mark> naming its rule. Findings about
    the whole letter (no thanks, no recap) are listed, not marked: they would hide the rest."""
    whole = len(text.rstrip())
    spans = sorted(
        (f for f in findings if f.end > f.start and not (f.start == 0 and f.end >= whole)),
        key=lambda f: (f.start, -f.end),
    )
    out: list[str] = []
    at = 0
    for finding in spans:
        if finding.start < at:
            continue  # overlapping spans: the first one shown is enough
        out.append(str(escape(text[at : finding.start])))
        out.append(
            f'<mark data-rule="{escape(finding.rule)}" title="{escape(finding.message)}">'
            f"{escape(text[finding.start : finding.end])}</mark>"
        )
        at = finding.end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def _file_name(draft: Draft) -> str:
    import re

    base = f"{draft.kind}-{draft.recipient.name}".lower()
    return re.sub(r"[^a-z0-9]+", "-", base).strip("-")


routes = [
    Route("/letters", editor, name="letter"),
    Route("/letters/check", check, methods=["POST"], name="letter_check"),
    Route("/letters/eml", download_eml, methods=["POST"], name="letter_eml"),
    Route("/letters/pdf", download_pdf, methods=["POST"], name="letter_pdf"),
]
