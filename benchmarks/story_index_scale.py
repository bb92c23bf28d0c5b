"""Cost of adding events to the story index as it grows: 1, 1,000 and 100,000 events.

Synthetic events (seeded): 2,000 underlying stories spread over 200 days, each event a
few sentences drawn from its story's vocabulary plus noise words, a place near the
story's place and a date near its date. Prints, per size, the total time, the cost per
event over the last 1,000 events added, and the number of stories — the per-event cost
should stay flat as the index grows, because blocking bounds the candidates.

    .venv/bin/python benchmarks/story_index_scale.py [--sizes 1,1000,100000]
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from datetime import date, timedelta

from livebrief.stories import StoryIndex, StoryItem

TYPES = ["ASSAULT", "CONSULT", "AID", "PROTEST", "SANCTION", "ACCUSE", "COERCE", "AGREE"]


def synthetic_events(n: int, *, seed: int = 11, stories: int = 2000):
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(20000)]
    actors = [f"Actor {i}" for i in range(3000)]
    specs = []
    for s in range(stories):
        specs.append({
            "vocab": rng.sample(words, 40),
            "type": rng.choice(TYPES),
            "lat": rng.uniform(-60, 70), "lon": rng.uniform(-180, 180),
            "day": date(2023, 1, 1) + timedelta(days=int(s * 200 / stories) + rng.randint(0, 3)),
            "actors": rng.sample(actors, 3),
        })
    for i in range(n):
        spec = specs[int(i * stories / max(n, 1)) if n >= stories else rng.randrange(stories)]
        text = " ".join(rng.choice(spec["vocab"]) if rng.random() < 0.7 else rng.choice(words) for _ in range(40))
        yield StoryItem(
            key=f"e{i}", article_id=f"a{i}", original_id=f"a{i}", text=text, outlet=f"outlet{i % 50}",
            type=spec["type"], date=(spec["day"] + timedelta(days=rng.randint(0, 1))).isoformat(),
            place=None, lat=spec["lat"] + rng.uniform(-0.2, 0.2), lon=spec["lon"] + rng.uniform(-0.2, 0.2),
            actors=tuple(rng.sample(spec["actors"], 2)),
        )


def run(size: int) -> None:
    items = list(synthetic_events(size))  # generated up front: only index.add is timed
    index = StoryIndex()
    tracemalloc.start()
    started = time.perf_counter()
    window_start, window_count = started, 0
    last_rate = 0.0
    for i, item in enumerate(items, start=1):
        index.add(item)
        window_count += 1
        if window_count == 1000 or i == size:
            now = time.perf_counter()
            last_rate = (now - window_start) / window_count * 1e6
            window_start, window_count = now, 0
    total = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"{size:>8} events  {total:8.2f} s total  {total / size * 1e6:8.0f} µs/event overall  "
          f"{last_rate:8.0f} µs/event (last 1,000)  {len(index):>6} stories  peak {peak:7.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,1000,100000")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        run(size)


if __name__ == "__main__":
    main()
