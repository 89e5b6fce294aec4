from pathlib import Path

import av

from helpers.media import MediaFactory


def test_media_factory_writes_playable_clips(media: MediaFactory) -> None:
    for suffix in (".mp4", ".mkv", ".webm", ".mov", ".vob"):
        path = media.clip(seconds=1.0, suffix=suffix, audio=suffix != ".vob")
        with av.open(str(path)) as container:
            frames = sum(1 for _ in container.decode(video=0))
        assert frames >= 20, (suffix, frames)
        assert Path(path).stat().st_size > 0
