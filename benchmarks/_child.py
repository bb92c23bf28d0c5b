"""Run a measurement in a fresh child process, so its peak memory is its own."""

from __future__ import annotations

import multiprocessing as mp


def in_child(target, *args):
    """``target(*args, queue)`` in a spawned process; returns what it put on the queue."""
    context = mp.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result
