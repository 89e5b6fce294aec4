"""Playback.

``engine`` holds the process's one QMediaPlayer (and ``frame_grabber`` the one second player, for
thumbnails); ``controller`` opens lessons and drives the engine for the widgets, with its parts:
``resume`` (resume points, played spans, remembered choices), ``loop_driver`` and ``abloop`` (the A-B
loop), ``subtitle_tracks`` and ``subtitles``, ``sound`` (volume and speed), ``shown_frame``,
``media_source`` (local files only, and what to say when one will not play), ``navigation``
(positions, "Continue") and ``autoplay``; ``capture`` saves the frame on screen.
"""
