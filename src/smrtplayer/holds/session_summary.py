"""A therapist's one-page session summary (PDF) for their own records: when, the client label, and
each hold, pass and recheck with its side and tenderness before and after."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from smrtplayer.common.wholefile import write_whole
from smrtplayer.models.plans import KIND_NAMES
from smrtplayer.models.practice import PracticeEntry
from smrtplayer.models.sessions import SessionRecord

SIDES = {"L": "left", "R": "right", "both": "both sides", "": ""}
MAX_ROWS = 40


def local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def entry_line(entry: PracticeEntry) -> str:
    kind = KIND_NAMES.get(entry.kind, entry.kind)
    side = SIDES.get(entry.side, entry.side)
    what = f"{entry.title} ({side})" if side else entry.title
    done = f"{round(entry.actual_ms / 1000)} s" + ("" if entry.completed else ", stopped early")
    if entry.passes:
        done = f"{entry.passes} passes, {done}"
    text = f"{local_time(entry.started_at)[11:]}  {kind}: {what}, {done}"
    if entry.tender_before is not None or entry.tender_after is not None:
        before = "–" if entry.tender_before is None else entry.tender_before
        after = "–" if entry.tender_after is None else entry.tender_after
        text += f"; tenderness {before} → {after}"
        if entry.reduction_percent is not None:
            text += f" ({entry.reduction_percent} % less{', under 70 %' if entry.below_target else ''})"
    return text


def paint_session(painter: QPainter, page: QRectF, record: SessionRecord) -> None:
    unit = page.height() / 297.0
    y = page.top()
    session = record.session
    title = "Session" + (f" — {session.client_label}" if session.client_label else "")
    y += _line(painter, page, y, title, 7 * unit, bold=True)
    when = local_time(session.started_at)
    if session.ended_at:
        when += f" to {local_time(session.ended_at)[11:]}"
    y += _line(painter, page, y, when, 4 * unit, colour=QColor("#555"))
    y += 4 * unit
    if not record.entries:
        _line(painter, page, y, "Nothing was logged in this session.", 4 * unit)
        return
    for entry in record.entries[:MAX_ROWS]:
        y += _line(painter, page, y, entry_line(entry), 3.6 * unit, wrap=True)
    if len(record.entries) > MAX_ROWS:
        _line(
            painter,
            page,
            y,
            f"… and {len(record.entries) - MAX_ROWS} more (see the practice log)",
            3.6 * unit,
        )
    _line(
        painter,
        page,
        page.bottom() - 6 * unit,
        "For the therapist's own records. Made with smrtplayer.",
        3 * unit,
        colour=QColor("#777"),
    )


def _line(
    painter: QPainter,
    page: QRectF,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    wrap: bool = False,
    colour: QColor | None = None,
) -> float:
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    painter.setFont(font)
    painter.setPen(colour or QColor("#111"))
    box = QRectF(page.left(), y, page.width(), size * (4 if wrap else 1.6))
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | (
        int(Qt.TextFlag.TextWordWrap) if wrap else 0
    )
    used = painter.boundingRect(box, flags, text)
    painter.drawText(box, flags, text)
    return min(box.height(), used.height()) + size * 0.4


def write_session_pdf(record: SessionRecord, destination: Path) -> Path:
    """Write the one-page A4 summary atomically; returns ``destination``."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    pdf = QBuffer()
    pdf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(pdf)  # in memory: Qt would report a PDF the disk cut short as written
    writer.setTitle("Session summary")
    writer.setCreator("smrtplayer")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(14, 14, 14, 14)
        )
    )
    painter = QPainter(writer)
    try:
        paint_session(painter, QRectF(painter.viewport()), record)
    finally:
        painter.end()
    write_whole(destination, bytes(pdf.data().data()))
    return destination
