// 问题: 同一指标在不同规划（十三五 → 十四五）中的基数与目标
// Question: One indicator across plans (十三五 → 十四五): baselines and targets by plan period and year
// Parameters: $indicator — the indicator's name, alias or part of it, e.g. 地区生产总值
// Example (corpus graph, $indicator = '地区生产总值'; 22 rows, first 4):
//   indicator                       | period | document                                     | baselineYear | baseline | year | value | valueText | unit | growth
//   --------------------------------+--------+----------------------------------------------+--------------+----------+------+-------+-----------+------+-------
//   地区生产总值                    | 十三五 | 涧西区国民经济和社会发展第十三个五年规划纲要 | 2015         | 90       | 2020 | 142   |           | 亿元 | 9.5
//   全社会R&D经费占地区生产总值比重 | 十三五 | 涧西区国民经济和社会发展第十三个五年规划纲要 | 2015         | 2.2      | 2020 | 3     |           | %    |
//   地区生产总值占全市 GDP 比重     | 十三五 | 涧西区国民经济和社会发展第十三个五年规划纲要 |              |          | 2020 | 12    |           | %    |
//   地区生产总值年均增长            | 十三五 | 涧西区国民经济和社会发展第十三个五年规划纲要 |              |          | 2020 | 9.5   |           | %    | 9.5
MATCH (t:Target)-[:MEASURES]->(i:Indicator)
WHERE i.name = $indicator OR $indicator IN coalesce(i.aliases, []) OR i.name CONTAINS $indicator
MATCH (d:Document {docId: t.docId})
RETURN i.name AS indicator, d.period AS period, d.title AS document, t.baselineYear AS baselineYear,
       t.baseline AS baseline, t.year AS year, t.value AS value, t.valueText AS valueText, t.unit AS unit,
       t.growth AS growth
ORDER BY year, period, document
