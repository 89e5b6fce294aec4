"""The one resource policy for every rich-text or Markdown rendering of user text.

Qt opens the file an image names by itself unless ``loadResource`` hands back a usable image: a
``None`` (or a null image) makes it read the path whole, so ``![x](/dev/zero)`` aborts the window with
``std::bad_alloc`` and a FIFO blocks it forever. Documents made here answer every request themselves:
an image of the app's own (a regular file inside the one folder the caller allows, within a size
bound) or a placeholder, never anything Qt would go and fetch; and images that are not the app's own
are replaced by their link text before the document is shown or printed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QColor, QImage, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from smrtplayer.common.errors import SmrtError
from smrtplayer.common.userfile import read_user_file

log = logging.getLogger(__name__)

#: A frame thumbnail is a few tens of KiB; anything much larger in that folder is not one of ours.
MAX_IMAGE_BYTES = 8 * 1024 * 1024
_IMAGE_RESOURCE = int(QTextDocument.ResourceType.ImageResource.value)


def placeholder_image() -> QImage:
    """Not null, so Qt never falls back to loading the name itself; transparent, so nothing shows."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    return image


def _local_path(name: QUrl | str) -> Path | None:
    url = name if isinstance(name, QUrl) else QUrl(name)
    if url.isLocalFile():
        return Path(url.toLocalFile())
    if not url.scheme() and url.path():
        return Path(url.path())
    return None


def _inside(path: Path, folder: Path) -> Path | None:
    try:
        resolved = path.resolve()
        return resolved if resolved.is_relative_to(folder.resolve()) else None
    except (OSError, RuntimeError, ValueError):
        return None


def safe_resource(kind: int, name: QUrl | str, image_folder: Path | None) -> object:
    """What a document may load for ``name``: only an image inside ``image_folder``; else a placeholder.

    Never returns ``None``: that would make Qt open ``name`` itself.
    """
    if int(kind) == _IMAGE_RESOURCE and image_folder is not None:
        path = _local_path(name)
        allowed = _inside(path, image_folder) if path is not None else None
        if allowed is not None:
            try:
                image = QImage.fromData(read_user_file(allowed, limit=MAX_IMAGE_BYTES, what="an image"))
            except (SmrtError, OSError) as error:  # refused or unreadable: the placeholder instead
                log.info("not showing image %s: %s", allowed, error)
            else:
                if not image.isNull():
                    return image
    if int(kind) == _IMAGE_RESOURCE:
        return placeholder_image()
    return b""  # a style sheet or anything else: empty, never fetched


class SafeTextDocument(QTextDocument):
    """A QTextDocument that loads nothing but images inside ``image_folder`` (none when it is None)."""

    def __init__(self, parent: QObject | None = None, *, image_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.image_folder = image_folder

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # a Qt override
        return safe_resource(kind, name, self.image_folder)

    def is_own_image(self, name: str) -> bool:
        if self.image_folder is None:
            return False
        path = _local_path(name)
        return path is not None and _inside(path, self.image_folder) is not None


def image_placeholder_text(alt: str) -> str:
    label = " ".join((alt or "").split())
    return f"[image: {label}]" if label else "[image]"


def replace_foreign_images(document: QTextDocument, is_own: Callable[[str], bool]) -> int:
    """Replace every image whose name ``is_own`` refuses by ``[image: link text]``; return how many."""
    foreign: list[tuple[int, int, QTextCharFormat, str]] = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                image = fragment.charFormat().toImageFormat()
                if not is_own(image.name()):
                    alt = image.property(QTextFormat.Property.ImageAltText)
                    text = image_placeholder_text(alt if isinstance(alt, str) else "")
                    plain = QTextCharFormat(fragment.charFormat())
                    plain.setObjectType(QTextFormat.ObjectTypes.NoObject.value)
                    for property_id in (
                        QTextFormat.Property.ImageName,
                        QTextFormat.Property.ImageAltText,
                        QTextFormat.Property.ImageTitle,
                        QTextFormat.Property.ImageWidth,
                        QTextFormat.Property.ImageHeight,
                        QTextFormat.Property.ImageMaxWidth,
                        QTextFormat.Property.ImageQuality,
                    ):
                        plain.clearProperty(property_id.value)
                    foreign.append((fragment.position(), fragment.length(), plain, text))
            iterator += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length, plain, text in reversed(foreign):
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text, plain)
    return len(foreign)


def set_safe_markdown(
    document: SafeTextDocument, markdown: str, features: QTextDocument.MarkdownFeature
) -> None:
    document.setMarkdown(markdown, features)
    replace_foreign_images(document, document.is_own_image)
