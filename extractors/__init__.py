"""Rule and dictionary extractors: from a ParsedDocument to Facts (entities, targets, relations)."""
