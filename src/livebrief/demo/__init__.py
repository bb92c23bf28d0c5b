"""The bundled demo: a corpus of imaginary outlets served from a local HTTP server."""

from livebrief.demo.server import CORPUS_DIR, FEED_NAMES, CorpusServer, feed_paths

__all__ = ["CORPUS_DIR", "FEED_NAMES", "CorpusServer", "feed_paths"]
