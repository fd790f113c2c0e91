// 问题: 各企业承担哪些项目？项目和企业位于哪些园区？
// Question: Which projects does each enterprise undertake, and in which parks are they?
// Parameters: $enterprise — an enterprise name or alias (optional: all enterprises)
// Example: plankg query enterprise-projects --param enterprise=某集团
MATCH (e:Enterprise)
WHERE $enterprise IS NULL OR e.name = $enterprise OR $enterprise IN coalesce(e.aliases, [])
OPTIONAL MATCH (e)-[:UNDERTAKES]->(p:Project)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(projectPark:Park)
OPTIONAL MATCH (e)-[:LOCATED_IN]->(enterprisePark:Park)
WITH e, p, collect(DISTINCT projectPark.name) + collect(DISTINCT enterprisePark.name) AS parks
WHERE p IS NOT NULL OR size(parks) > 0
RETURN e.name AS enterprise, p.name AS project, parks
ORDER BY enterprise, project
