"""smrtplayer: an offline study player for manual-therapy video courses."""

__version__ = "0.1.0"
APP_NAME = "smrtplayer"
