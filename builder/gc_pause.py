"""Building thousands of small models at once, with the cyclic garbage collector paused.

Loading the records and the data files and normalising them create tens of thousands of
pydantic models that all stay alive until the step ends. Each generation-0 collection on
the way walks the young objects, and every tenth or hundredth the older ones too, to find no
garbage at all: at 1,000 reports that was a third to a half of the CPU time of normalising
and of loading `data/`. The models hold no reference cycles, so reference counting frees
what is dropped meanwhile, and the collector runs again as soon as the step ends.

What a step made then stays alive for the rest of the build, and each full collection after
it walked it all again: at 5,000 reports the collector took 5 of a rebuild's 10 seconds of
CPU, one collection up to 1.3 s. A one-off build therefore freezes what is alive when a step
ends (`gc.freeze`): the collector no longer walks it, and reference counting still frees it.
Cyclic garbage alive at that moment is then never collected, which a process that ends after
one build can afford; a serving process (`builder.warm`), which rebuilds for hours, cannot,
and leaves its objects to the collector.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from builder.warm import serving


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside the block; as before after it (nested blocks too), with
    what is alive frozen in a one-off build."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not serving():
                gc.freeze()
            gc.enable()
