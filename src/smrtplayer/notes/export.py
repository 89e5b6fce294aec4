"""Notes of a lesson or a course, exported to Markdown (with a folder of frame thumbnails) or to PDF.

Both start from the same ``NotesDocument``. Titles, course and position names are the user's plain
text: in Markdown they are escaped, in the PDF they are inserted as text (never as HTML). Note bodies
are the user's Markdown: written as-is to the Markdown file, rendered by Qt's own parser (raw HTML
off, images only from the thumbnails we put there) in the PDF, written by Qt's own PDF writer.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)

from smrtplayer import __version__
from smrtplayer.common.errors import SmrtError
from smrtplayer.common.richtext import SafeTextDocument, replace_foreign_images
from smrtplayer.common.timetext import clock_text
from smrtplayer.common.wholefile import write_whole
from smrtplayer.common.wording import counted
from smrtplayer.models.library import Lesson
from smrtplayer.models.notes import Note
from smrtplayer.notes.service import MARKDOWN_FEATURES, NotesService

THUMBNAIL_PT = 200  # width of a thumbnail in the PDF
# What could start markup inside a line of plain text (CommonMark lets any of them be escaped).
# "&" only where it would start an entity ("&amp;"): "Hips & Sacrum" stays as typed.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~]|&(?=#?[A-Za-z0-9]+;))")


@dataclass(frozen=True)
class ExportedNote:
    note: Note
    time_ms: int | None  # the note's time, or the start of its position
    position_title: str
    thumbnail: Path | None


@dataclass(frozen=True)
class ExportedLesson:
    number: int
    title: str
    section_title: str
    notes: list[ExportedNote]


@dataclass(frozen=True)
class NotesDocument:
    title: str
    subtitle: str
    lessons: list[ExportedLesson]

    @property
    def note_count(self) -> int:
        return sum(len(lesson.notes) for lesson in self.lessons)


def collect(
    notes: NotesService,
    lessons: list[Lesson],
    *,
    title: str,
    subtitle: str = "",
    position_titles: dict[str, dict[str, tuple[str, int]]] | None = None,
) -> NotesDocument:
    """The notes of ``lessons`` (in that order), each with its time, position and thumbnail.

    ``position_titles``: fingerprint -> position uid -> (title, start_ms); read from the store when
    not given.
    """
    by_lesson: dict[str, list[Note]] = {}
    for note in notes.repository.for_lessons([lesson.fingerprint for lesson in lessons]):
        by_lesson.setdefault(note.lesson_fingerprint, []).append(note)
    exported: list[ExportedLesson] = []
    for lesson in lessons:
        lesson_notes = by_lesson.get(lesson.fingerprint, [])
        if not lesson_notes:
            continue
        if position_titles is not None:
            positions = position_titles.get(lesson.fingerprint, {})
        else:
            positions = notes.repository.position_titles(lesson.fingerprint)
        items = []
        for note in lesson_notes:
            title_start = positions.get(note.position_uid or "")
            time_ms = note.time_ms if note.time_ms is not None else (title_start[1] if title_start else None)
            thumbnail = None
            if time_ms is not None:  # a note pinned to a position has its frame at the position's start
                thumbnail = notes.thumbnail_file(lesson.fingerprint, time_ms)
            items.append(
                ExportedNote(
                    note=note,
                    time_ms=time_ms,
                    position_title=title_start[0] if title_start else "",
                    thumbnail=thumbnail,
                )
            )
        items.sort(key=lambda item: (item.time_ms is None, item.time_ms or 0, item.note.created_at))
        exported.append(
            ExportedLesson(
                number=lesson.ordinal + 1, title=lesson.title, section_title=lesson.section_title, notes=items
            )
        )
    return NotesDocument(title=title, subtitle=subtitle, lessons=exported)


def md_escape(text: str) -> str:
    """Plain text made safe inside Markdown: no markup, no HTML, one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _heading(item: ExportedNote) -> str:
    parts = []
    if item.time_ms is not None:
        parts.append("@" + clock_text(item.time_ms))
    if item.position_title:
        parts.append(item.position_title)
    if not parts:
        parts.append(f"Note of {_local_day(item.note.created_at)}")
    return " · ".join(parts)


def _local_day(timestamp: str) -> str:
    try:
        return f"{datetime.fromisoformat(timestamp).astimezone():%d %B %Y}".lstrip("0")
    except ValueError:
        return timestamp[:10]


def to_markdown(document: NotesDocument, images: dict[Path, str] | None = None) -> str:
    """The document as Markdown; ``images`` maps a thumbnail to the relative link written for it."""
    stamp = datetime.now().astimezone()
    lines = [f"# {md_escape(document.title)}", ""]
    if document.subtitle:
        lines += [f"*{md_escape(document.subtitle)}*", ""]
    notes = counted(document.note_count, "note")
    lines += [f"{notes}, exported {stamp:%d %B %Y} from smrtplayer {__version__}.", ""]
    for lesson in document.lessons:
        lines.append(f"## {lesson.number}. {md_escape(lesson.title)}")
        if lesson.section_title:
            lines += ["", f"*{md_escape(lesson.section_title)}*"]
        lines.append("")
        for item in lesson.notes:
            lines += [f"### {md_escape(_heading(item))}", ""]
            if images is not None and item.thumbnail is not None and item.thumbnail in images:
                alt = f"Frame at {clock_text(item.time_ms or 0)}"
                lines += [f"![{alt}]({images[item.thumbnail]})", ""]
            body = item.note.body.strip("\n")
            lines += [body if body.strip() else "*(empty note)*", ""]
        lines += ["---", ""]
    return "\n".join(lines)


def write_markdown(document: NotesDocument, destination: Path) -> Path:
    """Write ``destination`` and, beside it, ``<name>-images/`` with the thumbnails it links to."""
    destination = Path(destination)
    images_dir = destination.with_name(destination.stem + "-images")
    images: dict[Path, str] = {}
    try:
        for lesson in document.lessons:
            for item in lesson.notes:
                if item.thumbnail is None or item.thumbnail in images:
                    continue
                images_dir.mkdir(parents=True, exist_ok=True)
                name = f"{item.note.lesson_fingerprint[-8:]}-{item.note.time_ms}.jpg"
                shutil.copyfile(item.thumbnail, images_dir / name)
                images[item.thumbnail] = f"{images_dir.name}/{name}"
        partial = destination.with_name(destination.name + ".partial")
        partial.write_text(to_markdown(document, images), encoding="utf-8")
        partial.replace(destination)
    except OSError as error:
        raise SmrtError(
            f"The notes could not be written to {destination}: {error.strerror or error}. Choose another "
            "place (with enough free space)."
        ) from error
    return destination


def build_pdf_document(document: NotesDocument) -> QTextDocument:
    # No image folder: the thumbnails are added to the document as resources, nothing is loaded by name.
    doc = SafeTextDocument()
    thumbnails: set[str] = set()
    base = QFont()
    base.setPointSizeF(10.5)
    doc.setDefaultFont(base)
    cursor = QTextCursor(doc)

    def block(
        text: str,
        size: float,
        *,
        bold: bool = False,
        italic: bool = False,
        grey: bool = False,
        space_before: float = 0,
    ) -> None:
        block_format = QTextBlockFormat()
        block_format.setTopMargin(space_before)
        block_format.setBottomMargin(4)
        char_format = QTextCharFormat()
        char_format.setFontPointSize(size)
        char_format.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        char_format.setFontItalic(italic)
        if grey:
            char_format.setForeground(QColor(90, 90, 90))
        cursor.insertBlock(block_format, char_format)
        cursor.insertText(text)  # plain text, never HTML

    block(document.title, 20, bold=True)
    if document.subtitle:
        block(document.subtitle, 11, italic=True, grey=True)
    notes = counted(document.note_count, "note")
    block(f"{notes} · exported {datetime.now().astimezone():%d %B %Y}", 9, grey=True)
    image_number = 0
    for lesson in document.lessons:
        block(f"{lesson.number}. {lesson.title}", 15, bold=True, space_before=14)
        if lesson.section_title:
            block(lesson.section_title, 10, italic=True, grey=True)
        for item in lesson.notes:
            block(_heading(item), 11.5, bold=True, space_before=10)
            if item.thumbnail is not None:
                image = QImage(str(item.thumbnail))
                if not image.isNull():
                    name = f"smrt-thumbnail:{image_number}"
                    image_number += 1
                    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
                    thumbnails.add(name)
                    image_format = QTextImageFormat()
                    image_format.setName(name)
                    image_format.setWidth(THUMBNAIL_PT)
                    image_format.setHeight(THUMBNAIL_PT * image.height() / max(1, image.width()))
                    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
                    cursor.insertImage(image_format)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            body = item.note.body.strip("\n")
            if body.strip():
                cursor.insertMarkdown(body, MARKDOWN_FEATURES)
            else:
                cursor.insertText("(empty note)")
    replace_foreign_images(doc, thumbnails.__contains__)
    return doc


def write_pdf(document: NotesDocument, destination: Path) -> Path:
    """Lay the document out on A4 pages with Qt's own PDF writer."""
    destination = Path(destination)
    pdf = QBuffer()
    pdf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(pdf)  # in memory: Qt would report a PDF the disk cut short as written
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    # QTextDocument.print_ adds its own 2 cm margin to the printer's page: none on the writer.
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(document.title)
    writer.setCreator(f"smrtplayer {__version__}")
    doc = build_pdf_document(document)
    doc.print_(writer)
    del writer  # ends the PDF
    try:
        if pdf.size() == 0:
            raise OSError("nothing was written")
        write_whole(destination, bytes(pdf.data().data()))
    except OSError as error:
        raise SmrtError(
            f"The PDF could not be written to {destination}: {error.strerror or error}. Choose another "
            "place (with enough free space)."
        ) from error
    return destination
