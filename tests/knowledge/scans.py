"""Documents as committees send them, made by the tests: a printed page of a corpus document
scanned at office quality (an image-only PDF) and an old Word .doc saved by LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import CORPUS

FONTS = ("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
         "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
TESSERACT_HINT = ("OCR tests need Tesseract with its Vietnamese model: "
                  "sudo apt-get install tesseract-ocr tesseract-ocr-vie")
LIBREOFFICE_HINT = "old Word tests need LibreOffice: sudo apt-get install libreoffice-writer-nogui"


def needs_tesseract() -> None:
    from knowledge.documents.ocr import tesseract
    from knowledge.documents.readers import UnreadableDocument

    try:
        tesseract()
    except UnreadableDocument:
        pytest.skip(TESSERACT_HINT)


def needs_libreoffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip(LIBREOFFICE_HINT)
    return found


def corpus_lines(number: int) -> list[str]:
    """A corpus document's lines as printed: its Markdown paragraphs without the marks."""
    from knowledge.documents.cleanup import strip_emphasis

    sources = sorted(CORPUS.glob("*.txt"))
    if len(sources) <= number:
        pytest.skip("needs ../shared/corpus")
    text = sources[number].read_text(encoding="utf-8")
    paragraphs = (" ".join(strip_emphasis(line) for line in block.splitlines()).strip()
                  for block in re.split(r"\n\s*\n", text))
    return [p for p in paragraphs if p and not set(p) <= set("-_*")]


def scanned_pdf(path: Path, pages: list[list[str]], *, dpi: int = 200, angle: float = 0.6,
                seed: int = 1, noise: float = 18, quality: int = 75) -> Path:
    """Each page's lines printed in a 13 pt serif face on A4, scanned: turned `angle` degrees,
    grey noise and dust, a little blur; saved as a PDF of JPEG images with no text layer."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    font_file = next((f for f in FONTS if Path(f).exists()), None)
    if font_file is None:
        pytest.skip("needs a serif TrueType font with Vietnamese letters (fonts-liberation2)")
    font = ImageFont.truetype(font_file, round(13 / 72 * dpi))
    rng = np.random.default_rng(seed)
    images = []
    for lines in pages:
        image = Image.new("L", (round(8.27 * dpi), round(11.69 * dpi)), 255)
        draw = ImageDraw.Draw(image)
        y, step = round(0.8 * dpi), round(13 / 72 * dpi * 1.45)
        for line in lines:
            draw.text((round(0.9 * dpi), y), line, font=font, fill=0)
            y += step
        image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
        pixels = np.asarray(image).astype(np.int16) + rng.normal(0, noise, (image.height,
                                                                            image.width))
        pixels[rng.random(pixels.shape) < 0.004] = 0  # dust
        scanned = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
        images.append(scanned.filter(ImageFilter.GaussianBlur(0.5)))
    images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi,
                   quality=quality)
    return path


def character_accuracy(truth: str, read: str) -> float:
    """1 - edit distance / length, after NFC and with all white space as one space."""
    from rapidfuzz.distance import Levenshtein

    def flat(text: str) -> str:
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()

    expected = flat(truth)
    return 1 - Levenshtein.distance(expected, flat(read)) / len(expected)


def converted(source: Path, suffix: str) -> Path:
    """`source` saved by LibreOffice as `suffix` (.doc, .odt, .rtf, .pdf), in the same folder."""
    command = needs_libreoffice()
    filters = {".doc": "doc:MS Word 97", ".odt": "odt", ".rtf": "rtf", ".pdf": "pdf"}
    profile = source.parent / "lo-profile"
    subprocess.run([command, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", filters[suffix], "--outdir", str(source.parent),
                    str(source)], check=True, capture_output=True, timeout=120)
    return source.with_suffix(suffix)
