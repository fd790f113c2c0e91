// 问题: 各单位牵头、负责或配合哪些工作？
// Question: What does each government unit lead, answer for or cooperate on?
// Parameters: $unit — a unit name or alias, e.g. 市发改委 (optional: all units)
// Example: plankg query unit-duties --param unit=省教育厅
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(x)
WHERE $unit IS NULL OR u.name = $unit OR $unit IN coalesce(u.aliases, [])
RETURN u.name AS unit, type(r) AS role, labels(x)[0] AS kind, coalesce(x.name, x.indicator) AS item,
       r.sentence AS sentence
ORDER BY unit, role, item
