// 问题: 某条产业链（含其子产业链）有哪些项目？
// Question: Which projects serve an industry chain, including the projects of its sub-chains (PART_OF*)?
// Parameters: $chain — the chain's name or alias, e.g. 新材料
// Example (corpus graph, $chain = '服务业'; 208 rows, first 4):
//   chain  | servedChain | project                | sentence
//   -------+-------------+------------------------+----------------------------------------------------------------------------
//   服务业 | 信息服务    | 5G网络                 | 重点建设二里头5G+智慧博物馆、博物馆5G+智慧旅游、智慧交通城乡一体化、元一科…
//   服务业 | 信息服务    | 二里头5G+智慧博物馆    | 重点建设二里头5G+智慧博物馆、博物馆5G+智慧旅游、智慧交通城乡一体化、元一科…
//   服务业 | 信息服务    | 元一科技互联网数据中心 | 重点建设二里头5G+智慧博物馆、博物馆5G+智慧旅游、智慧交通城乡一体化、元一科…
//   服务业 | 信息服务    | 博物馆5G+智慧旅游      | 重点建设二里头5G+智慧博物馆、博物馆5G+智慧旅游、智慧交通城乡一体化、元一科…
MATCH (c:IndustryChain)
WHERE c.name = $chain OR $chain IN coalesce(c.aliases, [])
MATCH (sub:IndustryChain)-[:PART_OF*0..]->(c)
MATCH (p:Project)-[s:SERVES]->(sub)
RETURN c.name AS chain, sub.name AS servedChain, p.name AS project, s.sentence AS sentence
ORDER BY servedChain, project
