"""Playback: the one QMediaPlayer, its controller, the A-B loop, autoplay, subtitles and frame capture."""
