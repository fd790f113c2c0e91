"""Targets read from indicator tables (pipeline.model.Table, kind "indicator")."""
from __future__ import annotations


def extract(ctx, base_year) -> list[tuple[int, int]]:
    """Add the targets of every indicator table; return the tables' text spans (sentences there are skipped)."""
    return []
