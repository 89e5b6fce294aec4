"""Widgets. They read state from the AppContext and call its services; no SQL, no QMediaPlayer."""
