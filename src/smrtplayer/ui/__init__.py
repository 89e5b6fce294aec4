"""Widgets.

They read state from the AppContext and call its services; no SQL here, and the media player is
reached only through the PlaybackController.
"""
