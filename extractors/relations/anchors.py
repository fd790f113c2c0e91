"""ANCHORS: the enterprises a chain is built around (依托A、B等龙头企业…)."""
from __future__ import annotations

import re

from extractors.facts import Ref
from extractors.relations.doc import (
    BAD_CHAIN,
    ENT_HEAD,
    LEAD_CLAUSE,
    LEX,
    DocIndex,
    alt,
    chains_of_heading,
    ensure,
    relate,
)

_ANCHOR = re.compile(f"(?:{alt(LEX['anchor_cues'])})(?P<list>[^,，。;；:：]{{2,80}}?)"
                     f"(?:{LEX['anchor_ends']}|等?(?=(?:{alt(LEX['anchor_verbs'])})))")
_NOT_FIRM = re.compile(f"^..化$|^(?:促进|提高|推动|引导|利用|加强)|(?:{alt(LEX['not_firm_ends'])})$")  # 品牌化, 促进…
_ANCHOR_ROLE = re.compile(r"企业|公司|集团|龙头|为代表")  # the list is said to be of enterprises
_GROW = re.compile(r"做大做强|发展|打造")
_FIRM_LEAD = re.compile(r"^(?:龙头企业|骨干企业|企业)")
_LISTED_AFTER = re.compile(r"\s*[、及和与等]")  # 发展甲、乙等丙: 甲 and 乙 are items of a list, not the chain grown
_LISTED_BEFORE = re.compile(r"[、及和与]\s*$")
_TRADE = tuple(LEX["trade_words"])
_HEADING = re.compile(r"\s*(?:——|\d{1,2}\s*[.、．])?\s*([^,，;；:：。、]{2,20})。\s*$")


def anchor_enterprises(ctx, d: DocIndex, sent, found, done, known) -> None:
    for m in _ANCHOR.finditer(sent.text):
        if "等" in m.group("list"):  # 甲、乙等院所为依托, read past its 等: no list of firms
            continue
        items = [clean for it in m.group("list").split("、") if (clean := it.strip()) and 2 <= len(clean) <= 14]
        if not items or any(BAD_CHAIN.search(i) and "(" not in i and "（" not in i or _NOT_FIRM.search(i) for i in items):
            continue
        tail = m.group(0)[m.start("list") - m.start() + len(m.group("list")):]
        if not _ANCHOR_ROLE.search(tail) and not all(_known_enterprise(d, i) for i in items):  # 以甲、乙为重点
            continue
        lead = LEAD_CLAUSE.match(sent.text)
        lead_chains = chains_of_heading(lead.group(1)) if lead and lead.end() <= m.start() + 1 else []
        if lead_chains:  # 甲产业，依托A、B等企业…: the sentence names its own chain first
            tails = lead_chains
        else:
            inline = d.inline_chains(sent.start) or _heading_chain(d, sent)
            chains = inline or d.section_chains(sent.section_id, skip_box=True)[0]
            after = sent.text[m.end():]
            own = [] if inline else [e.name for e in found if e.label == "IndustryChain" and _GROW.search(after)
                                     and e.mention.start - sent.start >= m.end() and not _listed(d.text, e.mention)]
            tails = list(dict.fromkeys(chains + own[:1]))
        mention = ctx.mention(sent, m.start(), m.end(), "relations.anchors")
        for it in items:
            it = _FIRM_LEAD.sub("", it)
            for c in tails:
                ensure(ctx, "Enterprise", it, mention, known)
                relate(ctx, "ANCHORS", Ref("Enterprise", it), Ref("IndustryChain", c), mention, done)



def _known_enterprise(d: DocIndex, name: str) -> bool:
    """A name read as an enterprise before relations, one with an enterprise suffix (甲乙公司), or a known one with
    a trade word after it (甲乙 known: 甲乙新材料)."""
    return name in d.enterprises or bool(ENT_HEAD.match(name)) \
        or any(name.endswith(t) and name[:-len(t)] in d.enterprises for t in _TRADE)



def _heading_chain(d: DocIndex, sent) -> list[str]:
    """The known chain an inline heading opening the sentence's line names in full (——甲及乙件。依托…)."""
    m = _HEADING.match(d.text, d.line_start(sent.start), sent.start)
    return [m.group(1)] if m and m.group(1) in d.chain_set else []


def _listed(text: str, mention) -> bool:
    """The chain is an item of a list (甲、乙等丙)."""
    return bool(_LISTED_AFTER.match(text, mention.end) or _LISTED_BEFORE.search(text, 0, mention.start))
