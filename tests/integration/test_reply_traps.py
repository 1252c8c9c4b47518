"""Quoted history, signatures and footers decide nothing, in the shapes mail clients give them
that the labelled sets' builder does not make: Outlook's header block without a rule line in
French, Spanish and German, Outlook for Mac's "Date:" block, a block in bold stars, "-----Original
Message-----" with "[mailto:…]", Yahoo's attribution, Gmail's attribution wrapped inside the
address, HTML that is quoted only by its markup, a booking link in a signature, marketing words in
a footer, a job title with a decision's words, a subject that says the opposite of the text, a
question or a request above a quoted invitation or offer (HTML-only, Outlook in French, one line,
another language), an ATS chore beside its automated footer, an out-of-office naming interviews,
a newsletter of job offers, and charsets, transfer encodings and CRLF line ends. Each message
goes the way `followup inbox classify` takes it."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP

import pytest

from followup.adapters.mail.mailbox import incoming
from followup.domain.replies.classify import shipped_classifier

# (id, kind, subject, plain text, html or None, charset, transfer encoding or None)
TRAPS = [
    ("outlook-fr", "other", "RE: Entretien",
     "Bonjour Sam,\n\nBien reçu, merci. Je reviens vers vous dès que possible.\n\nLuc\n\n"
     "De : Recrutement <rh@a.example>\nEnvoyé : lundi 23 novembre 2026 17:40\n"
     "À : Sam Ortiz <sam@example.com>\nObjet : Votre candidature\n\n"
     "Nous avons le plaisir de vous proposer le poste de chef de projet.\n", None, "utf-8", None),
    ("outlook-es", "other", "RE: Entrevista",
     "Hola Sam,\n\nRecibido, gracias. Te digo algo pronto.\n\nAna\n\n"
     "De: Selección <sel@b.example>\nEnviado: lunes, 23 de noviembre de 2026 17:40\n"
     "Para: Sam Ortiz <sam@example.com>\nAsunto: Tu candidatura\n\n"
     "Lamentamos comunicarte que hemos optado por otro perfil.\n", None, "utf-8", None),
    ("outlook-de", "other", "AW: Gespräch",
     "Hallo Sam,\n\ndanke, ist angekommen. Ich melde mich.\n\nJan\n\n"
     "Von: Personal <p@c.example>\nGesendet: Montag, 23. November 2026 17:40\n"
     "An: Sam Ortiz <sam@example.com>\nBetreff: Ihre Bewerbung\n\n"
     "Wir möchten Sie gerne zu einem zweiten Gespräch einladen.\n", None, "utf-8", None),
    ("outlook-mac", "other", "Re: Interview",
     "Thanks Sam, got it - I'll share it with the panel.\n\nKen\n\n"
     "From: Hiring Team <jobs@d.example>\nDate: Monday, 23 November 2026 at 17:40\n"
     "To: Sam Ortiz <sam@example.com>\nSubject: Your application\n\n"
     "We regret to inform you that we will not be moving forward.\n", None, "utf-8", None),
    ("outlook-bold", "other", "Re: Interview",
     "Thanks Sam, got it.\n\n*From:* Hiring Team <jobs@d.example>\n"
     "*Sent:* Monday, November 23, 2026 5:40 PM\n*To:* Sam Ortiz <sam@example.com>\n"
     "*Subject:* Offer\n\nWe are delighted to offer you the position.\n", None, "utf-8", None),
    ("original-message", "other", "RE: Interview",
     "Noted, thanks Sam.\n\n-----Original Message-----\nFrom: Hiring Team [mailto:jobs@d.example]\n"
     "Sent: Monday, November 23, 2026 5:40 PM\nTo: Sam Ortiz\nSubject: Interview\n\n"
     "We'd like to invite you to a final interview on Friday.\n", None, "utf-8", None),
    ("yahoo", "other", "Re: Interview",
     "Thanks Sam, noted.\n\nOn Monday, November 23, 2026, 05:40:12 PM GMT, Hiring Team "
     "<jobs@d.example> wrote:\n\nUnfortunately we have decided to go with another candidate.\n",
     None, "utf-8", None),
    ("gmail-fr-wrapped", "other", "Re: Entretien",
     "Merci Sam, bien reçu.\n\nLe lun. 23 nov. 2026 à 17:40, Recrutement Altis <\n"
     "recrutement@altis.example> a écrit :\n\n> Nous avons le plaisir de vous proposer le poste.\n",
     None, "utf-8", None),
    ("gmail-es-wrapped", "other", "Re: Entrevista",
     "Gracias Sam, recibido.\n\nEl lun, 23 nov 2026 a las 17:40, Selección (<sel@b.example>)\n"
     "escribió:\n\n> Nos gustaría invitarte a una segunda entrevista.\n", None, "utf-8", None),
    ("gmail-de-wrapped", "other", "Re: Gespräch",
     "Danke Sam, ist angekommen.\n\nAm Mo., 23. Nov. 2026 um 17:40 Uhr schrieb Personal <\n"
     "p@c.example>:\n\n> Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen "
     "Kandidaten entschieden haben.\n", None, "utf-8", None),
    ("html-gmail-quote", "other", "Re: Interview", "Thanks Sam, noted.\n",
     '<div dir="ltr">Thanks Sam, noted.</div><br><div class="gmail_quote"><div class="gmail_attr">'
     'On Mon, Nov 23 Hiring wrote:</div><blockquote class="gmail_quote">We are delighted to offer '
     "you the position of Analyst.</blockquote></div>", "utf-8", None),
    ("html-outlook-only", "other", "RE: Interview", "",
     '<html><body><div>Thanks Sam, noted.</div><div id="appendonsend"></div><hr>'
     '<div id="divRplyFwdMsg"><b>From:</b> Hiring<br><b>Sent:</b> Monday<br><b>Subject:</b> '
     "Offer</div><div>We regret to inform you that the position has been filled.</div>"
     "</body></html>", "utf-8", None),
    ("booking-link-signature", "other", "Re: Thank you",
     "Hi Sam,\n\nThank you for the lovely note! I'll pass it on to the team.\n\nBest,\nJane Doe\n"
     "Senior Recruiter | Eastfield\nBook time with me: https://calendly.com/jane-eastfield\n",
     None, "utf-8", None),
    ("booking-link-contact-line", "other", "Re: Thank you",
     "Hi Sam, thank you for the lovely note! I'll pass it on to the team.\n\n"
     "Jane Doe | Senior Recruiter | Eastfield | Book a meeting: https://calendly.com/jane-e\n",
     None, "utf-8", None),
    ("hiring-footer", "rejection", "Your application",
     "Dear Sam,\n\nThank you for your time. We have decided to move forward with other "
     "candidates.\n\nKind regards,\nTalent Team\n\nWe're hiring! Explore our open roles and "
     "exclusive offers at f.example/careers.\n", None, "utf-8", None),
    ("decision-words-in-a-title", "other", "Re: Thanks",
     "Thanks Sam, all received - nothing more needed from you.\n\nOlga Petrova\n"
     "Offer Management Lead | Interview Scheduling\n", None, "utf-8", None),
    ("disclaimer", "invitation", "Next step",
     "Hi Sam, would Thursday at 2pm work for a call with our CTO?\n\nBen\n\nDISCLAIMER: This "
     "e-mail does not constitute an offer of employment. If you are not the intended recipient, "
     "please delete it.\n", None, "utf-8", None),
    ("subject-says-invitation", "rejection", "Interview invitation",
     "Dear Sam,\n\nThank you for your interest. The position has now been filled.\n\nTalent Team\n",
     None, "utf-8", None),
    ("subject-says-rejection", "invitation", "Re: Rejection",
     "Hi Sam, good news - the hiring manager reconsidered and would like to meet you on Monday "
     "at 10. Does that work?\n", None, "utf-8", None),
    ("windows-1252", "offer", "Proposition",
     "Bonjour Sam,\n\nNous avons le plaisir de vous proposer le poste de responsable, avec un "
     "salaire de 55 000 € bruts.\n\nÉmilie\n", None, "windows-1252", "quoted-printable"),
    ("base64", "rejection", "Ihre Bewerbung",
     "Sehr geehrte Frau Ortiz,\n\nwir haben uns für eine andere Bewerberin entschieden.\n\n"
     "Mit freundlichen Grüßen\n", None, "utf-8", "base64"),
    ("html-question-over-quoted-invitation", "question", "Re: Final interview", "",
     '<div dir="ltr">Quick one before Thursday: could you send me two referees?</div><br>'
     '<div class="gmail_quote"><div class="gmail_attr">On Mon, 1 Mar 2027 Dana Reyes wrote:</div>'
     '<blockquote class="gmail_quote">We would like to invite you to a final interview on '
     "Thursday at 10:00.</blockquote></div>", "utf-8", "base64"),
    ("outlook-question-over-quoted-invitation-fr", "question", "RE: Entretien final", "",
     "<html><body><div>Bonjour Sam, ce qui me manque encore, c'est ton préavis.</div>"
     '<div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>De :</b> Dana Reyes<br>'
     "<b>Envoyé :</b> lundi<br><b>Objet :</b> Entretien final</div><div>Nous souhaitons vous "
     "inviter à un entretien final jeudi à 10 h.</div></body></html>", "windows-1252",
     "quoted-printable"),
    ("one-line-question-over-quoted-offer", "question", "Re: Offer",
     "Notice period?\n\nOn Mon, 1 Mar 2027 at 09:12, Dana Reyes <dana@acme.example> wrote:\n"
     "> We are delighted to offer you the position of Analyst.\n", None, "utf-8", None),
    ("mixed-language-request-over-german-invitation", "question", "Re: Einladung",
     "Hi Sam, our HR team is in Munich, so one thing in English: could you send your payslips "
     "before Tuesday?\n\nAm Mo., 1. März 2027 um 09:12 Uhr schrieb Personal <p@acme.example>:"
     "\n> Wir möchten Sie zu einem zweiten Gespräch einladen.\n", None, "utf-8", "base64"),
    ("ats-chore-with-automated-footer", "question", "Tâche à compléter",
     "Bonjour Sam,\n\nNous vous demandons de remplir le formulaire de consentement. Accédez au "
     "formulaire ici : https://ats.example/t/1.\n\nCourriel généré automatiquement, merci de ne "
     "pas y répondre.\n", None, "windows-1252", "base64"),
    ("auto-reply-mentioning-interviews", "automatic", "Abwesenheitsnotiz: Ihre Bewerbung", "",
     "<html><body><p>Ich bin bis zum 14. März nicht im Büro. Bei Fragen zu "
     "Vorstellungsgesprächen wenden Sie sich bitte an recruiting@acme.example.</p></body></html>",
     "utf-8", "quoted-printable"),
    ("quebec-rejection-keeps-cv", "rejection", "Re: Entrevue",
     "Bonjour Sam,\r\n\r\nLe poste de coordonnateur a été comblé cette semaine. On garde ton CV "
     "dans nos dossiers.\r\n\r\nGeneviève\r\n\r\nLe 18 févr. 2027 à 16:30, Sam <sam@example.com> "
     "a écrit :\r\n> Merci pour l'entrevue de ce matin !\r\n", None, "windows-1252", "base64"),
    ("newsletter-job-offers", "other", "Nouvelles offres d'emploi",
     "Bonjour,\n\nDécouvrez nos offres d'emploi de la semaine : chef de projet, analyste, "
     "développeuse. Postulez sur notre site carrières.\n\nSe désabonner\n", None, "utf-8",
     "quoted-printable"),
]  # fmt: skip


def raw(subject: str, plain: str, html: str | None, charset: str, cte: str | None) -> bytes:
    m = EmailMessage(policy=SMTP)
    m["From"] = "Dana Reyes <dana@acme.example>"
    m["To"] = "Sam Ortiz <sam@example.com>"
    m["Subject"] = subject
    m["Date"] = "Tue, 24 Nov 2026 10:00:00 +0000"
    options = {"charset": charset, **({"cte": cte} if cte else {})}
    if plain:
        m.set_content(plain, **options)  # type: ignore[arg-type]
        if html is not None:
            m.add_alternative(html, subtype="html", **options)  # type: ignore[arg-type]
    else:
        m.set_content(html or "", subtype="html", **options)  # type: ignore[arg-type]
    return bytes(m)


@pytest.mark.parametrize(
    ("kind", "subject", "plain", "html", "charset", "cte"),
    [t[1:] for t in TRAPS],
    ids=[t[0] for t in TRAPS],
)
def test_what_a_reply_quotes_signs_or_carries_below_decides_nothing(
    kind, subject, plain, html, charset, cte
):
    seen = incoming(raw(subject, plain, html, charset, cte))
    found = shipped_classifier().classify(seen.text, seen.subject, dict(seen.marks))
    assert found.kind == kind, (found, seen.text)
