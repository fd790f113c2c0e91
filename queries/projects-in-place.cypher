// 问题: 某园区或某地（含其下辖地区、园区）有哪些项目？
// Question: Which projects are located in a park or place, including the places and parks within it (PART_OF*)?
// Parameters: $place — a park's or place's name or alias
// Example (corpus graph, $place = '洛阳'; 99 rows, first 4):
//   location | within | project                          | sentence
//   ---------+--------+----------------------------------+----------------------------------------------------------------------------------
//   洛阳     | 七二五 | 七二五所牡丹广场地块开发项目     | 喜来登五星级酒店项目、铜锣湾广场项目、升龙城商务中心项目、洛阳大观国际城市综合体…
//   洛阳     | 偃师   | 偃师区城北水系连通               | 实施小浪底南岸灌区引水调蓄、偃师区城北水系连通、伊洛河综合治理(三期)、中州渠综…
//   洛阳     | 偃师   | 偃师区智慧交通城乡一体化建设项目 | 建设偃师区智慧交通城乡一体化建设项目,利用5G 网络打造全新的“智慧公交云平台”…
//   洛阳     | 偃师   | 偃师区求实学校二期               | 实施偃师高中特色教育中心、偃师区求实学校二期、首阳片区津阳路小学、首阳片区蔡侯路…
MATCH (loc)
WHERE (loc:Park OR loc:Place) AND (loc.name = $place OR $place IN coalesce(loc.aliases, []))
MATCH (within)-[:PART_OF*0..]->(loc)
MATCH (p:Project)-[r:LOCATED_IN]->(within)
RETURN loc.name AS location, within.name AS within, p.name AS project, r.sentence AS sentence
ORDER BY within, project
