"""The video surface, the transport bar and the seek bar."""
