"""The body regions' names in the user's language (the taxonomy, assets/taxonomy.toml, names them in
English; tests/ui/i18n checks that every region is listed here for lupdate).

Muscle, technique and client-position names stay as the taxonomy and the courses write them: they are
the vocabulary positions are stored and searched with.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smrtplayer.common.translatable import QT_TRANSLATE_NOOP

CONTEXT = "Regions"

REGION_NAMES = (
    QT_TRANSLATE_NOOP("Regions", "Head & Neck"),
    QT_TRANSLATE_NOOP("Regions", "Shoulder & Axilla"),
    QT_TRANSLATE_NOOP("Regions", "Arm & Hand"),
    QT_TRANSLATE_NOOP("Regions", "Upper Back"),
    QT_TRANSLATE_NOOP("Regions", "Ribcage"),
    QT_TRANSLATE_NOOP("Regions", "Abdomen"),
    QT_TRANSLATE_NOOP("Regions", "Back & Spine"),
    QT_TRANSLATE_NOOP("Regions", "Lower Back"),
    QT_TRANSLATE_NOOP("Regions", "Hips & Sacrum"),
    QT_TRANSLATE_NOOP("Regions", "Pelvic Floor"),
    QT_TRANSLATE_NOOP("Regions", "Thighs & Knees"),
    QT_TRANSLATE_NOOP("Regions", "Lower Leg & Feet"),
    QT_TRANSLATE_NOOP("Regions", "Laterally Recumbent"),
    QT_TRANSLATE_NOOP("Regions", "Pregnancy"),
)


def region_name(name: str) -> str:
    """A region's name as the window shows it."""
    return QCoreApplication.translate(CONTEXT, name)
