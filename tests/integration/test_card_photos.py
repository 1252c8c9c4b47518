"""Reading generated photos of business cards end to end: the real image libraries, the real QR
decoder and the real OCR networks (shipped in the `rapidocr` wheel), on a handful of cards."""

from __future__ import annotations

import io
import random
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageFilter, ImageOps

from followup.adapters.cards.reader import read_card
from followup.domain.errors import BadInput
from tests.cards.generate import Card, draw_card, photograph, qr_payload, shoot

pytestmark = pytest.mark.slow

DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def _card(**changes: object) -> Card:
    card = Card(
        country="FR",
        name="Zoë Ångström-Müller",
        title="Directrice Commerciale",
        company="Lumière Conseil SA",
        email="zoe.angstrom-muller@lumiere-conseil.fr",
        phone="01 42 68 53 00",
        phone_e164="+33142685300",
        phone_label="Tél. ",
        fax="01 42 68 53 01",
        fax_label="Fax ",
        web="www.lumiere-conseil.fr",
        address=["12 rue de la Paix", "75002 Paris"],
        tagline=None,
        email_label="",
        fax_same_line=True,
    )
    return replace(card, **changes)  # type: ignore[arg-type]


EXPECTED = {
    "name": "Zoë Ångström-Müller",
    "title": "Directrice Commerciale",
    "company": "Lumière Conseil SA",
    "email": "zoe.angstrom-muller@lumiere-conseil.fr",
    "phone": "+33 1 42 68 53 00",
}


def _fields(card: object) -> dict[str, object]:
    return {key: getattr(card, key) for key in EXPECTED}


def _photo(turn: int = 0, fmt: str = "jpg", size: str = "medium", seed: int = 3) -> bytes:
    data, _, _ = shoot(
        _card(), random.Random(seed), "tune", "classic", size, turn, fmt, False, DEJAVU
    )
    return data


@pytest.mark.parametrize("turn", [90, 180])
def test_a_card_photographed_at_an_angle_on_a_table_is_read_whichever_way_up(turn):
    card = read_card(_photo(turn), "FR")
    assert _fields(card) == EXPECTED
    assert card.source == "text"
    assert all(card.confidence[key] >= 0.8 for key in EXPECTED), card.confidence


def test_an_iphone_heic_photo_is_read():
    assert _fields(read_card(_photo(fmt="heic"), "FR")) == EXPECTED


def test_a_photo_stored_sideways_with_its_exif_orientation_is_read():
    data, _, _ = shoot(
        _card(), random.Random(3), "tune", "classic", "medium", 0, "jpg", True, DEJAVU
    )
    stored = Image.open(io.BytesIO(data))
    upright = ImageOps.exif_transpose(stored)
    assert stored.getexif()[0x0112] == 6  # "turn 90° clockwise to show"
    assert stored.size == upright.size[::-1]  # stored on its side
    assert _fields(read_card(data, "FR")) == EXPECTED


def test_the_qr_code_wins_over_the_printed_text():
    printed = _card(title="Chargée de Recrutement")
    in_code = _card(phone_e164="+33142685399")
    rng = random.Random(5)
    image = draw_card(printed, rng, "tune", "classic", DEJAVU)
    import zxingcpp

    code = zxingcpp.create_barcode(qr_payload(in_code, "vcard"), zxingcpp.BarcodeFormat.QRCode)
    qr = Image.fromarray(np.asarray(code.to_image(scale=6))).convert("RGB").resize((330, 330))
    image.paste(qr, (image.width - 400, image.height - 400))
    photo = photograph(image, rng, "medium")
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90)
    card = read_card(buffer.getvalue(), "FR")
    assert _fields(card) == {**EXPECTED, "phone": "+33 1 42 68 53 99"}
    assert card.source == "qr"
    assert card.confidence == dict.fromkeys(EXPECTED, 0.99)


def test_a_mecard_qr_code_is_read():
    rng = random.Random(6)
    data, _, _ = shoot(_card(qr="mecard"), rng, "tune", "classic", "scan", 0, "png", False, DEJAVU)
    card = read_card(data, "FR")
    assert (card.source, _fields(card)) == ("qr", EXPECTED)


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: b"not an image at all", "PHOTO: expected a JPEG, PNG or HEIC photo; the file is"),
        (lambda: _jpeg(Image.new("RGB", (900, 600)))[:300], "PHOTO: expected a JPEG, PNG or HEIC"),
        (
            lambda: b"\xff\xd8" + b"\0" * (21 * 1024 * 1024),
            "PHOTO: expected a photo of at most 20 MB",
        ),
        (
            lambda: _png(Image.new("1", (12000, 10000))),
            "PHOTO: expected a photo of at most 100 megapixels",
        ),
        (lambda: _gif(), "PHOTO: expected a JPEG, PNG or HEIC photo, got a GIF image"),
        (
            lambda: _jpeg(Image.new("RGB", (40, 30), "white")),
            "PHOTO: expected a photo of a business card, got a 40×30 image",
        ),
        (lambda: _no_card(), "PHOTO: expected a photo of a business card; no name, email or phone"),
    ],
    ids=["not-an-image", "truncated", "too-large", "too-many-pixels", "gif", "tiny", "no-card"],
)
def test_a_file_that_is_no_photo_of_a_card_is_one_clear_line(make, message):
    with pytest.raises(BadInput) as raised:
        read_card(make(), "FR")
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)
    assert raised.value.exit_code == 2


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("P", (300, 200)).save(buffer, "GIF")
    return buffer.getvalue()


def _no_card() -> bytes:
    """A photo of an empty wooden table."""
    noise = np.random.default_rng(1).normal(0, 12, (900, 1200, 3))
    grain = np.sin(np.arange(900) / 7.0)[:, None, None] * 20
    table = np.clip(np.array([120, 80, 50]) + grain + noise, 0, 255).astype(np.uint8)
    return _jpeg(Image.fromarray(table))


def _far_off(turn_degrees: float = 7.0) -> bytes:
    """A 12 MP photo of the card lying on a desk, taken from further off: the card a twentieth
    of the frame, as the card set never draws it (its phone photos fill a third or more)."""
    rng = random.Random(11)
    card = draw_card(_card(), rng, "tune", "classic", DEJAVU).resize((880, 503))
    card = card.rotate(turn_degrees, expand=True, fillcolor=(96, 88, 80))
    photo = Image.new("RGB", (4000, 3000), (96, 88, 80))
    grain = np.random.default_rng(5).normal(0, 5, (3000, 4000, 3))
    photo = Image.fromarray(np.clip(np.asarray(photo) + grain, 0, 255).astype(np.uint8))
    photo.paste(card, (2300, 900))
    photo = photo.filter(ImageFilter.GaussianBlur(2.5))  # a phone's photo is a little soft
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def test_a_card_that_fills_a_twentieth_of_a_large_photo_is_read_from_its_full_resolution():
    card = read_card(_far_off(), "FR")
    assert (card.email, card.phone) == (EXPECTED["email"], EXPECTED["phone"])
