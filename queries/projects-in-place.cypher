// 问题: 某园区或某地（含其下辖地区、园区）有哪些项目？
// Question: Which projects are located in a park or place, including the places and parks within it (PART_OF*)?
// Parameters: $place — a park's or place's name or alias
// Example: plankg query projects-in-place --param place=某市
MATCH (loc)
WHERE (loc:Park OR loc:Place) AND (loc.name = $place OR $place IN coalesce(loc.aliases, []))
MATCH (within)-[:PART_OF*0..]->(loc)
MATCH (p:Project)-[r:LOCATED_IN]->(within)
RETURN loc.name AS location, within.name AS within, p.name AS project, r.sentence AS sentence
ORDER BY within, project
