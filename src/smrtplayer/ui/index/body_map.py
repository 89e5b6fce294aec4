"""BodyMap: front and back figures (assets/body-front.svg, body-back.svg); click a region to list it.

Each region is an element of the SVG whose id is the region id. For exact hit-testing and tinting,
each region gets a mask rendered from a copy of the SVG holding only that region, so the mask lies
exactly on the drawing at any size; masks are rendered at the screen's device pixel ratio, so edges
stay sharp at 150 % and 200 % scaling. The figures are a drawing and look the same in both themes;
everything around them (background, captions, side letters, focus ring) comes from the palette.
Regions with positions are tinted and carry their count; the region under the mouse is highlighted,
the listed one is marked.

Keyboard and screen readers: every region is also a real (invisible) button laid over its drawing,
in the tab order, named "Hips & Sacrum, 4 positions"; Space or Enter lists it, arrow keys move to
the next region. The positioning groups (side-lying, pregnancy) are ordinary buttons underneath.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBitmap,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.common.resources import asset
from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.models.regions import Taxonomy
from smrtplayer.ui.common.i18n import number_text
from smrtplayer.ui.common.region_names import region_name

SVG_NS = "http://www.w3.org/2000/svg"
VIEWS = (
    ("front", QT_TRANSLATE_NOOP("BodyMap", "FRONT"), QT_TRANSLATE_NOOP("BodyMap", "client faces you")),
    ("back", QT_TRANSLATE_NOOP("BodyMap", "BACK"), QT_TRANSLATE_NOOP("BodyMap", "client faces away")),
)
#: the side letters and words drawn beside the figures (written in English in the SVG files)
SIDE_WORDS = {
    "R": QT_TRANSLATE_NOOP("BodyMap", "R"),
    "RIGHT": QT_TRANSLATE_NOOP("BodyMap", "RIGHT"),
    "L": QT_TRANSLATE_NOOP("BodyMap", "L"),
    "LEFT": QT_TRANSLATE_NOOP("BodyMap", "LEFT"),
}


def _body_map_text(text: str) -> str:
    return QCoreApplication.translate("BodyMap", text)


#: Regions drawn on both figures whose button sits on the back figure (where they are mostly worked).
PRIMARY_ON_BACK = frozenset({"hips-sacrum"})

HAS_POSITIONS = QColor(24, 128, 120, 70)
HOVER = QColor(242, 169, 0, 150)
SELECTED = QColor(47, 111, 222, 135)
#: the count badges carry their own background: white on it reads at 7.6:1 in either theme
BADGE = QColor("#0b5f5a")


@dataclass
class _Figure:
    view: str
    caption: str
    subtitle: str
    renderer: QSvgRenderer
    region_svgs: dict[str, QByteArray]
    #: (letter, word, x, y) of each side label, in SVG units; the canvas draws them at a readable size
    labels: list[tuple[str, str, float, float]] = field(default_factory=list)
    rect: QRect = field(default_factory=QRect)
    # each region's coverage (one byte a pixel, alpha only), cut to its bounds in device pixels
    masks: dict[str, QImage] = field(default_factory=dict)
    # where each mask's top-left pixel lies on the figure, in device pixels
    mask_offsets: dict[str, QPoint] = field(default_factory=dict)
    bounds: dict[str, QRect] = field(default_factory=dict)
    anchors: dict[str, QPointF] = field(default_factory=dict)
    tinted: dict[tuple[str, int], QImage] = field(default_factory=dict)
    #: the device pixel ratio the masks were rendered at
    pixel_ratio: float = 1.0


class _RegionButton(QAbstractButton):
    """The keyboard and screen-reader face of one region; the canvas draws it."""

    def __init__(self, region_id: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._canvas = parent  # it draws the focused region, so it repaints when focus moves
        self.region_id = region_id
        self.setObjectName(f"region-{region_id}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:  # the canvas paints regions
        pass

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self.focusNextChild()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._canvas.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._canvas.update()


class _Canvas(QWidget):
    region_clicked = Signal(str)

    def __init__(self, taxonomy: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyMapCanvas")
        self.setAccessibleName(self.tr("Body map: front and back figures"))
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._taxonomy = taxonomy
        self.figures = [_load_figure(view, caption, subtitle) for view, caption, subtitle in VIEWS]
        self.counts: dict[str, int] = {}
        #: region id -> positions per client's side ('L', 'R', 'both'); empty: the counts only
        self.side_counts: dict[str, dict[str, int]] = {}
        self.hovered: str | None = None
        self.selected: str | None = None
        self.buttons: dict[str, _RegionButton] = {}
        drawn = {region for figure in self.figures for region in figure.region_svgs}
        for region in taxonomy.body_regions():
            if region.id not in drawn:
                continue
            button = _RegionButton(region.id, self)
            button.clicked.connect(lambda _checked=False, rid=region.id: self.region_clicked.emit(rid))
            self.buttons[region.id] = button
        self._update_names()

    # ---------------------------------------------------------------------------------- state
    def set_counts(self, counts: dict[str, int], sides: dict[str, dict[str, int]] | None = None) -> None:
        self.counts = dict(counts)
        self.side_counts = {region_id: dict(by_side) for region_id, by_side in (sides or {}).items()}
        self._update_names()
        self.update()

    def badges(self, region_id: str) -> list[tuple[str, QPoint]]:
        """The count badges of a region and where they are drawn (widget coordinates).

        A region holding positions of one side or both gets a badge per client's side, lettered and
        drawn on that side of the figure ("L 1" on the client's left shoulder); a position shown on
        both sides counts on each. A region of only two-sided positions shows one plain count.
        """
        count = self.counts.get(region_id, 0)
        point = self.anchor(region_id)
        figure = self._figure_for(region_id)
        if not count or point is None or figure is None:
            return []
        by_side = self.side_counts.get(region_id, {})
        if not by_side.get("L") and not by_side.get("R"):
            return [(number_text(count), point)]
        both = by_side.get("both", 0)
        centre = figure.rect.center().x()
        # where the figure's R label is: the client's right is on the viewer's left when facing us
        right_sign = -1 if _right_on_viewers_left(figure) else 1
        offset = abs(point.x() - centre)
        minimum = _badge_size("L 0000", self.font()).width() // 2 + 3
        offset = max(offset, minimum)
        found: list[tuple[str, QPoint]] = []
        for side, sign in (("R", right_sign), ("L", -right_sign)):
            shown = by_side.get(side, 0) + both
            if shown:
                badge = f"{_body_map_text(side)} {number_text(shown)}"
                found.append((badge, QPoint(centre + sign * offset, point.y())))
        return found

    def _update_names(self) -> None:
        for region_id, button in self.buttons.items():
            count = self.counts.get(region_id, 0)
            name = region_name(self._taxonomy.regions[region_id].name)
            button.setAccessibleName(self.tr("{name}, %n position(s)", "", count).format(name=name))
            views = [_body_map_text(f.caption).lower() for f in self.figures if region_id in f.region_svgs]
            button.setAccessibleDescription(
                self.tr("On the {join} figure. Press Space to list.").format(
                    join=self.tr(" and ").join(views)
                )
            )
            button.setToolTip(button.accessibleName())

    def region_at(self, point: QPoint) -> str | None:
        for figure in self.figures:
            if not figure.rect.contains(point):
                continue
            local = point - figure.rect.topLeft()
            pixel = QPoint(int(local.x() * figure.pixel_ratio), int(local.y() * figure.pixel_ratio))
            by_area = sorted(figure.masks, key=lambda r: figure.bounds[r].width() * figure.bounds[r].height())
            for region_id in by_area:
                mask = figure.masks[region_id]
                inside = pixel - figure.mask_offsets[region_id]
                if mask.valid(inside) and mask.pixelColor(inside).alpha() > 0:
                    return region_id
        return None

    def anchor(self, region_id: str) -> QPoint | None:
        """Where a region's count is drawn on its button's figure (widget coordinates)."""
        figure = self._figure_for(region_id)
        if figure is None or region_id not in figure.anchors:
            return None
        return figure.anchors[region_id].toPoint()

    def _figure_for(self, region_id: str) -> _Figure | None:
        holding = [f for f in self.figures if region_id in f.region_svgs]
        if not holding:
            return None
        if region_id in PRIMARY_ON_BACK:
            return holding[-1]
        return holding[0]

    # ---------------------------------------------------------------------------------- layout
    def _caption_height(self) -> int:
        return QFontMetrics(self._caption_font()).height() * 2 + 6

    def _caption_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(max(9.0, font.pointSizeF() * 1.1))
        return font

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        top = self._caption_height()
        available = QRect(0, top, self.width(), max(1, self.height() - top))
        column = available.width() // len(self.figures)
        for index, figure in enumerate(self.figures):
            view_box = figure.renderer.viewBoxF()
            size = QSize(int(view_box.width()), int(view_box.height())).scaled(
                QSize(column - 6, available.height() - 4), Qt.AspectRatioMode.KeepAspectRatio
            )
            x = available.x() + index * column + (column - size.width()) // 2
            figure.rect = QRect(x, available.y(), size.width(), size.height())
            _render_masks(figure, self.devicePixelRatioF())
        for region_id, button in self.buttons.items():
            owner = self._figure_for(region_id)
            if owner is not None and region_id in owner.bounds:
                button.setGeometry(owner.bounds[region_id].translated(owner.rect.topLeft()))

    def sizeHint(self) -> QSize:
        return QSize(380, 560)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, 300)

    # ---------------------------------------------------------------------------------- mouse
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        region = self.region_at(event.position().toPoint())
        if region != self.hovered:
            self.hovered = region
            self.setCursor(Qt.CursorShape.PointingHandCursor if region else Qt.CursorShape.ArrowCursor)
            # plain names of our own data; Qt shows it after its usual delay
            self.setToolTip(self.buttons[region].accessibleName() if region else "")
            self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self.hovered = None
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        region = self.region_at(event.position().toPoint())
        if region is not None:
            self.buttons[region].setFocus(Qt.FocusReason.MouseFocusReason)
            self.region_clicked.emit(region)

    # ---------------------------------------------------------------------------------- paint
    def paintEvent(self, event: QPaintEvent) -> None:
        ratio = self.devicePixelRatioF()
        for figure in self.figures:
            if figure.pixel_ratio != ratio:  # moved to a screen with another scale
                _render_masks(figure, ratio)
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        focused = next((rid for rid, button in self.buttons.items() if button.hasFocus()), None)
        for figure in self.figures:
            self._paint_caption(painter, figure)
            figure.renderer.render(painter, QRectF(figure.rect))
            self._paint_side_labels(painter, figure)
            for region_id in figure.masks:
                colours = []
                if self.counts.get(region_id, 0):
                    colours.append(HAS_POSITIONS)
                if region_id == self.selected:
                    colours.append(SELECTED)
                if region_id in (self.hovered, focused):
                    colours.append(HOVER)
                if figure.masks[region_id].isNull():
                    continue
                offset = QPointF(figure.mask_offsets[region_id]) / figure.pixel_ratio
                at = QPointF(figure.rect.topLeft()) + offset
                for colour in colours:
                    painter.drawImage(at, _tinted(figure, region_id, colour))
            if focused in figure.bounds and figure is self._figure_for(focused):
                pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(
                    figure.bounds[focused].translated(figure.rect.topLeft()).adjusted(-2, -2, 2, 2)
                )
        for region_id in self.buttons:
            for text, point in self.badges(region_id):
                _paint_badge(painter, point, text, self.font(), palette.color(QPalette.ColorRole.Base))
        painter.end()

    def _paint_side_labels(self, painter: QPainter, figure: _Figure) -> None:
        view_box = figure.renderer.viewBoxF()
        scale = figure.rect.height() / view_box.height()
        letter_font = QFont(self.font())
        letter_font.setBold(True)
        letter_font.setPixelSize(max(24, round(30 * scale)))
        word_font = QFont(self.font())
        word_font.setBold(True)
        word_font.setPixelSize(max(11, round(10 * scale)))
        letter_metrics = QFontMetrics(letter_font)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        for letter, word, x, y in figure.labels:
            centre_x = figure.rect.x() + x * scale
            baseline = figure.rect.y() + y * scale
            box = QRectF(centre_x - 40, baseline - letter_metrics.ascent(), 80, letter_metrics.height())
            painter.setFont(letter_font)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), _body_map_text(letter)
            )
            painter.setFont(word_font)
            below = QRectF(
                centre_x - 40, box.bottom() - letter_metrics.descent() + 1, 80, 2 * word_font.pixelSize()
            )
            painter.drawText(
                below, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), _body_map_text(word)
            )

    def _paint_caption(self, painter: QPainter, figure: _Figure) -> None:
        font = self._caption_font()
        metrics = QFontMetrics(font)
        area = QRect(figure.rect.x() - 20, 2, figure.rect.width() + 40, metrics.height())
        painter.setFont(font)
        palette = self.palette()
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), _body_map_text(figure.caption))
        small = QFont(self.font())
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        below = area.translated(0, metrics.height())
        painter.drawText(below, int(Qt.AlignmentFlag.AlignCenter), _body_map_text(figure.subtitle))


class BodyMap(QWidget):
    """The body map with its positioning buttons; emits ``region_activated(region_id)``."""

    region_activated = Signal(str)

    def __init__(self, taxonomy: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyMap")
        self._taxonomy = taxonomy
        self.canvas = _Canvas(taxonomy, self)
        self.canvas.region_clicked.connect(self._activate)
        self.positioning: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 4, 4)
        for region in taxonomy.positioning_regions():
            button = QPushButton(region_name(region.name), self)
            button.setObjectName(f"region-{region.id}")
            button.setCheckable(False)
            button.clicked.connect(lambda _checked=False, rid=region.id: self._activate(rid))
            self.positioning[region.id] = button
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(row)
        self.set_counts({})

    def set_counts(self, counts: dict[str, int], sides: dict[str, dict[str, int]] | None = None) -> None:
        """Positions per region, and per client's side when ``sides`` is given (region -> side -> n)."""
        self.canvas.set_counts(counts, sides)
        for region_id, button in self.positioning.items():
            count = counts.get(region_id, 0)
            name = region_name(self._taxonomy.regions[region_id].name)
            button.setText(f"{name}  ({number_text(count)})")
            button.setAccessibleName(self.tr("{name}, %n position(s)", "", count).format(name=name))
            button.setAccessibleDescription(
                QCoreApplication.translate("BodyMap", "A way of lying, not a body part. Press Space to list.")
            )

    def set_selected(self, region_id: str | None) -> None:
        self.canvas.selected = region_id
        self.canvas.update()

    def region_at(self, point: QPoint) -> str | None:
        """The region drawn at ``point`` in the canvas's coordinates (for tests and tooltips)."""
        return self.canvas.region_at(point)

    def region_button(self, region_id: str) -> QAbstractButton:
        return self.canvas.buttons.get(region_id) or self.positioning[region_id]

    def _activate(self, region_id: str) -> None:
        self.set_selected(region_id)
        self.region_activated.emit(region_id)


# ------------------------------------------------------------------------------------- helpers
def _load_figure(view: str, caption: str, subtitle: str) -> _Figure:
    path: Path = asset(f"body-{view}.svg")
    raw = path.read_bytes()
    figure, labels = _without_side_labels(raw)
    return _Figure(view, caption, subtitle, QSvgRenderer(QByteArray(figure)), _region_svgs(raw), labels)


def _without_side_labels(raw: bytes) -> tuple[bytes, list[tuple[str, str, float, float]]]:
    """The SVG without its L/R text, and that text's letters, words and places.

    Scaled with a small figure the SVG's lettering becomes unreadable from across the room, so the
    canvas draws the labels itself, never smaller than a readable size.
    """
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(raw)
    labels: list[tuple[str, str, float, float]] = []
    for group in [child for child in root if child.get("id") == "side-labels"]:
        texts = [element for element in group if element.tag.split("}")[-1] == "text"]
        letters = [t for t in texts if t.get("id", "").startswith("label-")]
        words = [t for t in texts if not t.get("id")]
        for letter, word in zip(letters, words, strict=False):
            labels.append(
                (letter.text or "", word.text or "", float(letter.get("x", "0")), float(letter.get("y", "0")))
            )
        root.remove(group)
    return ET.tostring(root), labels


def _region_svgs(raw: bytes) -> dict[str, QByteArray]:
    """For each region element, the SVG with only that region, filled solid: its mask when rendered."""
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(raw)
    regions = [child for child in root if child.get("class") == "region" and child.get("id")]
    result: dict[str, QByteArray] = {}
    for region in regions:
        copy = ET.fromstring(raw)
        for child in list(copy):
            tag = child.tag.split("}")[-1]
            if tag in ("title", "desc"):
                continue
            if child.get("id") != region.get("id"):
                copy.remove(child)
        for element in copy.iter():
            if element.get("class") in ("region", "detail", "hair"):
                element.set("class", "")
            if element.tag.split("}")[-1] in ("path", "ellipse", "circle", "rect", "polygon"):
                element.set("style", "fill:#000;stroke:#000;stroke-width:1.6")
        result[str(region.get("id"))] = QByteArray(ET.tostring(copy))
    return result


def _render_masks(figure: _Figure, pixel_ratio: float) -> None:
    """Each region's mask at the figure's size in device pixels (logical size × ``pixel_ratio``), with
    its bounds and count anchor in logical pixels.

    A region is drawn on a figure-sized scratch image, and only its bounds are kept, one byte a pixel:
    36 regions kept whole as colour images took ~2.9 MiB at a 1080p window's panel size."""
    figure.masks.clear()
    figure.mask_offsets.clear()
    figure.bounds.clear()
    figure.anchors.clear()
    figure.tinted.clear()
    figure.pixel_ratio = pixel_ratio
    size = figure.rect.size()
    if size.isEmpty():
        return
    device_size = QSize(math.ceil(size.width() * pixel_ratio), math.ceil(size.height() * pixel_ratio))
    view_box = figure.renderer.viewBoxF()
    scale_x = size.width() / view_box.width()
    scale_y = size.height() / view_box.height()
    scratch = QImage(device_size, QImage.Format.Format_ARGB32_Premultiplied)
    scratch.setDevicePixelRatio(pixel_ratio)
    for region_id, svg in figure.region_svgs.items():
        scratch.fill(Qt.GlobalColor.transparent)
        painter = QPainter(scratch)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        QSvgRenderer(svg).render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        device_bounds = QRegion(QBitmap.fromImage(scratch.createAlphaMask())).boundingRect()
        mask = QImage()  # nothing drawn (a region outside this figure's view box)
        if not device_bounds.isEmpty():  # an empty rectangle would copy the whole image
            mask = scratch.copy(device_bounds).convertToFormat(QImage.Format.Format_Alpha8)
            mask.setDevicePixelRatio(pixel_ratio)
        figure.masks[region_id] = mask
        figure.mask_offsets[region_id] = device_bounds.topLeft()
        figure.bounds[region_id] = QRectF(
            device_bounds.x() / pixel_ratio,
            device_bounds.y() / pixel_ratio,
            device_bounds.width() / pixel_ratio,
            device_bounds.height() / pixel_ratio,
        ).toAlignedRect()
        anchor_id = f"anchor-{region_id}"
        if figure.renderer.elementExists(anchor_id):
            centre = (
                figure.renderer.transformForElement(anchor_id)
                .mapRect(figure.renderer.boundsOnElement(anchor_id))
                .center()
            )
            point = QPointF(centre.x() * scale_x, centre.y() * scale_y)
        else:
            point = QPointF(figure.bounds[region_id].center())
        figure.anchors[region_id] = point + QPointF(figure.rect.topLeft())


def _tinted(figure: _Figure, region_id: str, colour: QColor) -> QImage:
    key = (region_id, colour.rgba())
    image = figure.tinted.get(key)
    if image is None:
        image = figure.masks[region_id].convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(QRectF(QPointF(0, 0), image.deviceIndependentSize()), colour)
        painter.end()
        figure.tinted[key] = image
    return image


def _right_on_viewers_left(figure: _Figure) -> bool:
    centre = figure.renderer.viewBoxF().center().x()
    for letter, _word, x, _y in figure.labels:
        if letter.strip().upper() == "R":
            return x < centre
    return figure.view == "front"


def _badge_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setBold(True)
    font.setPointSizeF(max(9.0, base.pointSizeF()))
    return font


def _badge_size(text: str, base: QFont) -> QSize:
    metrics = QFontMetrics(_badge_font(base))
    return QSize(max(metrics.horizontalAdvance(text) + 12, metrics.height() + 4), metrics.height() + 4)


def _paint_badge(painter: QPainter, centre: QPoint, text: str, base: QFont, ring: QColor) -> None:
    font = _badge_font(base)
    size = _badge_size(text, base)
    width, height = size.width(), size.height()
    box = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
    painter.setPen(QPen(ring, 1.5))  # the background's colour: the badge stands apart from the figure
    painter.setBrush(BADGE)
    painter.drawRoundedRect(box, height / 2, height / 2)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
