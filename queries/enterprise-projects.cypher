// 问题: 各企业承担哪些项目？项目和企业位于哪些园区？
// Question: Which projects does each enterprise undertake, and in which parks are they?
// Parameters: $enterprise — an enterprise name or alias (optional: all enterprises)
// Example (corpus graph, $enterprise = '一拖集团'; 6 rows, first 4):
//   enterprise | project                                               | parks
//   -----------+-------------------------------------------------------+-----------------------
//   一拖集团   | 一拖集团“拖拉机动力系统国家重点实验室                 | []
//   一拖集团   | 一拖集团中白工业园东欧研发中心                        | ["一拖集团中白工业园"]
//   一拖集团   | 一拖集团电控柴油机智能控制器与EGR系统研发及产业化项目 | []
//   一拖集团   | 中型非道路柴油机平台开发                              | []
MATCH (e:Enterprise)
WHERE $enterprise IS NULL OR e.name = $enterprise OR $enterprise IN coalesce(e.aliases, [])
OPTIONAL MATCH (e)-[:UNDERTAKES]->(p:Project)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(projectPark:Park)
OPTIONAL MATCH (e)-[:LOCATED_IN]->(enterprisePark:Park)
WITH e, p, collect(DISTINCT projectPark.name) + collect(DISTINCT enterprisePark.name) AS parks
WHERE p IS NOT NULL OR size(parks) > 0
RETURN e.name AS enterprise, p.name AS project, parks
ORDER BY enterprise, project
