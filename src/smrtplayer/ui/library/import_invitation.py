"""An invitation to import a course, shown while the library holds nothing but the demo.

A new user's library is the demo course alone; this says what can be brought in (a course's zip,
video files, a folder of lessons, a DVD copied to disk) with the two buttons that do it, in words a
user who bought a course on a DVD or as a download recognises. It hides itself once a course of the
user's own is in the library.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from smrtplayer.models.library import CourseListing, CourseSummary
from smrtplayer.ui.common.flow_layout import flow_container
from smrtplayer.ui.common.plain_text import plain_label


def only_demo(courses: Iterable[CourseSummary | CourseListing]) -> bool:
    """The library holds no course of the user's own (the demo alone, or nothing)."""
    return all(course.kind == "builtin" for course in courses)


class ImportInvitation(QFrame):
    #: "Import a course…": zip files or videos, chosen in a file dialog
    files_requested = Signal()
    #: "Import a folder or DVD…": a course folder or a DVD's folder
    folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        """``compact``: the buttons and one line (beside the course list), not the whole list."""
        super().__init__(parent)
        self.setObjectName("importInvitation")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.heading = plain_label(
            QCoreApplication.translate("ImportInvitation", "Only the demo course is here so far."), self
        )
        self.heading.setObjectName("invitationHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        buttons, flow = flow_container(self)
        self.import_button = QPushButton(
            QCoreApplication.translate("ImportInvitation", "Import a course…"), buttons
        )
        self.import_button.setObjectName("invitationImport")
        self.import_button.setDefault(True)
        self.import_button.setToolTip(
            QCoreApplication.translate("ImportInvitation", "A course's .zip, its video files or its folder")
        )
        self.import_button.clicked.connect(self.files_requested)
        self.folder_button = QPushButton(
            QCoreApplication.translate("ImportInvitation", "Import a folder or DVD…"), buttons
        )
        self.folder_button.setObjectName("invitationFolder")
        self.folder_button.setToolTip(
            QCoreApplication.translate("ImportInvitation", "A folder of lessons, or a DVD copied to disk")
        )
        self.folder_button.clicked.connect(self.folder_requested)
        flow.addWidget(self.import_button)
        flow.addWidget(self.folder_button)
        what = (
            QCoreApplication.translate(
                "ImportInvitation",
                "Bring in a course you own: its .zip, its videos, its folder or its DVD. Or drop it here.",
            )
            if compact
            else QCoreApplication.translate(
                "ImportInvitation",
                "What can be imported:\n"
                "• a course's .zip, as it was downloaded\n"
                "• video files: MP4, M4V, MOV, MKV, WebM, VOB, MPG\n"
                "• a folder of lessons, with or without a list of positions\n"
                "• a DVD copied to disk: the folder that holds VIDEO_TS\n"
                "You can also drop any of these here.",
            )
        )
        self.what = plain_label(what, self, name="invitationWhat")
        self.what.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(buttons)
        layout.addWidget(self.what)

    def follow(self, courses: Iterable[CourseSummary | CourseListing]) -> None:
        """Shown while the library holds only the demo, hidden once a course of the user's is in it."""
        self.setVisible(only_demo(courses))
