"""A QR code too small in a small photo for the decoder (modules of a pixel and a half, softened):
read on the photo enlarged (adapters/cards/qr.py `read_qr`)."""

from __future__ import annotations

import cv2
import numpy as np
import zxingcpp

from followup.adapters.cards import qr

PAYLOAD = "MECARD:N:Mancuso,Gianmarco;TEL:+390212736448;EMAIL:gianmarcomancuso@elanvital.it;;"


def _photo(side: int, blur: float, size: tuple[int, int] = (300, 400)) -> np.ndarray:
    """A grey photo with the code `side` pixels wide on it, blurred by `blur` pixels."""
    code = zxingcpp.create_barcode(PAYLOAD, zxingcpp.BarcodeFormat.QRCode)
    image = cv2.resize(
        np.asarray(code.to_image(scale=6)), (side, side), interpolation=cv2.INTER_AREA
    )
    photo = np.full(size, 235, np.uint8)
    photo[100 : 100 + side, 150 : 150 + side] = image
    return cv2.GaussianBlur(photo, (0, 0), blur)


def test_a_soft_small_code_in_a_small_photo_is_read_enlarged():
    photo = _photo(60, 0.6)
    assert not zxingcpp.read_barcodes(photo)  # as it is, the decoder cannot read it
    contact = qr.read_qr(photo)
    assert contact is not None
    assert (contact.name, contact.email) == ("Gianmarco Mancuso", "gianmarcomancuso@elanvital.it")
    assert contact.phones == [("+390212736448", "phone")]


def test_a_large_photo_is_not_enlarged(monkeypatch):
    photo = _photo(60, 0.6, size=(1400, 1000))
    sizes: list[tuple[int, ...]] = []
    decoded = qr._decoded
    monkeypatch.setattr(qr, "_decoded", lambda gray: sizes.append(gray.shape) or decoded(gray))
    assert qr.read_qr(photo) is None
    assert sizes == [(1400, 1000)]
