"""The facts the extractors produce, each carrying its provenance from birth.

These are what `graph/` resolves and writes, and what `--facts` JSONL exports
(format of shared/gold/README.md: snake_case target fields).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mention:
    """Where a fact was read: document, section, sentence, character offsets in Document.text, rule id."""

    doc_id: str
    section_id: str
    sentence: str
    start: int
    end: int
    page: int = 1
    rule: str = ""


@dataclass(frozen=True)
class Entity:
    label: str  # an entity label of ONTOLOGY.md: Project, Enterprise, Park, Place, IndustryChain, Unit, Goal
    name: str
    mention: Mention


@dataclass(frozen=True)
class Target:
    """A quantitative target. Its key is (doc_id, indicator, year)."""

    indicator: str
    mention: Mention
    value: float | None = None
    value_text: str | None = None
    unit: str | None = None
    year: int | None = None
    baseline: float | None = None
    baseline_year: int | None = None
    growth: float | None = None
    comparator: str | None = None
    attribute: str | None = None  # 预期性 / 约束性 / 引导性
    cumulative: bool = False

    @property
    def ref(self) -> Ref:
        return Ref("Target", self.indicator, self.year)


@dataclass(frozen=True)
class Ref:
    """One end of a relation: an entity (label, name) or a target (\"Target\", indicator, year)."""

    label: str
    name: str
    year: int | None = None


@dataclass(frozen=True)
class Relation:
    type: str  # a relationship type of ONTOLOGY.md (SERVES, UNDERTAKES, …)
    head: Ref
    tail: Ref
    mention: Mention


@dataclass
class Facts:
    """Everything extracted from one document."""

    doc_id: str
    source: str
    entities: list[Entity] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
