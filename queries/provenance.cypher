// 问题: 某个事实出自哪句话？（实体的每次提及、以它为端点的每条关系）
// Question: Which sentences stand behind a fact: every mention of an entity and every relationship it takes part in?
// Parameters: $name — an entity's name or alias, or a target's indicator
// Example: plankg query provenance --param name=某产业园
MATCH (s:Section)-[m:MENTIONS]->(n)
WHERE n.name = $name OR $name IN coalesce(n.aliases, []) OR n.indicator = $name
MATCH (d:Document {docId: s.docId})
RETURN labels(n)[0] AS label, 'MENTIONS' AS fact, d.title AS document, s.number AS section, m.page AS page,
       m.sentence AS sentence
UNION ALL
MATCH (n)-[r]-(other)
WHERE (n.name = $name OR $name IN coalesce(n.aliases, []) OR n.indicator = $name)
  AND NOT type(r) IN ['MENTIONS', 'HAS_SECTION']
OPTIONAL MATCH (s:Section {sectionId: r.sectionId})
OPTIONAL MATCH (d:Document {docId: s.docId})
RETURN labels(n)[0] AS label,
       CASE WHEN startNode(r) = n THEN type(r) + ' -> ' ELSE type(r) + ' <- ' END + coalesce(other.name, other.indicator) AS fact,
       d.title AS document, s.number AS section, r.page AS page, r.sentence AS sentence
