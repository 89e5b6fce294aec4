"""A treatment plan as a one-page handout: a frame from each position, its side, its hold time,
how the client lies and the muscles treated.

``paint_plan`` draws the page with QPainter on any paint device, so the same code writes the PDF
(``QPdfWriter``) and prints (a QPrinter from the widgets layer). However long the plan, it stays on
one page: rows shrink down to a readable minimum, then the last rows are summarised.

Frames come from a small cache of position thumbnails; the missing ones are decoded by the
process's one ``FrameGrabber`` (``player.frame_grabber``), so that exporting never disturbs the lesson
on screen.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QObject, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from smrtplayer.common.wholefile import read_whole_jpeg, write_whole
from smrtplayer.common.wording import counted
from smrtplayer.holds.ports import LessonLookup
from smrtplayer.models.plans import KIND_NAMES, PASSES, Plan, PlanStep
from smrtplayer.models.positions import Position
from smrtplayer.player.frame_grabber import FrameGrabber, FrameRequest
from smrtplayer.player.media_source import playable_path

SIDE_TEXT = {"L": "LEFT", "R": "RIGHT", "both": "BOTH SIDES"}
SIDE_COLOURS = {"L": QColor("#b35c00"), "R": QColor("#0b5fa5"), "both": QColor("#555555")}


def hold_text(ms: int) -> str:
    seconds = round(ms / 1000)
    return f"{seconds} s"


def thumbnail_path(cache_dir: Path, fingerprint: str, at_ms: int) -> Path:
    return cache_dir / "thumbnails" / "positions" / f"{fingerprint}-{at_ms}.jpg"


def frame_time(step: PlanStep) -> int:
    """The moment shown for a position: the middle of its span, where the hands are in place."""
    return step.start_ms + (step.end_ms - step.start_ms) // 2


def step_positions(plan: Plan, lookup: LessonLookup) -> dict[int, Position]:
    """The course position behind each step, by step index: a plan step keeps only the position's uid,
    and its client position and muscles are the position's (edited in the index, never copied)."""
    found: dict[int, Position] = {}
    by_lesson: dict[str, dict[str, Position]] = {}
    for index, step in enumerate(plan.steps):
        if not step.position_uid or not step.lesson_fingerprint:
            continue
        if step.lesson_fingerprint not in by_lesson:
            lesson = lookup.lesson_by_fingerprint(step.lesson_fingerprint)
            positions = lookup.positions(lesson) if lesson is not None else []
            by_lesson[step.lesson_fingerprint] = {position.uid: position for position in positions}
        position = by_lesson[step.lesson_fingerprint].get(step.position_uid)
        if position is not None:
            found[index] = position
    return found


def position_text(position: Position) -> str:
    """ "Client prone · Muscles: gluteus medius, piriformis" (what the position records)."""
    parts = []
    if position.client_position.strip():
        parts.append(f"Client {position.client_position.strip()}")
    muscles = [muscle.strip() for muscle in position.muscles if muscle.strip()]
    if muscles:
        parts.append(("Muscle: " if len(muscles) == 1 else "Muscles: ") + ", ".join(muscles))
    return " · ".join(parts)


# ------------------------------------------------------------------------------------ painting
def paint_plan(
    painter: QPainter,
    page: QRectF,
    plan: Plan,
    frames: Mapping[int, QImage] | None = None,
    *,
    printed_on: date | None = None,
    positions: Mapping[int, Position] | None = None,
) -> int:
    """Draw ``plan`` into ``page`` (device units); returns how many steps were drawn in full.

    ``positions`` (from ``step_positions``) adds each step's client position and muscles."""
    frames = frames or {}
    positions = positions or {}
    unit = page.height() / 297.0  # one millimetre on an A4 page, whatever the resolution
    ink, soft = QColor("#111111"), QColor("#666666")
    x, y, width = page.left(), page.top(), page.width()

    y += _text(painter, QRectF(x, y, width, 12 * unit), plan.title, 7.5 * unit, ink, bold=True)
    summary = plan.length_text()
    if printed_on is not None:
        summary += f" · {printed_on.isoformat()}"
    y += _text(painter, QRectF(x, y, width, 6 * unit), summary, 3.6 * unit, soft)
    if plan.notes.strip():
        y += _text(
            painter, QRectF(x, y + unit, width, 12 * unit), plan.notes.strip(), 3.4 * unit, ink, wrap=True
        )
    y += 4 * unit

    footer_height = 8 * unit
    available = page.bottom() - footer_height - y
    rest_height = 9 * unit
    hold_steps = [step for step in plan.steps if _full_row(step)]
    rests = len(plan.steps) - len(hold_steps)
    row_height = min(38 * unit, (available - rests * rest_height) / max(1, len(hold_steps)))
    row_height = max(row_height, 16 * unit)

    drawn = 0
    for number, step in enumerate(plan.steps, start=1):
        height = row_height if _full_row(step) else rest_height
        remaining_after = len(plan.steps) - number
        if y + height > page.bottom() - footer_height - (9 * unit if remaining_after else 0):
            more = len(plan.steps) - drawn
            _text(
                painter,
                QRectF(x, y, width, 8 * unit),
                f"… and {counted(more, 'more step')} (see the plan in smrtplayer)",
                3.6 * unit,
                soft,
            )
            break
        if not _full_row(step):
            _rest_row(painter, QRectF(x, y, width, height), number, step, unit)
        else:
            position = positions.get(number - 1)
            _hold_row(
                painter,
                QRectF(x, y, width, height),
                number,
                step,
                frames.get(number - 1),
                position_text(position) if position is not None else "",
                unit,
            )
        y += height
        drawn += 1

    painter.setPen(QPen(soft, 0.2 * unit))
    painter.drawLine(
        int(x), int(page.bottom() - footer_height), int(page.right()), int(page.bottom() - footer_height)
    )
    _text(
        painter,
        QRectF(x, page.bottom() - footer_height + unit, width, 6 * unit),
        "Hold each position for the time shown, slowly and without pain. Made with smrtplayer.",
        3.0 * unit,
        soft,
    )
    return drawn


def _full_row(step: PlanStep) -> bool:
    """A step worked on the body gets a row with a picture; a rest, reminder or recheck one line."""
    return step.is_sided


def _hold_row(
    painter: QPainter,
    row: QRectF,
    number: int,
    step: PlanStep,
    frame: QImage | None,
    position_line: str,
    unit: float,
) -> None:
    pad = 2 * unit
    inner = row.adjusted(0, pad, 0, -pad)
    picture_height = inner.height()
    picture = QRectF(inner.left() + 9 * unit, inner.top(), picture_height * 16 / 9, picture_height)
    _text(
        painter,
        QRectF(inner.left(), inner.top(), 8 * unit, 8 * unit),
        f"{number}",
        5 * unit,
        QColor("#111"),
        bold=True,
    )
    if frame is not None and not frame.isNull():
        scaled = frame.scaled(
            int(picture.width()),
            int(picture.height()),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        if step.demo_side in ("L", "R") and step.side in ("L", "R") and step.side != step.demo_side:
            scaled = scaled.flipped(Qt.Orientation.Horizontal)  # shown as the client will be treated
        painter.drawImage(
            QRectF(picture.left(), picture.top(), scaled.width(), scaled.height()).toRect().topLeft(), scaled
        )
    else:
        painter.fillRect(picture, QColor("#eeeeee"))
        _text(painter, picture, "no picture", 3 * unit, QColor("#888"), align=Qt.AlignmentFlag.AlignCenter)

    text_left = picture.right() + 4 * unit
    text_width = row.right() - text_left - 34 * unit
    title_font = min(5.2 * unit, max(3.4 * unit, inner.height() / 5))
    _text(
        painter,
        QRectF(text_left, inner.top(), text_width, title_font * 2.6),
        step.title,
        title_font,
        QColor("#111"),
        bold=True,
        wrap=True,
    )
    badge_top = inner.top() + title_font * 2.7
    side = step.side
    badge = QRectF(text_left, badge_top, 30 * unit, 7 * unit)
    painter.fillRect(badge, SIDE_COLOURS.get(side, QColor("#555")))
    _text(
        painter,
        badge,
        SIDE_TEXT.get(side, side),
        3.6 * unit,
        QColor("white"),
        bold=True,
        align=Qt.AlignmentFlag.AlignCenter,
    )
    parts = []
    if side == "both":
        first = step.demo_side if step.demo_side in ("L", "R") else "R"
        parts.append("left, then right" if first == "L" else "right, then left")
    if step.repeats > 1:
        parts.append(f"repeat ×{step.repeats}")
    if step.kind == PASSES:
        parts.append(f"{step.passes} passes, one every {step.cadence_ms / 1000:g} s")
    elif step.kind != "hold":
        parts.append(KIND_NAMES[step.kind])
    if step.text:
        parts.append(step.text)
    if step.technique:
        parts.append(step.technique)
    detail_box = QRectF(text_left, badge.bottom() + unit, text_width, 5 * unit)
    if position_line and detail_box.bottom() <= inner.bottom() + unit:
        # How the client lies and what is treated come first: the therapist sets the client up by them.
        _text(painter, detail_box, position_line, 3.4 * unit, QColor("#222"))
        detail_box.translate(0, 5 * unit)
    if parts and detail_box.bottom() <= inner.bottom() + unit:
        _text(painter, detail_box, " · ".join(parts), 3.4 * unit, QColor("#444"))

    hold_box = QRectF(row.right() - 32 * unit, inner.top(), 32 * unit, inner.height())
    _text(
        painter,
        hold_box.adjusted(0, 0, 0, -inner.height() * 0.45),
        "passes" if step.kind == PASSES else "hold" if step.kind == "hold" else "time",
        3.4 * unit,
        QColor("#666"),
        align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
    )
    _text(
        painter,
        hold_box.adjusted(0, inner.height() * 0.5, 0, 0),
        f"×{step.passes}" if step.kind == PASSES else hold_text(step.hold_ms),
        8 * unit,
        QColor("#111"),
        bold=True,
        align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
    )
    painter.setPen(QPen(QColor("#cccccc"), 0.2 * unit))
    painter.drawLine(int(row.left()), int(row.bottom()), int(row.right()), int(row.bottom()))


def _rest_row(painter: QPainter, row: QRectF, number: int, step: PlanStep, unit: float) -> None:
    _text(
        painter,
        QRectF(row.left(), row.top(), 8 * unit, row.height()),
        f"{number}",
        4 * unit,
        QColor("#666"),
        bold=True,
        align=Qt.AlignmentFlag.AlignVCenter,
    )
    _text(
        painter,
        QRectF(row.left() + 9 * unit, row.top(), row.width() - 9 * unit, row.height()),
        _line_text(step),
        4 * unit,
        QColor("#444"),
        align=Qt.AlignmentFlag.AlignVCenter,
    )
    painter.setPen(QPen(QColor("#cccccc"), 0.2 * unit))
    painter.drawLine(int(row.left()), int(row.bottom()), int(row.right()), int(row.bottom()))


def _line_text(step: PlanStep) -> str:
    if step.is_timed:
        words = step.title if step.title and step.title != "Rest" else KIND_NAMES[step.kind]
        text = f"{words} {hold_text(step.hold_ms)}" + (f" ×{step.repeats}" if step.repeats > 1 else "")
    else:
        text = f"{KIND_NAMES[step.kind]}: {step.title}"
    return f"{text} — {step.text}" if step.text else text


def _text(
    painter: QPainter,
    box: QRectF,
    text: str,
    size: float,
    colour: QColor,
    *,
    bold: bool = False,
    wrap: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
) -> float:
    """Draw plain text; returns the height used."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    painter.setFont(font)
    painter.setPen(colour)
    flags = int(align) | (int(Qt.TextFlag.TextWordWrap) if wrap else 0)
    used = painter.boundingRect(box, flags, text)
    painter.drawText(box, flags, text)
    return min(box.height(), used.height()) + size * 0.3


def cached_frames(plan: Plan, cache_dir: Path) -> dict[int, QImage]:
    """The pictures already in the thumbnail cache, by step index (a headless export decodes none)."""
    frames: dict[int, QImage] = {}
    for index, step in enumerate(plan.steps):
        if step.has_video and step.lesson_fingerprint:
            path = thumbnail_path(cache_dir, step.lesson_fingerprint, frame_time(step))
            image = QImage(str(path)) if path.is_file() else QImage()
            if not image.isNull():
                frames[index] = image
    return frames


# ------------------------------------------------------------------------------------- writing
def write_plan_pdf(
    plan: Plan,
    destination: Path,
    frames: Mapping[int, QImage] | None = None,
    *,
    printed_on: date | None = None,
    positions: Mapping[int, Position] | None = None,
) -> Path:
    """Write the one-page A4 handout; returns ``destination``."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    pdf = QBuffer()
    pdf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(pdf)  # in memory: Qt would report a PDF the disk cut short as written
    writer.setTitle(plan.title)
    writer.setCreator("smrtplayer")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(14, 14, 14, 14)
        )
    )
    painter = QPainter(writer)
    try:
        paint_plan(
            painter,
            QRectF(painter.viewport()),
            plan,
            frames,
            printed_on=printed_on or date.today(),
            positions=positions,
        )
    finally:
        painter.end()
    write_whole(destination, bytes(pdf.data().data()))
    return destination


_request_keys = itertools.count(1)


class HandoutExporter(QObject):
    """Collect a frame for every position step (cache first, then decoded), then write the PDF.

    ``frames_collected(dict)`` gives the frames alone (for printing); ``finished(path)`` follows an
    ``export``.
    """

    # dict[int, QImage]: step index -> frame. Declared as object: a dict signal argument is converted
    # to a QVariantMap, whose keys must be text, so int keys lost every frame (and printed a
    # "_pythonToCppCopy: Cannot copy-convert ... (dict)" line).
    frames_collected = Signal(object)
    finished = Signal(Path)
    failed = Signal(str)

    def __init__(self, lookup: LessonLookup, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._cache_dir = cache_dir
        self._pending: dict[int, int] = {}  # request key -> step index
        self._frames: dict[int, QImage] = {}
        self._plan: Plan | None = None
        self._destination: Path | None = None
        self._grabber: FrameGrabber | None = None
        # Frames asked for by an exporter that is gone (its editor closed) are not decoded.
        alive = [True]
        self.destroyed.connect(lambda *_args: alive.__setitem__(0, False))
        self._wanted: Callable[[], bool] = lambda: alive[0]

    def export(self, plan: Plan, destination: Path) -> None:
        self._destination = destination
        self._collect(plan)

    def collect(self, plan: Plan) -> None:
        self._destination = None
        self._collect(plan)

    def _collect(self, plan: Plan) -> None:
        self._plan = plan
        self._frames = {}
        self._pending = {}
        requests: list[FrameRequest] = []
        for index, step in enumerate(plan.steps):
            if step.is_rest or not step.has_video or not step.lesson_fingerprint:
                continue
            at_ms = frame_time(step)
            cache = thumbnail_path(self._cache_dir, step.lesson_fingerprint, at_ms)
            if cache.is_file():
                image = read_whole_jpeg(cache)  # one cut short is grabbed again, not printed part grey
                if not image.isNull():
                    self._frames[index] = image
                    continue
            lesson = self._lookup.lesson_by_fingerprint(step.lesson_fingerprint)
            if lesson is not None and Path(lesson.path).is_file():
                try:  # a DVD title's frame may lie in any of its parts
                    video = playable_path(lesson, self._cache_dir / "dvd-titles")
                except OSError:
                    continue
                requests.append(FrameRequest(next(_request_keys), video, at_ms, cache, wanted=self._wanted))
                self._pending[requests[-1].key] = index
        if not requests:
            self._done()
            return
        grabber = FrameGrabber.shared()
        if self._grabber is None:
            self._grabber = grabber
            grabber.grabbed.connect(self._on_grabbed)
        grabber.request(requests)

    def positions(self, plan: Plan) -> dict[int, Position]:
        """Each step's course position, for its client position and muscles on the page."""
        return step_positions(plan, self._lookup)

    @Slot(int, QImage)
    def _on_grabbed(self, key: int, image: QImage) -> None:
        index = self._pending.pop(key, None)
        if index is None:
            return  # another exporter's frame
        if not image.isNull():
            self._frames[index] = image
        if not self._pending:
            self._done()

    def _done(self) -> None:
        self.frames_collected.emit(dict(self._frames))
        if self._destination is None:
            return
        assert self._plan is not None
        try:
            path = write_plan_pdf(
                self._plan, self._destination, self._frames, positions=self.positions(self._plan)
            )
        except OSError as error:
            self.failed.emit(
                f"The handout could not be written to {self._destination}: {error.strerror or error}."
            )
            return
        self.finished.emit(path)
