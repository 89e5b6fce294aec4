"""Light and dark colours: a Fusion palette each with one accent, following the desktop unless the user chose.

Widgets take their colours from the palette (``palette().color(QPalette.ColorRole.…)``); the few
colours a palette has no role for (a warning banner, an error line, muted text) are :class:`Tones`,
one set per scheme, read with :func:`tones`. A style sheet that needs them is written with ``$name``
placeholders and set through :func:`set_themed_style`, so it is written again when the theme changes:
Qt resolves ``palette(…)`` in a style sheet once, when the sheet is set, so every such sheet is re-set.
Style sheets set otherwise hold fixed colours only.

"System" (the default) follows ``QStyleHints.colorScheme()`` and its ``colorSchemeChanged`` signal; a
desktop that does not say (``Unknown``) gets the light palette. The video and its surround are always
dark: :func:`dark_palette` is what the video view uses whatever the theme.
"""

from __future__ import annotations

import weakref
from dataclasses import asdict, dataclass
from string import Template

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import Shiboken

from smrtplayer.app.settings import SettingsService
from smrtplayer.models.settings import THEME

LIGHT, DARK, SYSTEM = "light", "dark", "system"
#: the one accent (selection, focus, progress, chart bars): white text on it reads at ≥ 4.5:1
ACCENT = "#2f6bd0"
#: the widget property holding a style sheet's ``$name`` template (see :func:`set_themed_style`)
TEMPLATE_PROPERTY = "themeStyleTemplate"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


@dataclass(frozen=True)
class Tones:
    """Colours a palette has no role for, as style-sheet colour names."""

    muted: str  # secondary text: dates, hints, "no notes yet"
    border: str  # a card's or a banner's outline
    accent: str
    accent_soft: str  # a hovered flat button, an edited card's surround
    link: str
    warning_bg: str
    warning_text: str
    warning_border: str
    error_bg: str
    error_text: str
    error_border: str
    info_bg: str
    info_border: str
    success: str


LIGHT_TONES = Tones(
    muted="#5b6470",
    border="#c9ced6",
    accent=ACCENT,
    accent_soft="#e3ecfb",
    link="#1f5bbf",
    warning_bg="#fff3cd",
    warning_text="#4d3a00",
    warning_border="#e0c36a",
    error_bg="#fde2e1",
    error_text="#a3261b",
    error_border="#e39b98",
    info_bg="#e7f1fb",
    info_border="#a9c8ea",
    success="#1b7f3a",
)
DARK_TONES = Tones(
    muted="#a0a8b3",
    border="#434a54",
    accent=ACCENT,
    accent_soft="#263a5c",
    link="#8ab4ff",
    warning_bg="#3b3219",
    warning_text="#f5e2a8",
    warning_border="#7a6526",
    error_bg="#43201e",
    error_text="#ff9a90",
    error_border="#8c3b36",
    info_bg="#1b2a3d",
    info_border="#35557a",
    success="#6fd694",
)

# role -> (light, dark); the disabled group greys text out below. Fusion outlines fields and frames
# in the window colour made 40 % darker: so in the dark palette fields (base) are lighter than the
# window, or their frames would vanish into them.
_COLOURS: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#f4f5f7", "#1f2227"),
    Role.WindowText: ("#1d2127", "#e4e7eb"),
    Role.Base: ("#ffffff", "#272b31"),
    Role.AlternateBase: ("#f0f2f5", "#2d3138"),
    Role.Text: ("#1d2127", "#e4e7eb"),
    Role.PlaceholderText: ("#5b6470", "#a0a8b3"),
    Role.Button: ("#e9ecf0", "#30343b"),
    Role.ButtonText: ("#1d2127", "#e4e7eb"),
    Role.BrightText: ("#ffffff", "#ffffff"),
    Role.Light: ("#ffffff", "#4a505a"),
    Role.Midlight: ("#e3e6ea", "#383d45"),
    Role.Mid: ("#c4c9d0", "#4c535e"),
    Role.Dark: ("#9aa1ab", "#111317"),
    Role.Shadow: ("#5c636d", "#000000"),
    Role.Highlight: (ACCENT, ACCENT),
    Role.HighlightedText: ("#ffffff", "#ffffff"),
    Role.Accent: (ACCENT, ACCENT),
    Role.Link: ("#1f5bbf", "#8ab4ff"),
    Role.LinkVisited: ("#6a44b0", "#c3a6ff"),
    Role.ToolTipBase: ("#ffffff", "#30343b"),
    Role.ToolTipText: ("#1d2127", "#e4e7eb"),
}
_DISABLED_TEXT = ("#8d949e", "#6f7782")


def palette_for(scheme: str) -> QPalette:
    """The Fusion palette of ``scheme`` ("light" or "dark")."""
    column = 1 if scheme == DARK else 0
    palette = QPalette()
    for role, colours in _COLOURS.items():
        palette.setColor(role, QColor(colours[column]))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        palette.setColor(Group.Disabled, role, QColor(_DISABLED_TEXT[column]))
    palette.setColor(Group.Disabled, Role.Highlight, palette.color(Role.Mid))
    return palette


def dark_palette() -> QPalette:
    """The video's surround: dark whatever the theme."""
    return palette_for(DARK)


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def tones(palette: QPalette) -> Tones:
    """The extra colours that go with ``palette``."""
    return DARK_TONES if is_dark(palette) else LIGHT_TONES


def themed(template: str) -> str:
    """``template`` with its ``$name`` placeholders (the fields of :class:`Tones`) filled in for the
    application's theme (a widget's own palette is no guide: its style sheet has changed it)."""
    return Template(template).substitute(asdict(tones(QGuiApplication.palette())))


def set_themed_style(widget: QWidget, template: str) -> None:
    """Give ``widget`` a style sheet written with ``$name`` tones; it is written again on a theme change."""
    widget.setProperty(TEMPLATE_PROPERTY, template)
    widget.setStyleSheet(themed(template))
    _themed_widgets.add(widget)


#: the widgets given a themed style sheet, written again on a theme change. Kept here rather than
#: found through ``QApplication.allWidgets()``: that hands Qt's private widget classes to Python,
#: and PySide then loads every class it knows of to find their type (~220 enum classes, ~7 MiB).
_themed_widgets: weakref.WeakSet[QWidget] = weakref.WeakSet()


#: a checkable tool button that is on, filled with the accent: Fusion only darkens it by a tenth, which
#: cannot be seen in the dark palette. The padding keeps its size when it turns on and off.
CHECKED_TOOL_BUTTON = (
    "QToolButton:checked { background: $accent; color: white; border: 1px solid $accent;"
    " border-radius: 3px; padding: 1px 1px 1px 2px; }"
)


def system_scheme() -> str:
    """What the desktop asks for; light when it does not say."""
    return _scheme_of(QGuiApplication.styleHints().colorScheme())


def _scheme_of(scheme: Qt.ColorScheme) -> str:
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


class ThemeManager(QObject):
    """Applies the chosen palette to the application and keeps it in step with the desktop and the setting."""

    #: "light" or "dark", each time a palette is applied
    applied = Signal(str)

    def __init__(self, app: QApplication, settings: SettingsService) -> None:
        super().__init__(app)
        self.setObjectName("themeManager")
        self.settings = settings
        self._system = system_scheme()
        self._scheme = ""
        self._connections = [
            QGuiApplication.styleHints().colorSchemeChanged.connect(self.on_system_scheme_changed),
            settings.changed.connect(self._on_setting_changed),
        ]
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")  # the native styles of Windows and macOS ignore much of a palette
        self.apply()

    def choice(self) -> str:
        """The user's choice: "system", "light" or "dark"."""
        return self.settings.get(THEME)

    def set_choice(self, choice: str) -> None:
        """Remember ``choice`` ("system", "light", "dark"); the palette follows at once."""
        self.settings.set(THEME, choice)

    def scheme(self) -> str:
        """The scheme applied now: "light" or "dark"."""
        return self._scheme

    def on_system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark (followed when the choice is "system")."""
        self._system = _scheme_of(scheme)
        self.apply()

    def retire(self) -> None:
        """Stop following the desktop and the setting (another manager takes over)."""
        global _installed
        if _installed is self:
            _installed = None
        if not self._connections:
            return
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        self.deleteLater()

    def _on_setting_changed(self, name: str) -> None:
        if name == THEME.name:
            self.apply()

    def apply(self) -> None:
        choice = self.choice()
        scheme = self._system if choice == SYSTEM else choice
        if scheme == self._scheme:
            return
        self._scheme = scheme
        QApplication.setPalette(palette_for(scheme))
        _restyle(list(_themed_widgets))
        self.applied.emit(scheme)


def _restyle(widgets: list[QWidget]) -> None:
    for widget in widgets:
        if not Shiboken.isValid(widget):  # deleted by Qt while Python still holds it
            _themed_widgets.discard(widget)
            continue
        template = widget.property(TEMPLATE_PROPERTY)
        if isinstance(template, str) and template:
            widget.setStyleSheet(themed(template))  # also re-resolves its palette(…) colours


_installed: ThemeManager | None = None


def theme_manager(settings: SettingsService) -> ThemeManager:
    """The application's theme manager for ``settings``, made (and applied) on first use."""
    global _installed
    current = _installed
    if current is not None and current.settings is settings:
        return current
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("the theme needs a QApplication")
    if current is not None:
        current.retire()
    _installed = ThemeManager(app, settings)
    return _installed
