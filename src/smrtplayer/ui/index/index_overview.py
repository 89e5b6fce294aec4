"""What the body index shows before anything is searched or chosen: what it holds, and how to add to it.

Each body region as a button with its count of positions (a click lists them, as the map does), and
how to add a position of one's own with the marking keys. With no position at all it says where
positions come from, so the panel never opens on an empty white box.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QToolButton, QVBoxLayout, QWidget

from smrtplayer.models.regions import Taxonomy
from smrtplayer.ui.common.flow_layout import flow_container
from smrtplayer.ui.common.i18n import number_text
from smrtplayer.ui.common.plain_text import plain_label
from smrtplayer.ui.common.region_names import region_name


class IndexOverview(QScrollArea):
    #: a region's button was clicked (its id)
    region_chosen = Signal(str)

    def __init__(
        self, taxonomy: Taxonomy, *, mark_keys: tuple[str, str], parent: QWidget | None = None
    ) -> None:
        """``mark_keys``: the keys that mark a position's start and end."""
        super().__init__(parent)
        self.setObjectName("indexOverview")
        self.setAccessibleName(self.tr("Regions and their positions"))
        self.setAccessibleDescription(self.tr("Each region with its count; choosing one lists its positions"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # It wraps to the dock's width; it never scrolls sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._mark_keys = mark_keys
        body = QWidget()
        body.setObjectName("indexOverviewBody")
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = plain_label("", body, name="indexOverviewHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        holder, self._flow = flow_container(body)
        holder.setObjectName("indexOverviewRegions")
        self.region_buttons: dict[str, QToolButton] = {}
        self._names: dict[str, str] = {}
        for region in taxonomy.body_regions():
            button = QToolButton(holder)
            button.setObjectName(f"overviewRegion-{region.id}")
            button.clicked.connect(lambda _checked=False, rid=region.id: self.region_chosen.emit(rid))
            self._flow.addWidget(button)
            self.region_buttons[region.id] = button
            self._names[region.id] = region_name(region.name)
        self.how_to = plain_label("", body, name="indexOverviewHowTo")
        self.how_to.setWordWrap(True)
        # How to add comes before the regions: in a short dock it must not be below the fold.
        layout.addWidget(self.heading)
        layout.addWidget(self.how_to)
        layout.addWidget(holder)
        layout.addStretch(1)
        self.set_counts({})

    def set_counts(self, counts: dict[str, int]) -> None:
        """Each region's count of positions (regions not in ``counts`` hold none)."""
        for region_id, button in self.region_buttons.items():
            count = counts.get(region_id, 0)
            name = self._names[region_id]
            button.setText(
                f"{name.replace('&', '&&')}  ({number_text(count)})"
            )  # "&" as typed, not a mnemonic
            button.setToolTip(
                QCoreApplication.translate("IndexOverview", "List the positions of %1").replace("%1", name)
            )
            button.setAccessibleName(
                QCoreApplication.translate("IndexOverview", "{name}: %n position(s)", "", count).format(
                    name=name
                )
            )
        start, end = self._mark_keys
        total = sum(counts.values())
        if total:
            self.heading.setText(
                QCoreApplication.translate(
                    "IndexOverview",
                    "%n position(s) in your courses. Choose a region, or search above.",
                    "",
                    total,
                )
            )
            self.how_to.setText(
                QCoreApplication.translate(
                    "IndexOverview",
                    "Add your own while watching: press %1 where a position starts and %2 where it "
                    "ends, then name it.",
                )
                .replace("%1", start)
                .replace("%2", end)
            )
        else:
            self.heading.setText(QCoreApplication.translate("IndexOverview", "No positions yet."))
            self.how_to.setText(
                QCoreApplication.translate(
                    "IndexOverview",
                    "Add your first while watching a lesson: press %1 (Mark start, below) where a "
                    "position starts and %2 (Mark end…) where it ends, then name it and choose its "
                    "region. Courses that come with a position list fill this index by themselves.",
                )
                .replace("%1", start)
                .replace("%2", end)
            )
