"""The new text of a reply: what quotes an earlier message, a signature or a footer is left out,
in each client's style and in each language; sentences are split as written."""

from __future__ import annotations

import pytest

from followup.domain.replies.classify import shipped_classifier
from followup.domain.replies.text import sentences

NEW = "Hi Sam,\n\nThanks for your note, we will be in touch."
EARLIER = "We would like to invite you to a final interview.\nWe are pleased to offer you the role."

QUOTE_INTROS = {
    "gmail en": "On Mon, Nov 23, 2026 at 5:40 PM Sam Ortiz <sam@example.com> wrote:",
    "gmail en wrapped": "On Mon, Nov 23, 2026 at 5:40 PM Samantha Ortiz-Villanueva <\n"
    "samantha.ortiz@example.com> wrote:",
    "gmail fr": "Le lun. 23 nov. 2026 à 17:40, Sam Ortiz <sam@example.com> a écrit :",
    "gmail de": "Am Mo., 23. Nov. 2026 um 17:40 Uhr schrieb Sam Ortiz <sam@example.com>:",
    "gmail es": "El lun, 23 nov 2026 a las 17:40, Sam Ortiz (<sam@example.com>) escribió:",
    "thunderbird de": "Am 23.11.2026 um 17:40 schrieb Sam Ortiz:",
    "lotus": "Sam Ortiz <sam@example.com> wrote on 23/11/2026 17:40:",
    "outlook en": "________________________________\nFrom: Sam Ortiz <sam@example.com>\n"
    "Sent: Monday, November 23, 2026 5:40 PM\nTo: Priya Nair\nSubject: Thanks",
    "outlook bold": "*From:* Sam Ortiz [mailto:sam@example.com]\n*Sent:* Monday, 23 November "
    "2026 17:40\n*To:* Priya Nair",
    "outlook fr": "De : Sam Ortiz <sam@example.com>\nEnvoyé : lundi 23 novembre 2026 17:40\n"
    "À : Claire Lefèvre\nObjet : Merci",
    "outlook de": "Von: Sam Ortiz <sam@example.com>\nGesendet: Montag, 23. November 2026 17:40\n"
    "An: Katrin Wagner\nBetreff: Danke",
    "outlook es": "De: Sam Ortiz <sam@example.com>\nEnviado el: lunes, 23 de noviembre de 2026 "
    "17:40\nPara: Lucía Fernández\nAsunto: Gracias",
    "original en": "-----Original Message-----\nFrom: Sam Ortiz",
    "original de": "-----Ursprüngliche Nachricht-----\nVon: Sam Ortiz",
    "original fr": "-----Message d'origine-----\nDe : Sam Ortiz",
    "original es": "-----Mensaje original-----\nDe: Sam Ortiz",
    "forward en": "---------- Forwarded message ---------\nFrom: Priya <p@x.example>",
    "forward fr": "---------- Message transféré ---------\nDe : Priya <p@x.example>",
    "forward de": "---------- Weitergeleitete Nachricht ---------\nVon: Priya <p@x.example>",
    "forward es": "---------- Mensaje reenviado ---------\nDe: Priya <p@x.example>",
    "apple forward": "Begin forwarded message:\n\nFrom: Priya <p@x.example>",
    "apple forward fr": "Début du message réexpédié :\n\nDe: Priya <p@x.example>",
}


@pytest.mark.parametrize("intro", QUOTE_INTROS.values(), ids=QUOTE_INTROS.keys())
def test_what_follows_a_quote_intro_is_not_read(intro):
    found = shipped_classifier().classify(f"{NEW}\n\n{intro}\n\n{EARLIER}\n")
    assert (found.new_text, found.kind) == (NEW, "other")


def test_inline_quotes_are_left_out_and_the_answers_between_them_kept():
    text = (
        "Answers below.\n\n> Would you consider an offer?\n\nYes, happy to discuss.\n"
        "> Are you available Tuesday?\n>\nTuesday is fine.\n"
    )
    found = shipped_classifier().classify(text)
    assert found.new_text == "Answers below.\n\nYes, happy to discuss.\nTuesday is fine."


def test_a_signature_after_a_sign_off_or_a_dash_line_is_left_out():
    classifier = shipped_classifier()
    signed = f"{NEW}\n\nKind regards,\nPriya Nair\nHead of Offers & Onboarding | Brightwave\n"
    assert classifier.new_text(signed) == NEW
    dashed = f"{NEW}\n-- \nPriya Nair, Talent — we're hiring, invite your friends\n"
    assert classifier.new_text(dashed) == NEW
    for sign_off in ("Mit freundlichen Grüßen", "Bien cordialement,", "Un cordial saludo,"):
        assert classifier.new_text(f"{NEW}\n\n{sign_off}\nSam\n") == NEW


@pytest.mark.parametrize(
    ("sign_off", "signature"),
    [
        (
            "Kind regards,",
            "Dana Whitfield\nRecruitment Partner | Harbourline\n"
            "Now hiring in Leeds! Schedule your interview in two clicks at harbourline.jobs",
        ),
        (
            "Cordialement,",
            "Luc Aubert\nChargé de recrutement, Valmont\n"
            "Nous recrutons ! Réservez votre entretien en ligne sur valmont.fr/carrieres",
        ),
        (
            "Viele Grüße",
            "Eva Kranz\nPersonalreferentin | Nordwerk GmbH\n"
            "Wir suchen Verstärkung! Buchen Sie Ihr Vorstellungsgespräch unter nordwerk.de/jobs",
        ),
        (
            "Un saludo,",
            "Paula Ortega\nTalento | Grupo Brisa\n"
            "¡Estamos contratando! Agenda tu entrevista en unos clics en brisa.es/empleo este mes",
        ),
    ],
)
def test_a_long_slogan_under_a_name_and_a_title_is_still_the_signature(sign_off, signature):
    asked = "Hi Sam,\n\nCould you send us a copy of your degree certificate by Friday?"
    text = f"{asked}\n\n{sign_off}\n{signature}\n"
    classifier = shipped_classifier()
    assert classifier.new_text(text) == asked
    assert classifier.classify(text).kind == "question"
    # a P.S. under the signature is the sender's own word
    postscript = f"{asked}\n\n{sign_off}\n{signature}\nP.S. the interview on Monday is confirmed.\n"
    assert classifier.new_text(postscript) != asked


def test_a_signature_with_no_sign_off_above_it_is_left_out_and_its_booking_link_invites_no_one():
    classifier = shipped_classifier()
    question = "Hi Morgan,\n\nCould you clarify what you were doing between March and October?"
    for signature in (
        "Marcus Dillard\nLab Operations Manager, Lone Star Bio\n"
        "Schedule an interview with me: calendly.com/mdillard-lsb",
        "María José de la Fuente\nResponsable de Selección\n+34 600 123 456",
        "Jan Becker\nTeamleiter Vertrieb | jan.becker@c.example",
    ):
        text = f"{question}\n\n{signature}\n"
        assert classifier.new_text(text) == question
        assert classifier.classify(text).kind == "question"
    # what is not a signature stays: times offered, a message that is only a signature's shape,
    # a name line over sentences
    for kept in (
        f"{question}\n\nTuesday 11:00\nWednesday 15:00 via https://meet.example/x",
        "Marcus Dillard\nLab Operations Manager, Lone Star Bio\nhttps://calendly.com/md",
        f"{question}\n\nNext Steps\nPlease book your interview at https://cal.example/x.",
        f"{question}\n\nNext Steps\nBook your interview: https://cal.example/x",
    ):
        assert classifier.new_text(kept) == kept


@pytest.mark.parametrize(
    "footer",
    [
        "This email and any attachments are confidential and intended solely for the addressee. "
        "Nothing in this message constitutes an offer of employment.",
        "You are receiving this email because you applied. Unsubscribe | Privacy Policy | Terms",
        "Ce message et ses pièces jointes sont confidentiels et destinés au seul destinataire. "
        "Il ne constitue pas une offre d'embauche.",
        "Diese Nachricht stellt kein verbindliches Angebot dar. Amtsgericht Hamburg HRB 12345",
        "Este correo no constituye una oferta de empleo. Política de privacidad",
        "This e-mail is for the sole use of the intended recipient(s). Nothing in this e-mail "
        "constitutes an offer of employment or a decision of any kind.",
        "Ce courriel et ses pièces jointes sont confidentiels. Il ne saurait valoir offre "
        "d'emploi ni engagement de quelque nature que ce soit.",
        "Diese E-Mail enthält vertrauliche Informationen. Sie begründet kein Angebot und keine "
        "Zusage zur Einstellung.",
        "Este mensaje es confidencial. Su contenido no supone una oferta de empleo ni una "
        "decisión de contratación.",
        "DISCLAIMER: no offer of employment is made or implied by this message; decisions about "
        "employment are made by the hiring committee.",
        "Sent from my iPhone",
        "Get Outlook for iOS",
        # a paragraph that opens as a footer is left out whole, whatever it says after
        "This e-mail is confidential. It does not constitute an offer of employment.",
        "Automated message. Incomplete applications cannot be considered. Unsubscribe here.",
        "Mensaje automático. No podremos considerar candidaturas incompletas. Darte de baja.",
    ],
)
def test_footers_decide_nothing(footer):
    found = shipped_classifier().classify(f"{NEW}\n\n{footer}\n")
    assert (found.new_text, found.kind) == (NEW, "other")


def test_sentences_are_joined_across_wrapped_lines_and_split_at_their_ends():
    text = (
        "Hi Sam,\nWe met Mr. Cho on the 8th. He would like to meet\nyou again am 9. Dezember! "
        "Could you come in? Thanks"
    )
    assert sentences(text) == [
        "Hi Sam,",
        "We met Mr. Cho on the 8th.",
        "He would like to meet you again am 9. Dezember!",
        "Could you come in?",
        "Thanks",
    ]


def test_a_reference_number_does_not_end_a_sentence():
    text = (
        "Le poste d'analyste (réf. 27-0412) a été pourvu. Die Stelle (Ref. 12) ist besetzt. "
        "La vacante (núm. 8) está cubierta."
    )
    assert sentences(text) == [
        "Le poste d'analyste (réf. 27-0412) a été pourvu.",
        "Die Stelle (Ref. 12) ist besetzt.",
        "La vacante (núm. 8) está cubierta.",
    ]


def test_a_month_abbreviated_behind_its_day_ends_no_sentence_before_a_year_or_a_time():
    text = (
        "Entretien le mardi 8 déc. 2026 à 14 h avec Claire. Termin am Di 8. Dez. 2026 im Büro. "
        "Entrevista el mié 9 dic. 15:00 en la oficina. We spoke on 8 Dec. It went well."
    )
    assert sentences(text) == [
        "Entretien le mardi 8 déc. 2026 à 14 h avec Claire.",
        "Termin am Di 8. Dez. 2026 im Büro.",
        "Entrevista el mié 9 dic. 15:00 en la oficina.",
        "We spoke on 8 Dec.",
        "It went well.",
    ]


@pytest.mark.parametrize(
    "footer",
    [
        "Questions? Email talent@northwind.example.",
        "Des questions ? Écrivez à rh@lumen.example.",
        "Fragen? Wenden Sie sich an personal@kessler.example.",
        "¿Dudas? Escribe a rrhh@nortena.example.",
        "Northwind does not discriminate on the basis of race, religion or disability.",
    ],
)
def test_a_help_desk_line_and_a_short_non_discrimination_line_are_footers(footer):
    text = f"Please upload your work permit in the portal.\n\n{footer}\n"
    found = shipped_classifier().classify(text)
    assert (found.new_text, found.kind) == (
        "Please upload your work permit in the portal.",
        "question",
    )


def test_the_subject_counts_only_when_it_is_the_senders_own():
    classifier = shipped_classifier()
    assert classifier.classify("See attached.", "Employment offer - Account Executive").kind == (
        "offer"
    )
    assert classifier.classify("See attached.", "Re: Employment offer").kind == "other"
    assert classifier.classify("See attached.", "AW: Vertragsangebot").kind == "other"


def test_headers_of_an_automatic_answer_weigh_less_than_a_decision():
    classifier = shipped_classifier()
    auto = {"auto-submitted": "auto-generated", "from": "no-reply@greenhouse.io"}
    assert classifier.classify("Thanks for applying.", headers=auto).kind == "automatic"
    decided = classifier.classify(
        "We regret to inform you that the position has been filled.", headers=auto
    )
    assert (decided.kind, decided.evidence) == (
        "rejection",
        "We regret to inform you that the position has been filled.",
    )
    away = classifier.classify("Back soon.", headers={"auto-submitted": "auto-replied"})
    assert (away.kind, away.evidence) == ("automatic", "Auto-Submitted: auto-replied")


def test_mail_sent_in_bulk_is_automatic_only_when_it_is_about_the_application():
    classifier = shipped_classifier()
    bulk = {"precedence": "bulk"}
    newsletter = classifier.classify(
        "This month we opened our Lisbon office and welcomed twelve new colleagues.",
        "November at Brackenridge",
        headers=bulk,
    )
    assert (newsletter.kind, newsletter.evidence) == ("other", "")
    for text, subject in (
        ("We will keep your application data for 12 months under the GDPR.", "Your data"),
        ("Gemäß DSGVO werden Ihre Bewerbungsdaten sechs Monate gespeichert.", "Hinweis"),
        ("Sus datos se conservarán durante doce meses en nuestra base.", "Aviso"),
        ("Vos données seront conservées 24 mois dans notre vivier.", "Information"),
        ("Nothing for you to do.", "Privacy notice"),
        ("Nichts zu tun.", "Datenschutzhinweis"),
    ):
        assert classifier.classify(text, subject, headers=bulk).kind == "automatic", text


def test_below_a_quote_marked_line_by_line_the_new_text_goes_on():
    text = (
        "On Mon, Nov 23, 2026 at 5:40 PM Sam Ortiz <sam@example.com> wrote:\n"
        "> I would welcome an invitation to the next round.\n>\n> Sam\n\n"
        "Thanks Sam. Unfortunately we have decided to go with another candidate.\n\nDana\n"
    )
    found = shipped_classifier().classify(text)
    assert (found.kind, found.evidence) == (
        "rejection",
        "Unfortunately we have decided to go with another candidate.",
    )
    unmarked = (
        "Thanks, see below.\n\nFrom: Sam Ortiz <sam@example.com>\nSent: Monday\n\n"
        "We would like to invite you to a final interview.\n"
    )
    assert shipped_classifier().classify(unmarked).new_text == "Thanks, see below."


def test_each_item_of_a_list_is_a_sentence_of_its_own_without_its_bullet():
    text = (
        "Before I go on, I need from you:\n- your salary expectations\n- your availability to "
        "join\n  (any notice?)\n\n1. Your notice period?\n2) Your start date?\n\n"
        "19. März passt uns gut."
    )
    assert sentences(text) == [
        "Before I go on, I need from you:",
        "your salary expectations",
        "your availability to join (any notice?)",
        "Your notice period?",
        "Your start date?",
        "19. März passt uns gut.",
    ]


def test_a_paragraph_that_only_mentions_confidentiality_is_no_footer():
    text = "Hi Sam,\n\nThis message is confidential for now, but we want to offer you the role."
    found = shipped_classifier().classify(text)
    assert (found.kind, found.new_text) == ("offer", text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Sam,\n\nDas Letzte, was HR noch braucht, ist Ihre unterschriebene "
        "Datenschutzerklärung.",
        "Hi Sam,\n\nLa dernière chose dont la RH a besoin, c'est ton formulaire RGPD signé.",
    ],
)
def test_a_data_protection_form_asked_for_is_no_footer(text):
    found = shipped_classifier().classify(text)
    assert (found.kind, found.new_text) == ("question", text)


def test_a_data_protection_notice_stays_a_footer():
    for footer in (
        "Informationen zum Datenschutz finden Sie unter acme.example/datenschutz.",
        "Conformément au RGPD, vous disposez d'un droit d'accès à vos données.",
    ):
        found = shipped_classifier().classify(f"{NEW}\n\n{footer}\n")
        assert (found.new_text, found.kind) == (NEW, "other")


@pytest.mark.parametrize(
    ("said", "footer"),
    [
        (
            "We have gone with another applicant.",
            "Under our privacy policy and terms, your data is deleted after six months.",
        ),
        ("Können wir Ihr Profil weitergeben?", "Aus Datenschutzgründen brauchen wir Ihr Okay."),
        ("Could you do Tuesday at 10am?", "Sent from my iPhone"),
    ],
)
def test_what_the_sender_wrote_before_a_footer_sentence_in_one_paragraph_is_kept(said, footer):
    found = shipped_classifier().classify(f"Hi Sam,\n\n{said} {footer}\n")
    assert found.new_text == f"Hi Sam,\n\n{said}"


def test_spanish_abbreviations_of_two_letters_doubled_do_not_end_a_sentence():
    text = "Lo último que necesita RR. HH. es tu formulario firmado. Viajo a EE. UU. el lunes."
    assert sentences(text) == [
        "Lo último que necesita RR. HH. es tu formulario firmado.",
        "Viajo a EE. UU. el lunes.",
    ]


@pytest.mark.parametrize(
    "sender",
    [
        "talent-noreply@ridge.example",
        "careers.no-reply@acme.example",
        "ne-pas-repondre@emploi.example",
        "no-responder@portal.example",
        "keine-antwort@karriere.example",
        "alertas@empleos.example",
    ],
)
def test_a_no_reply_word_anywhere_in_the_sender_marks_a_system(sender):
    found = shipped_classifier().classify("Noted.", headers={"from": sender})
    assert (found.kind, found.rule) == ("automatic", "header")


@pytest.mark.parametrize("sender", ["noreen.reply@acme.example", "ana.avila@acme.example"])
def test_a_person_whose_name_only_looks_like_a_system_is_not_one(sender):
    assert shipped_classifier().classify("Noted.", headers={"from": sender}).kind == "other"
