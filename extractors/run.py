"""Run every extractor over one parsed document, in dependency order, sharing one Context."""
from __future__ import annotations

import gc

from extractors import entities, goals, projects, relations, supports, targets, tasks
from extractors.context import Context
from extractors.facts import Facts
from extractors.segment import segment
from pipeline.model import ParsedDocument

# Order matters: later extractors read the entities the earlier ones found.
EXTRACTORS = (entities, projects, goals, targets, tasks, relations, supports)


def extract(parsed: ParsedDocument) -> Facts:
    # The extractors allocate many small objects and free none of them until the end: the cyclic garbage
    # collector would only rescan them (measured: about a tenth of the extraction time).
    enabled = gc.isenabled()
    gc.disable()
    try:
        ctx = Context(parsed, segment([s.text for s in parsed.sentences]))
        for module in EXTRACTORS:
            module.extract(ctx)
        return ctx.facts
    finally:
        if enabled:
            gc.enable()
