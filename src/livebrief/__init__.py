"""livebrief: turn a stream of news into a sourced live briefing.

The public surface is small: records from :mod:`livebrief.model`, the exception tree
from :mod:`livebrief.errors`, settings from :mod:`livebrief.settings`, and the stage
functions re-exported here.
"""

from livebrief.errors import LivebriefError
from livebrief.model import Article, Failure, RawDocument

__version__ = "0.1.0"

__all__ = ["Article", "Failure", "LivebriefError", "RawDocument", "__version__"]
