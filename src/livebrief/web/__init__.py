"""The web app: server-rendered pages with ``.json`` twins, a map and a timeline, live updates.

``create_app(settings, watcher=...)`` builds the FastAPI app; :class:`Watcher` polls feeds
and runs the pipeline; ``livebrief serve`` and ``livebrief watch`` run them.
"""

from livebrief.web.app import create_app
from livebrief.web.watch import RunReport, Watcher, run_pipeline

__all__ = ["RunReport", "Watcher", "create_app", "run_pipeline"]
