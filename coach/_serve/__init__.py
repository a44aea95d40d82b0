"""The coach as an HTTP service (``coach serve``): a JSON API over ``AsyncCoach`` and a page for agents.

Importing this package loads no web framework: ``options`` stays cheap for the CLI, and ``app`` and
``server`` import FastAPI and uvicorn (the ``serve`` extra) only when a service is built or run.
"""

from .limits import Limits

__all__ = ["Limits"]
