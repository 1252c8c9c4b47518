"""A message the sender forwards is read when they pass it on as their own word: their new text
decides nothing itself, it comes from their own organisation, and they do not hold it at a
distance. Otherwise only the new text counts, as for any quote."""

from __future__ import annotations

import pytest

from followup.domain.replies.classify import shipped_classifier
from followup.domain.replies.text import forwarded, organisation

OFFER = "Dear Sam,\n\nWe are delighted to offer you the position of Account Executive.\n\nHR"
REJECTION = "Dear Sam,\n\nWe have decided to move forward with other candidates.\n\nHR"
FORWARD_LINES = {
    "gmail": "---------- Forwarded message ---------\nFrom: HR <hr@acme.example>\n"
    "Date: Mon, 23 Nov 2026\nSubject: Your offer\nTo: <sam@example.com>\n",
    "apple fr": "Début du message réexpédié :\n\nDe: RH <rh@acme.example>\nObjet: Votre offre\n",
    "gmail de": "---------- Weitergeleitete Nachricht ---------\nVon: HR <hr@acme.example>\n"
    "Date: Mo., 23. Nov. 2026\nSubject: Angebot\n",
    "attached": "---------- Attached message ----------\nFrom: HR <hr@acme.example>\n"
    "Subject: Your offer\n",
}
FROM_ACME = {"from": "ann.lee@acme.example"}


def read(text: str, subject: str = "Fwd: Your offer", headers: dict[str, str] | None = None):
    return shipped_classifier().classify(text, subject, FROM_ACME if headers is None else headers)


@pytest.mark.parametrize("intro", FORWARD_LINES.values(), ids=FORWARD_LINES.keys())
def test_a_decision_the_company_forwards_is_what_the_message_says(intro):
    found = read(f"Sam, HR's email bounced, so here it is.\n\n{intro}\n{OFFER}\n")
    assert (found.kind, found.evidence, found.rule) == (
        "offer",
        "We are delighted to offer you the position of Account Executive.",
        "offer/offer",
    )
    assert found.new_text == "Sam, HR's email bounced, so here it is."


def test_another_organisations_mail_that_reached_the_sender_is_not_their_word():
    text = f"Sam, this landed in my inbox by mistake.\n\n{FORWARD_LINES['gmail']}\n{REJECTION}\n"
    assert read(text, headers={"from": "ben@hollowpoint.example"}).kind == "other"
    assert read(text).kind == "rejection"  # from acme.example, HR's own mail passed on
    assert read(text, headers={}).kind == "other"  # no sender known: nothing to compare


def test_a_systems_mail_is_passed_on_unless_it_reached_the_sender_by_mistake():
    ats = (
        "---------- Forwarded message ---------\nFrom: Acme Careers <no-reply@greenhouse.io>\n"
        "Subject: Your offer\n"
    )
    agency = {"from": "olivia@peakhire.example"}
    passed = read(f"Great news Sam, see below!\n\n{ats}\n{OFFER}\n", headers=agency)
    assert passed.kind == "offer"  # an agency passing on its client's word
    stray = read(f"Sam, this landed in my inbox.\n\n{ats}\n{REJECTION}\n", headers=agency)
    assert stray.kind == "other"


@pytest.mark.parametrize(
    "distance",
    [
        "As you asked, here's an example of what our offers look like.",
        "Just for reference - this is the one we sent a hire last spring.",
        "Looping you back into this thread so you have Olivia's contact details.",
        "Je te transfère le modèle que nous utilisons.",
        "Wie gewünscht ein Beispiel, nur zur Orientierung.",
        "Te reenvío la plantilla, solo como referencia.",
        # a hand-over to a colleague, the thread below for their context
        "Looping in Tomasz, who will own your process from here on. Tomasz, over to you.",
        "Our earlier thread is below for context; Tomasz is taking over your application.",
        "Je vous présente Tomasz, qui prend le relais ; l'historique est ci-dessous.",
        "Tomasz übernimmt ab sofort Ihren Prozess, der bisherige Verlauf steht unten.",
        "Tomasz se encargará de tu proceso; el hilo anterior está abajo.",
    ],
)
def test_a_forward_held_at_a_distance_passes_nothing_on(distance):
    assert read(f"{distance}\n\n{FORWARD_LINES['gmail']}\n{OFFER}\n").kind == "other"


def test_the_senders_own_decision_outweighs_what_they_forward():
    text = (
        "Please ignore the automated note below, it went out by mistake: we would like to invite "
        f"you to a final interview.\n\n{FORWARD_LINES['gmail']}\n{REJECTION}\n"
    )
    assert read(text).kind == "invitation"


def test_a_request_of_the_sender_gives_way_to_the_decision_they_pass_on():
    text = f"Could you confirm you got this?\n\n{FORWARD_LINES['gmail']}\n{OFFER}\n"
    assert read(text).kind == "offer"


def test_a_quoted_reply_passes_nothing_on():
    for intro in (
        "On Mon, Nov 23, 2026 at 5:40 PM HR <hr@acme.example> wrote:\n",
        "-----Original Message-----\nFrom: HR <hr@acme.example>\nSent: Monday\n",
    ):
        quoted = "\n".join(f"> {x}" for x in OFFER.split("\n")) if "wrote" in intro else OFFER
        assert read(f"Thanks Sam.\n\n{intro}{quoted}\n", subject="Re: Your offer").kind == "other"


def test_outlooks_header_block_forwards_under_a_forwarding_subject_only():
    block = (
        "________________________________\nFrom: HR <hr@acme.example>\n"
        "Sent: Monday, November 23, 2026 5:40 PM\nTo: Sam\nSubject: Your offer\n\n"
    )
    text = f"Sam, resending HR's note below.\n\n{block}{OFFER}\n"
    assert read(text, subject="FW: Your offer").kind == "offer"
    original = "-----Original Message-----\nFrom: HR <hr@acme.example>\nSent: Monday\n\n"
    assert read(f"Here it is again.\n\n{original}{OFFER}\n", subject="FW: Offer").kind == "offer"
    assert read(text, subject="WG: Ihr Angebot").kind == "offer"
    assert read(text, subject="RE: Your offer").kind == "other"


def test_a_forward_an_html_client_quoted_is_found_under_its_quote_marks():
    lines = f"{FORWARD_LINES['gmail']}\n{OFFER}".split("\n")
    quoted = "\n".join(f"> {x}" if x else ">" for x in lines)
    found = read(f"Sam, see below.\n\n{quoted}\n")
    assert (found.kind, found.new_text) == ("offer", "Sam, see below.")


def test_what_is_forwarded_is_read_without_its_own_quotes_and_signature():
    markers = shipped_classifier().rules.markers
    text = (
        f"See below.\n\n{FORWARD_LINES['gmail']}\nHi Sam,\n\nWelcome to the team.\n\nBest,\nHR\n\n"
        "On Sun, Sam <sam@example.com> wrote:\n> I accept the offer.\n"
    )
    [message] = forwarded(text, markers, forward_subject=False)
    assert (message.sender, message.text) == ("hr@acme.example", "Hi Sam,\n\nWelcome to the team.")


def test_an_organisation_is_a_domain_without_its_subdomains():
    assert organisation("a@hr.acme.co.uk") == organisation("b@acme.co.uk") == "acme.co.uk"
    assert organisation("a@mail.acme.com") == "acme.com"
    assert organisation("rsalinas@acerosdelnorte.com.mx") == "acerosdelnorte.com.mx"
    assert organisation("") == ""


# lang: (the sender's new text, the note they forward, what that note reads as when passed on)
INTRODUCTION = {
    "en": (
        "Sam, I've sent your resume over to our Denver office, see below. Whether they have "
        "something is up to them; from my side, that's everything.",
        "---------- Forwarded message ---------\nFrom: Ann Lee <ann.lee@acme.example>\n"
        "Subject: Profile for Denver\nTo: Tom <tom@acme.example>\n\nHey Tom,\n\nPassing along "
        "Sam's resume. We turned Sam down here only for the location. Would you reach out to "
        "him if you have headcount?\n\nAnn\n",
        "question",
    ),
    "de": (
        "Hallo Herr Ortiz, Ihren Lebenslauf habe ich an die Kollegen in Bremen geschickt. Ob sie "
        "jemanden brauchen, liegt ganz bei ihnen; meinerseits ist die Sache abgeschlossen.",
        "---------- Weitergeleitete Nachricht ---------\nVon: Ann Lee <ann.lee@acme.example>\n"
        "Subject: Kandidat für Bremen\n\nHi Malte,\n\nanbei der Lebenslauf von Herrn Ortiz. Für "
        "München hat es nicht gepasst. Kannst du ihn anrufen, wenn ihr jemanden sucht?\n\nAnn\n",
        "rejection",
    ),
    "fr": (
        "Bonjour Sam, j'ai transmis votre CV à mon collègue de Nantes. C'est à eux de décider "
        "s'ils ont un poste pour vous ; de mon côté, tout est fait.",
        "---------- Message transféré ---------\nDe: Ann Lee <ann.lee@acme.example>\n"
        "Subject: Profil pour Nantes\n\nBonjour Yann,\n\nJe te transmets le CV de Sam. Nous ne "
        "l'avons pas retenu pour Lyon. Peux-tu le contacter si tu as un besoin ?\n\nAnn\n",
        "question",
    ),
    "es": (
        "Hola Sam: he pasado tu CV al equipo de Valencia. Si tienen algo, depende de ellos; por "
        "mi parte, es todo.",
        "---------- Mensaje reenviado ---------\nDe: Ann Lee <ann.lee@acme.example>\n"
        "Subject: Perfil para Valencia\n\nHola Luis:\n\nTe paso el CV de Sam. Para Madrid no "
        "encajaba por la ubicación. ¿Puedes llamarle si necesitáis a alguien?\n\nAnn\n",
        "question",
    ),
}


@pytest.mark.parametrize("lang", INTRODUCTION)
def test_an_introduction_the_sender_leaves_to_a_colleague_passes_nothing_on(lang):
    """A recruiter forwards their own note to a colleague about the candidate: its request is to
    the colleague and its 'we turned Sam down' is the past; the sender says the rest is up to
    the colleague and their own part is done, so what they forward is no word to the candidate."""
    new, note, as_passed_on = INTRODUCTION[lang]
    found = read(f"{new}\n\n{note}", subject="Fwd: Profile")
    assert (found.kind, found.evidence, found.rule) == ("other", "", "")
    # Without those words the note is passed on as the sender's own word (the reading before).
    passed = read(f"{new.split('.')[0]}.\n\n{note}", subject="Fwd: Profile")
    assert passed.kind == as_passed_on


CANCELLED_MEETING = {
    "en": (
        "Sam, no problem at all, and good luck with the move. I've cancelled Thursday with Jo; "
        "the calendar's notice is attached below, you can just ignore it.",
        "This event has been cancelled.\n\nSecond interview Acme - Sam\nThursday 5 March 2026, "
        "11:00 - 12:00\nWhere: Microsoft Teams",
    ),
    "de": (
        "Hallo Sam, alles klar und viel Erfolg! Den Termin mit Jo habe ich gestrichen; die "
        "Kalendernachricht hängt unten an, die können Sie einfach ignorieren.",
        "Dieser Termin wurde abgesagt.\n\nZweitgespräch Acme - Sam\nDonnerstag, 5. März 2026, "
        "11:00 - 12:00\nOrt: Teams",
    ),
    "es": (
        "Hola Sam, entendido y mucha suerte. He anulado la reunión del jueves con Jo; te adjunto "
        "el aviso del calendario, puedes ignorarlo.",
        "Este evento se ha cancelado.\n\nSegunda entrevista Acme - Sam\njueves, 5 de marzo de "
        "2026, 11:00 - 12:00\nLugar: Teams",
    ),
    "fr": (
        "Bonjour Sam, c'est noté et bonne continuation. J'ai annulé le rendez-vous de jeudi avec "
        "Jo ; l'avis du calendrier est joint, vous pouvez l'ignorer.",
        "Cet événement a été annulé.\n\nDeuxième entretien Acme - Sam\njeudi 5 mars 2026, "
        "11:00 - 12:00\nLieu : Teams",
    ),
}


@pytest.mark.parametrize("lang", CANCELLED_MEETING)
def test_an_attached_notice_the_sender_says_to_ignore_passes_nothing_on(lang):
    """The candidate withdrew; the recruiter cancels the interview and attaches the calendar's
    cancellation, telling the candidate to ignore it: its day and time are no invitation."""
    new, notice = CANCELLED_MEETING[lang]
    attached = (
        "---------- Attached message ----------\nFrom: Jo Park <jo.park@acme.example>\n"
        f"Subject: Interview\n\n{notice}\n"
    )
    found = read(f"{new}\n\n{attached}", subject="Re: Withdrawal")
    assert (found.kind, found.evidence, found.rule) == ("other", "", "")


HANDOVER = (
    "---------- Forwarded message ---------\nFrom: Owen <owen@acme.example>\n"
    "Subject: Handover\nTo: <ann.lee@acme.example>\n\n"
    "Hi Ann,\n\nCould you keep Sam posted and please book a room for the final round?\n\nOwen\n"
)


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("Sam, I have taken over from Owen (his note below). Nothing is needed from you.", "other"),
        ("Sam, I have taken over from Owen. No action is required on your part for now.", "other"),
        ("Sam, I have taken over from Owen; you don't need to do anything yet.", "other"),
        # without those words the colleague's request is passed on as the sender's own
        ("Sam, Owen asked me to pass this on, see below.", "question"),
        # "nothing else beyond what he asks" asks what he asks
        ("Sam, nothing is needed from you beyond what Owen asks below.", "question"),
    ],
)
def test_a_forward_whose_sender_asks_nothing_of_the_candidate_passes_on_no_request(said, kind):
    assert read(f"{said}\n\n{HANDOVER}", "Fwd: Handover").kind == kind


def test_a_forward_that_asks_nothing_still_passes_on_a_decision():
    found = read(
        f"Sam, no action is needed from you: HR's email is below.\n\n"
        f"{FORWARD_LINES['gmail']}\n{OFFER}\n"
    )
    assert found.kind == "offer"


def test_a_clients_note_to_the_agency_recruiter_is_passed_on_as_the_decision():
    """An agency recruiter forwards the client's note written to them: the client's word, passed
    on; the same note to someone else, or one that reached the recruiter by mistake, is not."""
    note = (
        "---------- Forwarded message ---------\nFrom: Jonas Petrakis <jonas@kestreldx.example>\n"
        "Date: Wed, 3 Mar 2027\nSubject: Ingrid – feedback\nTo: Sara Lindahl "
        "<sara@corvid-personnel.example>\n\n\nSara,\n\nI'm going to pass on Ingrid – we need "
        "someone who has already sold into NHS procurement.\n\nJonas\n"
    )
    agency = {"from": "sara@corvid-personnel.example"}
    intro = (
        "Ingrid,\n\nI'm forwarding Jonas's note below rather than paraphrasing it. I'm sorry.\n\n"
    )
    found = read(intro + note, subject="Fwd: Ingrid – feedback", headers=agency)
    assert (found.kind, found.evidence) == (
        "rejection",
        "I'm going to pass on Ingrid – we need someone who has already sold into NHS procurement.",
    )
    elsewhere = note.replace("sara@corvid-personnel.example", "hr@kestreldx.example")
    assert read(intro + elsewhere, subject="Fwd: feedback", headers=agency).kind == "other"
    stray = "Ingrid, this landed in my inbox by mistake.\n\n"
    assert read(stray + note, subject="Fwd: feedback", headers=agency).kind == "other"
