// 问题: 各单位牵头、负责或配合哪些工作？
// Question: What does each government unit lead, answer for or cooperate on?
// Parameters: $unit — a unit name or alias, e.g. 市发改委 (optional: all units)
// Example (corpus graph, $unit = '省教育厅'; 126 rows, first 4):
//   unit     | role  | kind    | item                        | sentence
//   ---------+-------+---------+-----------------------------+-----------------------------------------------------------------
//   省教育厅 | LEADS | Project | “互联网+”大学生创新创业大赛 | (省教育厅、省科技厅、省工业和信息化厅、省人力资源社会保障厅负责)
//   省教育厅 | LEADS | Project | 一流专业                    | (省教育厅、省委组织部、省人力资源社会保障厅负责)
//   省教育厅 | LEADS | Project | 一流课程                    | (省教育厅、省委组织部、省人力资源社会保障厅负责)
//   省教育厅 | LEADS | Target  | 一般公共预算教育支出        | (省教育厅、省财政厅、省发展改革委负责)
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(x)
WHERE $unit IS NULL OR u.name = $unit OR $unit IN coalesce(u.aliases, [])
RETURN u.name AS unit, type(r) AS role, labels(x)[0] AS kind, coalesce(x.name, x.indicator) AS item,
       r.sentence AS sentence
ORDER BY unit, role, item
