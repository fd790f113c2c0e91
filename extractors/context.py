"""What every extractor shares for one document: the parse, the tokens (segmented once) and the facts so far."""
from __future__ import annotations

from dataclasses import dataclass, field

from extractors.facts import Entity, Facts, Mention, Ref, Relation, Target
from pipeline.model import ParsedDocument, Sentence


@dataclass
class Context:
    parsed: ParsedDocument
    tokens: list[list[str]]  # jieba tokens of each sentence, parallel to parsed.sentences
    facts: Facts = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.facts is None:
            doc = self.parsed.document
            self.facts = Facts(doc.doc_id, doc.source)

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
        """Entities found so far whose mention lies in `sent` (by offsets), in text order."""
        idx = self.__dict__.get("_by_start")
        if idx is None or self.__dict__.get("_n") != len(self.facts.entities):
            idx = {}
            for e in self.facts.entities:
                idx.setdefault((e.mention.doc_id, e.mention.start // 4096), []).append(e)
            self.__dict__["_by_start"], self.__dict__["_n"] = idx, len(self.facts.entities)
        out = []
        for bucket in range(sent.start // 4096, sent.end // 4096 + 1):
            for e in idx.get((sent.doc_id, bucket), ()):
                if sent.start <= e.mention.start < sent.end and (label is None or e.label == label):
                    out.append(e)
        return sorted(out, key=lambda e: (e.mention.start, -e.mention.end))
