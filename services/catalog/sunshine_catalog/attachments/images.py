"""JPEG and PNG: the pixels are kept, EXIF (camera, GPS, author) and text chunks are not."""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError

from sunshine_catalog.attachments.refusal import DAMAGED_MESSAGE, Refused
from sunshine_catalog.errors import FILE_DAMAGED, IMAGE_TOO_LARGE

MAX_IMAGE_PIXELS = 100_000_000  # against images that expand to exhaust memory


def scrub_image(data: bytes, kind: str) -> bytes:
    try:
        with Image.open(BytesIO(data)) as original:
            if original.width * original.height > MAX_IMAGE_PIXELS:
                raise Refused("图片尺寸过大", IMAGE_TOO_LARGE)
            # Turn the picture as EXIF says before EXIF goes, so it does not end up sideways.
            image = ImageOps.exif_transpose(original)
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise Refused(DAMAGED_MESSAGE, FILE_DAMAGED) from None
    # Only colour and transparency survive: no EXIF/GPS, XMP, comments or text chunks.
    options: dict[str, object] = {}
    if icc := image.info.get("icc_profile"):
        options["icc_profile"] = icc
    transparency = image.info.get("transparency")
    image.info = {}
    out = BytesIO()
    if kind == "jpeg":
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=92, **options)
    else:
        if transparency is not None:
            options["transparency"] = transparency
        image.save(out, "PNG", **options)
    return out.getvalue()
