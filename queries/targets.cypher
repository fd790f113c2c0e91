// 问题: 某份文件或某地的规划目标：指标、目标值、基数与年均增长（可按年份、指标筛选）
// Question: The targets of a document or a place, by year and indicator, with baseline and growth
// Parameters: $document — docId, file name or part of the title (optional); $place — a place named in the title or issuer (optional); $year — target year (optional); $indicator — part of the indicator name (optional)
// Example (corpus graph, $document = '002_6a0b3333f6247809.txt', $year = 2025; 302 rows, first 4):
//   document                                                           | indicator           | value | valueText | unit | year | baseline | baselineYear | growth | comparator | attribute
//   -------------------------------------------------------------------+---------------------+-------+-----------+------+------+----------+--------------+--------+------------+----------
//   洛阳市偃师区国民经济和社会发展第十四个五年规划和2035年远景目标纲要 | /年铝渣             | 2     |           | 万吨 | 2025 |          |              |        |            |
//   洛阳市偃师区国民经济和社会发展第十四个五年规划和2035年远景目标纲要 | 98%行政村年集体收入 | 10    |           | 万元 | 2025 |          |              |        | 以上       |
//   洛阳市偃师区国民经济和社会发展第十四个五年规划和2035年远景目标纲要 | AAA 以上景区5G覆盖  |       | 全覆盖    |      | 2025 |          |              |        |            |
//   洛阳市偃师区国民经济和社会发展第十四个五年规划和2035年远景目标纲要 | 一个产值            | 25    |           | 亿元 | 2025 |          |              |        | 超过       |
MATCH (t:Target)-[:MEASURES]->(i:Indicator)
MATCH (d:Document {docId: t.docId})
WHERE ($document IS NULL OR d.docId = $document OR d.source = $document OR d.title CONTAINS $document)
  AND ($place IS NULL OR d.title CONTAINS $place OR d.issuer CONTAINS $place)
  AND ($year IS NULL OR t.year = $year)
  AND ($indicator IS NULL OR i.name CONTAINS $indicator)
RETURN d.title AS document, i.name AS indicator, t.value AS value, t.valueText AS valueText, t.unit AS unit,
       t.year AS year, t.baseline AS baseline, t.baselineYear AS baselineYear, t.growth AS growth,
       t.comparator AS comparator, t.attribute AS attribute
ORDER BY document, year, indicator
