// 问题: 某条产业链（含其子产业链）有哪些项目？
// Question: Which projects serve an industry chain, including the projects of its sub-chains (PART_OF*)?
// Parameters: $chain — the chain's name or alias, e.g. 新材料
// Example: plankg query projects-by-chain --param chain=新材料
MATCH (c:IndustryChain)
WHERE c.name = $chain OR $chain IN coalesce(c.aliases, [])
MATCH (sub:IndustryChain)-[:PART_OF*0..]->(c)
MATCH (p:Project)-[s:SERVES]->(sub)
RETURN c.name AS chain, sub.name AS servedChain, p.name AS project, s.sentence AS sentence
ORDER BY servedChain, project
