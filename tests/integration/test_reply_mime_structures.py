"""Structures mail clients give a reply that the earlier labelled sets did not carry: S/MIME
signed mail (multipart/signed around the text, with the signature as `smime.p7s`), a message
forwarded as an attachment (message/rfc822: history, not new text), and ISO-2022-JP (the charset
Japanese mail clients still send, here with English text). The signature's bytes and the attached
message decide nothing; the text inside the signed part is read as any other. Each message goes the
way `followup inbox classify` takes it."""

from __future__ import annotations

from email.header import Header
from email.message import Message
from email.mime.application import MIMEApplication
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from followup.adapters.mail.mailbox import incoming
from followup.domain.replies.classify import shipped_classifier


def _headed(message: Message, sender: str, subject: str | Header) -> Message:
    message["From"] = sender
    message["To"] = "sam@example.org"
    message["Subject"] = subject
    message["Date"] = "Mon, 11 Jan 2027 10:00:00 +0100"
    return message


def _signature(subtype: str = "pkcs7-signature") -> MIMEApplication:
    part = MIMEApplication(b"0\x82\x05\x00 not a real signature " * 20, subtype, name="smime.p7s")
    part.add_header("Content-Disposition", "attachment", filename="smime.p7s")
    return part


def _signed(inner: Message, protocol: str = "application/pkcs7-signature") -> MIMEMultipart:
    signed = MIMEMultipart("signed", protocol=protocol, micalg="sha-256")
    signed.attach(inner)
    signed.attach(_signature(protocol.partition("/")[2]))
    return signed


def _read(message: Message | bytes) -> tuple[str, str]:
    raw = message if isinstance(message, bytes) else message.as_bytes()
    found = incoming(raw)
    classified = shipped_classifier().classify(found.text, found.subject, dict(found.marks))
    return classified.kind, classified.evidence


def test_signed_mail_is_read_from_the_text_it_signs():
    invitation = "Nous aimerions vous rencontrer pour un second entretien mardi 19 janvier à 10 h."
    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText(f"Bonjour Sam,\n\n{invitation}\n\nLéa Roux\n", "plain", "cp1252"))
    alternative.attach(MIMEText(f"<p>Bonjour Sam,</p><p>{invitation}</p>", "html", "cp1252"))
    signed = _headed(_signed(alternative), "lea@acme.example", "Votre candidature")
    assert _read(signed) == ("invitation", invitation)


def test_signed_mail_with_a_pdf_and_an_old_signature_type_reads_the_same():
    offer = "We are delighted to offer you the role of Sales Lead, starting 1 March."
    mixed = MIMEMultipart("mixed")
    mixed.attach(MIMEText(f"Hi Sam,\n\n{offer}\n\nTom\n", "plain", "utf-8"))
    pdf = MIMEApplication(b"%PDF-1.4 not a real pdf", "pdf", name="offer.pdf")
    pdf.add_header("Content-Disposition", "attachment", filename="offer.pdf")
    mixed.attach(pdf)
    assert _read(_headed(_signed(mixed), "tom@acme.example", "Offer")) == ("offer", offer)
    rejection = "leider haben wir uns für eine andere Kandidatin entschieden."
    plain = MIMEText(
        f"Sehr geehrter Herr Brunner,\n\n{rejection}\n\nAnna Weber", "plain", "latin-1"
    )
    old = _signed(plain, "application/x-pkcs7-signature")
    assert _read(_headed(old, "anna@acme.example", "Bewerbung")) == ("rejection", rejection)


def test_a_message_attached_whole_is_history_not_what_the_sender_says():
    question = "¿Me puedes mandar tu número de la seguridad social?"
    outer = MIMEMultipart("mixed")
    outer.attach(MIMEText(f"Hola Sam:\n\nTe reenvío el mensaje del cliente. {question}", "plain"))
    offer = MIMEText("Hi Marta,\n\nWe are pleased to offer Sam the position at EUR 48,000.")
    outer.attach(MIMEMessage(_headed(offer, "john@client.example", "Offer for Sam")))
    assert _read(_headed(outer, "marta@agency.example", "Documentación")) == ("question", question)


def test_an_out_of_office_with_the_original_attached_is_automatic():
    away = MIMEMultipart("mixed")
    away.attach(MIMEText("I am out of the office until 25 January with limited access to email."))
    invite = MIMEText("We'd like to invite you to a second interview.")
    away.attach(MIMEMessage(_headed(invite, "sam@example.org", "Interview")))
    message = _headed(away, "lea@acme.example", "Automatic reply: Interview")
    message["Auto-Submitted"] = "auto-replied"
    assert _read(message)[0] == "automatic"


@pytest.mark.parametrize("subtype", ["plain", "html"])
def test_iso_2022_jp_mail_in_english_reads_as_its_words(subtype):
    invitation = (
        "We would like to invite you to a final interview with our Tokyo director on Thursday, "
        "21 January at 15:00 JST."
    )
    text = f"Sam様\n\nお世話になっております。\n\n{invitation}\n\n佐藤\n"
    if subtype == "html":
        text = f"<p>Sam様</p><p>お世話になっております。</p><p>{invitation}</p><p>佐藤</p>"
    message = MIMEText(text, subtype, "iso-2022-jp")
    subject = Header("最終面接のご案内 / Final interview", "iso-2022-jp")
    found = incoming(_headed(message, "k.sato@acme.co.jp", subject).as_bytes())
    assert found.subject == "最終面接のご案内 / Final interview"
    assert _read(_headed(MIMEText(text, subtype, "iso-2022-jp"), "k.sato@acme.co.jp", "Re")) == (
        "invitation",
        invitation,
    )


def test_iso_2022_jp_sent_as_seven_bit_bytes_with_crlf_reads():
    question = "Could you send us a copy of your work visa before Friday?"
    raw = (
        b"From: hr@acme.co.jp\r\nTo: sam@example.org\r\n"
        b"Subject: =?ISO-2022-JP?B?GyRCJV0lOSVIGyhC?=\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
        + f"Sam-san,\r\n\r\n{question}\r\n\r\nよろしくお願いいたします。\r\n".encode("iso-2022-jp")
    )
    assert _read(raw) == ("question", question)


def _event(method: str, summary: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        f"METHOD:{method}\r\nBEGIN:VEVENT\r\nUID:1@acme.example\r\nDTSTAMP:20270111T090000Z\r\n"
        "DTSTART:20270115T100000Z\r\nDTEND:20270115T110000Z\r\n"
        f"SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


# (kind, the text, the calendar part's METHOD): the text says what the event is.
CALENDAR = [
    (
        "question",
        "Suite à votre acceptation, notre équipe informatique vous propose un appel pour "
        "préparer votre poste de travail.",
        "REQUEST",
    ),
    (
        "invitation",
        "wir müssen den Termin am Freitag absagen und verlegen das Gespräch auf Montag, 10 Uhr.",
        "CANCEL",
    ),
    (
        "other",
        "Tal como nos pediste, cancelamos la entrevista del viernes. ¡Mucha suerte!",
        "CANCEL",
    ),
    (
        "rejection",
        "I'm cancelling Friday's final interview: the position has been filled internally.",
        "CANCEL",
    ),
]


@pytest.mark.parametrize(("kind", "text", "method"), CALENDAR, ids=[c[0] for c in CALENDAR])
def test_a_calendar_part_is_read_by_what_the_text_says_of_it(kind, text, method):
    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText(f"Hi Sam,\n\n{text}\n\nNina", "plain", "utf-8"))
    calendar = MIMEText(_event(method, "Interview - Sam"), "calendar", "utf-8")
    calendar.set_param("method", method)
    alternative.attach(calendar)
    found = _read(_headed(alternative, "nina@acme.example", "Interview"))
    assert found == (kind, "" if kind == "other" else text)
