"""The plan handout: a one-page PDF with a frame from each position and its hold time.

No PDF tool is assumed (pdftotext and QtPdf are often missing): a small reader below inflates the
page's content streams and maps the glyph codes back to text through the fonts' ToUnicode tables,
which is enough to check what is written on the page.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from helpers.mounts import fill, tiny_disk
from smrtplayer.app.context import AppContext
from smrtplayer.holds.handout import (
    HandoutExporter,
    paint_plan,
    step_positions,
    thumbnail_path,
    write_plan_pdf,
)
from smrtplayer.holds.legs import rest_step, step_for_position
from smrtplayer.models.plans import Plan, PlanStep


# ------------------------------------------------------------------------------ a tiny PDF reader
def _objects(data: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}


def _stream(body: bytes) -> bytes:
    match = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
    if match is None:
        return b""
    raw = match.group(1)
    return zlib.decompress(raw) if b"/FlateDecode" in body[: match.start()] else raw


def _cmap(text: bytes) -> dict[int, str]:
    table: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, rest in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block
        ):
            start, end = int(low, 16), int(high, 16)
            if rest.startswith(b"["):
                for offset, dst in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", rest)):
                    table[start + offset] = bytes.fromhex(dst.decode()).decode("utf-16-be")
            else:
                base = int(rest[1:-1], 16)
                for code in range(start, end + 1):
                    table[code] = chr(base + code - start)
    return table


def pdf_pages_and_text(path: Path) -> tuple[int, str, int]:
    """(pages, the text drawn, images) of a PDF written by Qt."""
    data = path.read_bytes()
    objects = _objects(data)
    pages = [n for n, body in objects.items() if re.search(rb"/Type\s*/Page(?![s\w])", body)]
    images = sum(1 for body in objects.values() if b"/Subtype /Image" in body)
    fonts: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for resource in re.finditer(rb"/Font\s*<<(.*?)>>", body, re.S):
            for name, number in re.findall(rb"/(\w+)\s+(\d+) 0 R", resource.group(1)):
                unicode_ref = re.search(rb"/ToUnicode (\d+) 0 R", objects.get(int(number), b""))
                if unicode_ref:
                    fonts[name] = _cmap(_stream(objects[int(unicode_ref.group(1))]))
    text: list[str] = []
    for number in pages:
        contents = re.search(rb"/Contents (\d+) 0 R", objects[number])
        assert contents is not None
        font: dict[int, str] = {}
        for token in re.finditer(
            rb"/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj|(BT)", _stream(objects[int(contents.group(1))])
        ):
            if token.group(1):
                font = fonts.get(token.group(1), {})
            elif token.group(2):
                hexes = token.group(2).decode()
                text.extend(font.get(int(hexes[i : i + 4], 16), "?") for i in range(0, len(hexes), 4))
            else:
                text.append("\n")
    # Qt maps the space glyph to a tab in its ToUnicode tables; ligatures (fi) come back as one code.
    return len(pages), unicodedata.normalize("NFKC", "".join(text)).replace("\t", " "), images


# ------------------------------------------------------------------------------------------ tests
def demo_plan(context: AppContext) -> Plan:
    found = {}
    for course in context.library.courses():
        for lesson in context.library.lessons(course.id):
            for position in context.library.positions(lesson):
                found[position.title] = position
    return Plan(
        title="Hip balance",
        notes="Right hip, then piriformis both sides.",
        steps=(
            step_for_position(found["Gluteus medius, posterior fibres"]),
            step_for_position(found["Gluteus medius, anterior fibres"]),
            rest_step(10_000),
            step_for_position(found["Piriformis, prone"], side="both"),
        ),
    )


def blue_frame() -> QImage:
    image = QImage(480, 270, QImage.Format.Format_RGB32)
    image.fill(QColor("#206fb4"))
    return image


def test_the_handout_is_one_page_with_every_position_side_and_hold_time(
    context: AppContext, tmp_path: Path
) -> None:
    plan = demo_plan(context)
    out = write_plan_pdf(plan, tmp_path / "hip.pdf", {0: blue_frame(), 1: blue_frame(), 3: blue_frame()})
    pages, text, images = pdf_pages_and_text(out)
    assert pages == 1
    assert images >= 1
    for expected in (
        "Hip balance",
        "Gluteus medius, posterior fibres",
        "Gluteus medius, anterior fibres",
        "Piriformis, prone",
        "30 s",
        "45 s",
        "Rest 10 s",
        "RIGHT",
        "LEFT",
        "BOTH SIDES",
    ):
        assert expected in text, expected


def test_the_handout_says_how_the_client_lies_and_which_muscles_for_each_position(
    context: AppContext, tmp_path: Path
) -> None:
    plan = demo_plan(context)
    positions = step_positions(plan, context.library)
    assert sorted(positions) == [0, 1, 3], "the rest step has no position"
    _, text, _ = pdf_pages_and_text(write_plan_pdf(plan, tmp_path / "hip.pdf", positions=positions))
    assert "Client prone · Muscle: gluteus medius" in text
    assert "Client supine · Muscle: gluteus medius" in text
    assert "Client prone · Muscle: piriformis" in text


def test_a_long_plan_still_fits_one_page_and_says_what_was_left_off(tmp_path: Path) -> None:
    steps = tuple(
        PlanStep(kind="hold", hold_ms=30_000 + i * 1000, title=f"Position {i + 1}", side="R")
        for i in range(40)
    )
    pages, text, _ = pdf_pages_and_text(
        write_plan_pdf(Plan(title="Everything", steps=steps), tmp_path / "long.pdf")
    )
    assert pages == 1
    assert "more steps" in text
    assert "Position 1" in text


def test_the_page_shows_the_frame_mirrored_for_the_other_side(qapp) -> None:  # type: ignore[no-untyped-def]
    frame = QImage(160, 90, QImage.Format.Format_RGB32)
    frame.fill(QColor("white"))
    for y in range(90):
        for x in range(20):
            frame.setPixelColor(x, y, QColor("red"))  # a red band on the left of the picture
    step = PlanStep(
        kind="hold", hold_ms=30_000, title="x", side="L", demo_side="R", lesson_fingerprint="f", end_ms=9
    )
    page = QImage(840, 1188, QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    paint_plan(painter, QRectF(0, 0, 840, 1188), Plan(title="Mirror", steps=(step,)), {0: frame})
    painter.end()
    row = 200
    reds = [
        x for x in range(840) if page.pixelColor(x, row).red() > 200 and page.pixelColor(x, row).green() < 80
    ]
    assert reds, "the frame is on the page"
    picture_left, picture_right = 9 * 4, 9 * 4 + int((38 - 4) * 4 * 16 / 9)
    assert min(reds) > (picture_left + picture_right) // 2, "the red band moved to the right: mirrored"


@pytest.mark.time_limit(60)
def test_export_decodes_a_frame_for_each_position_and_caches_it(
    context: AppContext, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    plan = demo_plan(context)
    exporter = HandoutExporter(context.library, context.paths.cache)
    with qtbot.waitSignal(exporter.finished, timeout=20_000) as finished:
        exporter.export(plan, tmp_path / "hip.pdf")
    path = finished.args[0]
    pages, text, images = pdf_pages_and_text(path)
    assert pages == 1 and images >= 3
    assert "Client supine · Muscle: gluteus medius" in text
    first = plan.steps[0]
    cached = thumbnail_path(context.paths.cache, first.lesson_fingerprint or "", 1500)
    assert cached.is_file()
    image = QImage(str(cached))
    centre = image.pixelColor(image.width() // 2, image.height() // 4)
    assert centre.blue() > centre.red(), "the demo's gluteus lesson is drawn on blue"

    stamp = cached.stat().st_mtime_ns
    with qtbot.waitSignal(exporter.finished, timeout=5_000):
        exporter.export(plan, tmp_path / "again.pdf")  # from the cache this time
    assert cached.stat().st_mtime_ns == stamp

    # A cached frame cut short (an older version's write, a crash) is decoded again, not printed grey.
    whole = cached.read_bytes()
    cached.write_bytes(whole[: len(whole) // 2])
    with qtbot.waitSignal(exporter.finished, timeout=20_000):
        exporter.export(plan, tmp_path / "third.pdf")
    assert cached.read_bytes().endswith(b"\xff\xd9") and len(cached.read_bytes()) > len(whole) // 2


def test_a_plan_whose_lesson_is_missing_still_exports_with_a_placeholder(
    context: AppContext, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    step = PlanStep(
        kind="hold", hold_ms=30_000, title="Psoas", side="R", lesson_fingerprint="gone", end_ms=1000
    )
    exporter = HandoutExporter(context.library, context.paths.cache)
    with qtbot.waitSignal(exporter.finished, timeout=5_000) as finished:
        exporter.export(Plan(title="Old", steps=(step,)), tmp_path / "old.pdf")
    pages, text, _ = pdf_pages_and_text(finished.args[0])
    assert pages == 1 and "no picture" in text and "Psoas" in text


def test_a_handout_the_full_disk_cuts_short_is_reported_and_not_left_behind(
    context: AppContext, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    step = PlanStep(
        kind="hold", hold_ms=30_000, title="Psoas", side="R", lesson_fingerprint="gone", end_ms=1000
    )
    exporter = HandoutExporter(context.library, context.paths.cache)
    finished: list[Path] = []
    exporter.finished.connect(finished.append)
    with tiny_disk(tmp_path / "stick", size_kb=256) as stick:
        filler = fill(stick)
        with qtbot.waitSignal(exporter.failed, timeout=5_000) as failed:
            exporter.export(Plan(title="Old", steps=(step,)), stick / "old.pdf")
        assert "could not be written" in failed.args[0] and "No space left" in failed.args[0]
        assert finished == [] and sorted(path.name for path in stick.iterdir()) == ["filler"]
        filler.unlink()  # space again: the same export is written whole
        with qtbot.waitSignal(exporter.finished, timeout=5_000):
            exporter.export(Plan(title="Old", steps=(step,)), stick / "old.pdf")
        pages, text, _ = pdf_pages_and_text(stick / "old.pdf")
        assert pages == 1 and "Psoas" in text


def test_a_frame_nobody_waits_for_any_more_is_not_decoded(context: AppContext, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.player.frame_grabber import FrameGrabber, FrameRequest

    lesson = context.library.lessons(context.library.courses()[0].id)[0]
    grabber = FrameGrabber.shared()
    closed = {"library": True}
    unwanted = FrameRequest(
        -901, Path(lesson.path), 1000, tmp_path / "unwanted.jpg", wanted=lambda: not closed["library"]
    )
    wanted = FrameRequest(-902, Path(lesson.path), 1500, tmp_path / "wanted.jpg")
    keys: list[int] = []
    grabber.grabbed.connect(lambda key, _image: keys.append(key))
    grabber.request([unwanted, wanted])
    qtbot.waitUntil(lambda: -902 in keys, timeout=20_000)
    assert keys == [-902]
    assert (tmp_path / "wanted.jpg").is_file() and not (tmp_path / "unwanted.jpg").exists()


def test_frames_of_an_exporter_that_is_gone_are_not_decoded(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent

    from smrtplayer.holds.handout import frame_time
    from smrtplayer.player.frame_grabber import FrameGrabber

    plan = demo_plan(context)
    exporter = HandoutExporter(context.library, context.paths.cache)
    exporter.collect(plan)  # queues one frame per position step
    exporter.deleteLater()  # the plan editor closed before any frame came back
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    grabber = FrameGrabber.shared()
    qtbot.waitUntil(lambda: grabber._current is None and not grabber._queue, timeout=10_000)
    cached = [
        thumbnail_path(context.paths.cache, step.lesson_fingerprint or "", frame_time(step))
        for step in plan.steps
        if not step.is_rest
    ]
    assert cached and not any(path.exists() for path in cached)
