"""What every extractor shares for one document: the parse, the tokens (segmented once) and the facts so far."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from extractors.facts import Entity, Facts, Mention, Ref, Relation, Target
from pipeline.model import ParsedDocument, Sentence


@dataclass
class Context:
    parsed: ParsedDocument
    tokens: list[list[str]]  # jieba tokens of each sentence, parallel to parsed.sentences
    facts: Facts = field(init=False)
    cache: dict = field(init=False, default_factory=dict, repr=False)  # extractors' per-document memos, by key
    # entities_in's index: entities by the start of their sentence, and how many of facts.entities it holds
    _by_sentence: dict[int, list[Entity]] = field(init=False, default_factory=dict, repr=False)
    _indexed: int = field(init=False, default=0, repr=False)
    _starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        doc = self.parsed.document
        self.facts = Facts(doc.doc_id, doc.source)
        self._starts = [s.start for s in self.parsed.sentences]

    def mention(self, sent: Sentence, start: int, end: int, rule: str) -> Mention:
        """A Mention for the span [start, end) of `sent` (offsets relative to the sentence)."""
        return Mention(sent.doc_id, sent.section_id, sent.text, sent.start + start, sent.start + end, sent.page, rule)

    def add_entity(self, label: str, name: str, mention: Mention) -> Ref:
        self.facts.entities.append(Entity(label, name, mention))
        return Ref(label, name)

    def add_target(self, target: Target) -> Ref:
        self.facts.targets.append(target)
        return target.ref

    def add_relation(self, type_: str, head: Ref, tail: Ref, mention: Mention) -> None:
        self.facts.relations.append(Relation(type_, head, tail, mention))

    def entities_in(self, sent: Sentence, label: str | None = None) -> list[Entity]:
        """Entities found so far whose mention starts in `sent`, in text order (longer first at one start)."""
        entities, index = self.facts.entities, self._by_sentence
        if self._indexed > len(entities):  # the list was replaced: index again
            index.clear()
            self._indexed = 0
        for e in entities[self._indexed:]:
            i = bisect_right(self._starts, e.mention.start) - 1
            if i >= 0:
                index.setdefault(self._starts[i], []).append(e)
        self._indexed = len(entities)
        found = [e for e in index.get(sent.start, ()) if e.mention.start < sent.end and (label is None or e.label == label)]
        return sorted(found, key=lambda e: (e.mention.start, -e.mention.end))
