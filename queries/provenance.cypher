// 问题: 某个事实出自哪句话？（实体的每次提及、以它为端点的每条关系）
// Question: Which sentences stand behind a fact: every mention of an entity and every relationship it takes part in?
// Parameters: $name — an entity's name or alias, or a target's indicator
// Example (corpus graph, $name = '国际人文交往中心'; 14 rows, first 4):
//   label   | fact                                                                  | document                                                                          | section | page | sentence
//   --------+-----------------------------------------------------------------------+-----------------------------------------------------------------------------------+---------+------+-------------------------------------------------------------------------------
//   Project | MENTIONS                                                              | 深入学习深入学习贯彻市委十一届十三次全会精神贯彻市委十一届十三次全会精神到202…    | ■       | 2    | 到2025年,都市圈一体化发展空间格局、支撑体系和政策保障基本确立, 初步建成黄…
//   Project | MENTIONS                                                              | 省委省政府召开加快洛阳副中心城市建设工作推进会抓住机遇融入重大国家战略实现新突破… |         | 1    | 准确把握发展方位,认清存在的短板和不足,在新的起点上进一步发挥优势,以全方位开放…
//   Project | SUPPORTS -> 打造引领全省发展的“双引擎”                                | 省委省政府召开加快洛阳副中心城市建设工作推进会抓住机遇融入重大国家战略实现新突破… |         | 1    | 准确把握发展方位,认清存在的短板和不足,在新的起点上进一步发挥优势,以全方位开放…
//   Project | SUPPORTS -> 形成辐射豫西北、联动晋东南、支撑中原城市群高质量发展新的… | 省委省政府召开加快洛阳副中心城市建设工作推进会抓住机遇融入重大国家战略实现新突破… |         | 1    | 准确把握发展方位,认清存在的短板和不足,在新的起点上进一步发挥优势,以全方位开放…
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
