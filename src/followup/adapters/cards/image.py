"""Reading the photo: JPEG, PNG or HEIC, within bounds, upright as the camera meant it.

A phone's photo is 12 to 50 megapixels; nothing on a business card needs more than about 2,000
pixels across, so JPEGs are decoded straight at a reduced scale (the decoder's draft mode), which is
most of the speed of reading a card.
"""

from __future__ import annotations

import io
import warnings

import numpy as np
from PIL import Image, ImageOps

from followup.domain.errors import BadInput

MAX_BYTES = 20 * 1024 * 1024  # a phone's photo is 2–10 MB; more is not a photo of a card
MAX_PIXELS = 100_000_000  # 100 MP: the largest phone sensors take 50 MP (a 200 MP mode is rare)
WORK_SIDE = 2000  # the long side the reader works at (half a 12 MP photo's)

_heif_registered = False


class NotAnImage(BadInput):
    """The file is not a photo the reader can open."""


def check_size(size: int, field: str = "PHOTO") -> None:
    if size > MAX_BYTES:
        raise BadInput(
            f"{field}: expected a photo of at most {MAX_BYTES // (1024 * 1024)} MB, "
            f"got {size / (1024 * 1024):.1f} MB"
        )


def load_photo(data: bytes, field: str = "PHOTO", side: int = WORK_SIDE) -> np.ndarray:
    """The photo as RGB pixels (height × width × 3), upright, its long side at most `side`."""
    check_size(len(data), field)
    if not data:  # a photo the phone did not finish writing, or a download that failed
        raise NotAnImage(f"{field}: expected a JPEG, PNG or HEIC photo, the file is empty")
    _register_heif()
    try:
        with warnings.catch_warnings():  # the pixel bound below is ours, not Pillow's warning
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
        with opened:
            width, height = opened.size
            if width * height > MAX_PIXELS or min(width, height) < 1:
                raise BadInput(
                    f"{field}: expected a photo of at most {MAX_PIXELS // 1_000_000} megapixels, "
                    f"got {width}×{height}"
                )
            if opened.format not in ("JPEG", "PNG", "HEIF", "MPO", "WEBP"):
                raise NotAnImage(
                    f"{field}: expected a JPEG, PNG or HEIC photo, got a {opened.format} image"
                )
            if opened.format in ("JPEG", "MPO"):
                shrink = min(1.0, side / max(width, height))
                opened.draft("RGB", (round(width * shrink), round(height * shrink)))
            image = _upright(opened)
            image = _rgb(image)
            image.thumbnail((side, side), Image.Resampling.BILINEAR)
            pixels = np.asarray(image)
    except BadInput:
        raise
    except Image.DecompressionBombError:
        raise BadInput(
            f"{field}: expected a photo of at most {MAX_PIXELS // 1_000_000} megapixels"
        ) from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise NotAnImage(
            f"{field}: expected a JPEG, PNG or HEIC photo; the file is not one, or is damaged"
        ) from None
    if min(pixels.shape[:2]) < 64:
        raise NotAnImage(
            f"{field}: expected a photo of a business card, got a {pixels.shape[1]}×"
            f"{pixels.shape[0]} image (too small to read)"
        )
    return pixels


def _upright(image: Image.Image) -> Image.Image:
    """Turned as the EXIF orientation tag says (phones store photos sideways and tag them)."""
    turned = ImageOps.exif_transpose(image)
    return turned if turned is not None else image


def _rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        # A transparent PNG: lay it on white, as it would be printed.
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        _heif_registered = True


def preview_jpeg(data: bytes, side: int = 900) -> bytes:
    """The photo, upright and small, as a JPEG to show beside the fields read from it."""
    pixels = load_photo(data)
    image = Image.fromarray(pixels)
    image.thumbnail((side, side), Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()
