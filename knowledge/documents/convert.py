"""Old Word .doc, .odt and .rtf files become .docx through LibreOffice in headless mode, so
they go through the same reader (tables, legacy fonts, structure) as a file saved by Word."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from knowledge import texts
from knowledge.documents.readers import UnreadableDocument

CONVERTED = (".doc", ".odt", ".rtf")
SECONDS = 100  # LibreOffice's first start in a fresh profile takes a few seconds
_PLACES = ("soffice", "libreoffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice",
           "C:/Program Files/LibreOffice/program/soffice.exe")


def libreoffice() -> str:
    """The LibreOffice command, or UnreadableDocument saying what to install."""
    for place in _PLACES:
        found = shutil.which(place)
        if found:
            return found
    raise UnreadableDocument(texts.CONVERTER_MISSING)


def to_docx(path: Path, folder: Path) -> Path:
    """`path` converted into `folder` as .docx; a profile of its own, so a LibreOffice the
    admin has open on the same machine (or another import) is never in the way."""
    command = libreoffice()
    suffix = path.suffix.lower()
    with tempfile.TemporaryDirectory(prefix="chibo-lo-") as profile:
        try:
            done = subprocess.run(
                [command, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                 "--norestore", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
                 "--outdir", str(folder), str(path)],
                capture_output=True, timeout=SECONDS, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise UnreadableDocument(texts.CONVERT_TOO_SLOW.format(
                suffix=suffix, seconds=SECONDS)) from None
    target = folder / f"{path.stem}.docx"
    if done.returncode != 0 or not target.is_file():
        raise UnreadableDocument(texts.CONVERT_FAILED.format(suffix=suffix))
    return target
