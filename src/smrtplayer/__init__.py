"""smrtplayer: an offline study player for manual-therapy video courses."""

__version__ = "0.1.0"
APP_NAME = "smrtplayer"
#: the desktop entry, AppStream and macOS bundle id; Wayland matches the window to its .desktop file by it
APP_ID = "org.smrtplayer.smrtplayer"
