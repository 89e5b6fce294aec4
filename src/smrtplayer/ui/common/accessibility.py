"""What assistive technology reads: each control's name and description, and the walk that finds gaps.

Qt names most controls by itself: a button by its text (or its action's), a field by its buddy label,
a menu item by its action's text, and takes a control's tooltip as its description. What it cannot name
is a control that shows only a picture (an icon button without text) or a field without a label.
``name_from_tooltips`` names such buttons from the tooltip they carry ("Mute (M)" gives "Mute") and
warns through Qt's message handler about any that has neither, which fails a test at once; the
accessibility tests walk whole windows with ``controls`` and fail on any control still unnamed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, qWarning
from PySide6.QtGui import QAccessible, QAccessibleInterface, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

_Role = QAccessible.Role
#: Roles a user acts on: each must have a name a screen reader can say.
INTERACTIVE_ROLES = frozenset(
    {
        _Role.PushButton,
        _Role.CheckBox,
        _Role.RadioButton,
        _Role.ComboBox,
        _Role.EditableText,
        _Role.Slider,
        _Role.SpinBox,
        _Role.Dial,
        _Role.List,
        _Role.Tree,
        _Role.Table,
        _Role.MenuItem,
        _Role.PageTab,
        _Role.ButtonMenu,
        _Role.ButtonDropDown,
        _Role.ButtonDropGrid,
        _Role.Link,
    }
)
#: The keys a tooltip ends with: "Mute (M)", "Play / pause (Space, K)".
_KEYS_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")


@dataclass(frozen=True)
class Control:
    """One interactive element as assistive technology sees it."""

    role: str
    kind: str
    path: str
    name: str
    description: str
    visible: bool

    def __str__(self) -> str:
        return f"{self.role} {self.kind} at {self.path or '?'} (name {self.name!r})"


def describe(widget: QWidget, name: str, description: str) -> None:
    """Give ``widget`` the name a screen reader says and a description that adds what the name does not."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


def tooltip_name(tooltip: str) -> str:
    """A tooltip as a name: its plain text without the keys in brackets at its end, and only the word
    before a colon when it explains itself ("Loop: start, end, clear" gives "Loop"; the whole tooltip
    stays the description)."""
    text = (
        QTextDocumentFragment.fromHtml(tooltip).toPlainText() if GuiQt.mightBeRichText(tooltip) else tooltip
    )
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    head, colon, _details = first_line.partition(": ")
    if colon and head.strip():
        return head.strip()
    return _KEYS_SUFFIX.sub("", first_line).strip() or first_line.strip()


def name_controls(root: QWidget) -> None:
    """Name every button under ``root`` that shows no text: an icon button from its tooltip, a text
    field's clear button as such. Warns (a failure in the tests) about a button with neither.
    A text field without a name or a label is named by its placeholder ("Name of the plan")."""
    editors: list[QLineEdit | QPlainTextEdit | QTextEdit] = [
        *root.findChildren(QLineEdit),
        *root.findChildren(QPlainTextEdit),
        *root.findChildren(QTextEdit),
    ]
    for editor in editors:
        placeholder = editor.placeholderText().strip()
        interface = QAccessible.queryAccessibleInterface(editor)
        if placeholder and interface is not None and not interface.text(QAccessible.Text.Name).strip():
            editor.setAccessibleName(placeholder.rstrip("…").strip())
    for field in root.findChildren(QLineEdit):
        for clear in field.findChildren(QToolButton):
            action = clear.defaultAction()
            if action is not None and action.objectName() == "_q_qlineeditclearaction":
                describe(
                    clear,
                    QCoreApplication.translate("Accessibility", "Clear"),
                    QCoreApplication.translate("Accessibility", "Empty this field"),
                )
    for button in root.findChildren(QAbstractButton):
        hidden = button.isHidden() and button.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
        if button.accessibleName() or button.text().strip() or hidden:
            continue  # a hidden button gets its text when it is shown
        if button.toolTip().strip():
            button.setAccessibleName(tooltip_name(button.toolTip()))
        elif not button.objectName().startswith("qt_"):  # Qt's own buttons name themselves
            qWarning(f"smrtplayer: the button {_path(button)} has no text, no tooltip and no name")


def controls(root: QObject) -> list[Control]:
    """Every interactive or focusable element under ``root`` (the window's menus' items included)."""
    found: list[Control] = []
    seen: set[int] = set()
    interface = QAccessible.queryAccessibleInterface(root)
    if interface is not None:
        _walk(interface, found, seen, depth=0)
    for menu in root.findChildren(QMenu):
        menu_interface = QAccessible.queryAccessibleInterface(menu)
        if menu_interface is not None:
            _walk(menu_interface, found, seen, depth=0)
    return found


def unnamed(root: QObject) -> list[Control]:
    """The controls on screen under ``root`` that a screen reader could not name."""
    return [control for control in controls(root) if control.visible and not control.name.strip()]


def _walk(interface: QAccessibleInterface, found: list[Control], seen: set[int], depth: int) -> None:
    if not interface.isValid() or depth > 60:
        return
    state = interface.state()
    role = interface.role()
    owner = interface.object()
    # Widgets are met again through their menus' walk; menu items (actions in several menus) are kept.
    key = id(owner) if owner is not None and role != _Role.MenuItem else None
    if (role in INTERACTIVE_ROLES or state.focusable) and (key is None or key not in seen):
        if key is not None:
            seen.add(key)
        found.append(
            Control(
                role=role.name,
                kind=type(owner).__name__ if owner is not None else "item",
                path=_path(owner) if owner is not None else _path_of(interface),
                name=interface.text(QAccessible.Text.Name),
                description=interface.text(QAccessible.Text.Description),
                visible=not state.invisible,
            )
        )
    if role in (_Role.List, _Role.Tree, _Role.Table, _Role.ComboBox):
        return  # rows are the data's, named by their own text; a combo box's are its popup's
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is not None:
            _walk(child, found, seen, depth + 1)


def _path(obj: QObject | None) -> str:
    names: list[str] = []
    while obj is not None:
        names.append(obj.objectName() or type(obj).__name__)
        obj = obj.parent()
    return "/".join(reversed(names))


def _path_of(interface: QAccessibleInterface) -> str:
    parent = interface.parent()
    owner = parent.object() if parent is not None else None
    return f"{_path(owner)}/{interface.text(QAccessible.Text.Name) or interface.role().name}"
