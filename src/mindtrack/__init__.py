"""MindTrack: mood tracking with private, offline AI analysis and crisis support."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mindtrack")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"
