"""Reading screenshots of the real window: is the demo lesson's own colour on screen?"""

from __future__ import annotations

from PySide6.QtGui import QImage

# Lesson 1 of the demo course is drawn on this blue (tools/make_demo_course.py).
LESSON_ONE_RGB = (0x1F, 0x6F, 0xB4)


def share_of_colour(image: QImage, rgb: tuple[int, int, int], tolerance: int = 28) -> float:
    """Fraction of sampled pixels within ``tolerance`` of ``rgb`` (H.264 shifts colours a little)."""
    hits = total = 0
    for y in range(0, image.height(), 8):
        for x in range(0, image.width(), 8):
            colour = image.pixelColor(x, y)
            total += 1
            if (
                abs(colour.red() - rgb[0]) <= tolerance
                and abs(colour.green() - rgb[1]) <= tolerance
                and abs(colour.blue() - rgb[2]) <= tolerance
            ):
                hits += 1
    return hits / max(1, total)
