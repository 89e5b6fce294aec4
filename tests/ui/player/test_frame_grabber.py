"""The second player: the frame asked for, decoded with low-latency decoding (fewer buffers); the
memory its decoder freed given back to the system once it falls idle; the same pictures again on
demand."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from helpers.media import MediaFactory
from helpers.mounts import fill, tiny_disk
from helpers.player import bar_x
from smrtplayer.player import frame_grabber
from smrtplayer.player.frame_grabber import FrameGrabber, FrameRequest


def _anonymous_mib() -> float:
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Anonymous:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no smaps_rollup")


def _grab(  # type: ignore[no-untyped-def]
    qtbot, grabber: FrameGrabber, clip: Path, starts: list[int], folder: Path, width: int = 320
) -> dict[int, QImage]:
    got: dict[int, QImage] = {}
    keys = {7_000_000 + index: start for index, start in enumerate(starts)}

    def on_grabbed(key: int, image: QImage) -> None:
        if key in keys:
            got[keys[key]] = image

    grabber.grabbed.connect(on_grabbed)
    try:
        grabber.request(
            [
                FrameRequest(key, clip, start, folder / f"{start}.jpg", width=width)
                for key, start in keys.items()
            ]
        )
        qtbot.waitUntil(lambda: len(got) == len(starts), timeout=30000)
    finally:
        grabber.grabbed.disconnect(on_grabbed)
    return got


def test_idle_grabber_gives_freed_memory_back_and_grabs_again_on_demand(  # type: ignore[no-untyped-def]
    qtbot, media: MediaFactory, tmp_path: Path
) -> None:
    clip = media.clip(seconds=4, size=(1920, 1080), fps=25, keyframe_every=50, name="grab-1080p.mp4")
    grabber = FrameGrabber.shared()
    releases = grabber.releases

    first = _grab(qtbot, grabber, clip, [1800, 3600], tmp_path / "first")
    qtbot.waitUntil(grabber.is_idle, timeout=5000)
    qtbot.wait(frame_grabber.RELEASE_AFTER_MS // 5)
    assert grabber.releases == releases  # not at once: another grab may follow
    before = _anonymous_mib()
    qtbot.waitUntil(lambda: grabber.releases > releases, timeout=frame_grabber.RELEASE_AFTER_MS * 3)
    # The 1080p frames the grabber's threads decoded were freed when it unloaded the file; now the
    # pages are the system's again.
    assert before - _anonymous_mib() >= 4

    again = _grab(qtbot, grabber, clip, [1800], tmp_path / "again")
    qtbot.waitUntil(lambda: grabber.releases > releases + 1, timeout=frame_grabber.RELEASE_AFTER_MS * 3)
    assert all(not image.isNull() and image.width() == 320 for image in (*first.values(), *again.values()))
    # The same frame, decoded again after the release: the moving bar stands where it stood.
    assert bar_x(again[1800], 160) == bar_x(first[1800], 160)
    assert bar_x(first[3600], 160) > bar_x(first[1800], 160)


def test_the_frame_asked_for_comes_with_low_latency_decoding(
    qtbot, media: MediaFactory, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtMultimedia import QPlaybackOptions

    # H.264 with B-frames (libx264's defaults), pictures taken mid-frame.
    fps, frames, width = 25, 100, 1280
    clip = media.clip(seconds=frames / fps, size=(width, 720), fps=fps, keyframe_every=50, name="bframes.mp4")
    grabber = FrameGrabber.shared()
    starts = [1020, 1860, 2540, 3620]
    got = _grab(qtbot, grabber, clip, starts, tmp_path / "pictures", width=width)
    assert (
        grabber._player.playbackOptions().playbackIntent()
        == QPlaybackOptions.PlaybackIntent.LowLatencyStreaming
    )
    for start in starts:
        index = start * fps // 1000
        bar = (width - 8) * index // (frames - 1) + 3.5  # the middle of the bar in that frame
        assert abs(bar_x(got[start]) - bar) <= 3, (start, bar_x(got[start]), bar)


def test_a_frame_asked_for_while_the_last_one_is_delivered_is_decoded(
    qtbot, media: MediaFactory, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A listener that asks for its next frame from the ``grabbed`` signal (one grab at a time) gets
    it: the grabber must not unload the file under the request just made."""
    clip = media.clip(seconds=4, size=(640, 360), fps=25, keyframe_every=50, name="one-by-one.mp4")
    grabber = FrameGrabber.shared()
    starts = [600, 2200, 3400]
    keys = {8_000_000 + index: start for index, start in enumerate(starts)}
    got: dict[int, QImage] = {}

    def on_grabbed(key: int, image: QImage) -> None:
        if key not in keys:
            return
        got[keys[key]] = image
        following = key + 1
        if following in keys:
            grabber.request([FrameRequest(following, clip, keys[following], tmp_path / f"{following}.jpg")])

    grabber.grabbed.connect(on_grabbed)
    try:
        grabber.request([FrameRequest(8_000_000, clip, starts[0], tmp_path / "first.jpg")])
        qtbot.waitUntil(lambda: len(got) == len(starts), timeout=15000)
    finally:
        grabber.grabbed.disconnect(on_grabbed)
    assert all(not image.isNull() for image in got.values())
    assert bar_x(got[600]) < bar_x(got[2200]) < bar_x(got[3400])


def test_a_picture_the_disk_cut_short_is_not_left_as_the_cached_one(  # type: ignore[no-untyped-def]
    qtbot, media: MediaFactory, tmp_path: Path
) -> None:
    """A full disk: the picture is delivered all the same, and no empty or cut-short file stays in the
    cache (course cards and seek-bar previews would show it, part grey, for good)."""
    clip = media.clip(seconds=2, size=(640, 360), fps=25, name="full-disk.mp4")
    grabber = FrameGrabber.shared()
    with tiny_disk(tmp_path / "disk", size_kb=256) as disk:
        (disk / "pictures").mkdir()
        filler = fill(disk)
        refused = _grab(qtbot, grabber, clip, [1000], disk / "pictures", width=640)
        assert not refused[1000].isNull() and refused[1000].width() == 640
        assert list((disk / "pictures").iterdir()) == []
        filler.unlink()  # space again: the next grab is cached whole
        cached = _grab(qtbot, grabber, clip, [1000], disk / "pictures", width=640)
        picture = disk / "pictures" / "1000.jpg"
        assert picture.read_bytes().endswith(b"\xff\xd9")
        assert QImage(str(picture)).size() == cached[1000].size()
