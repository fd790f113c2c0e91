// 问题: 同一指标在不同规划（十三五 → 十四五）中的基数与目标
// Question: One indicator across plans (十三五 → 十四五): baselines and targets by plan period and year
// Parameters: $indicator — the indicator's name, alias or part of it, e.g. 地区生产总值
// Example: plankg query indicator-across-plans --param indicator=地区生产总值
MATCH (t:Target)-[:MEASURES]->(i:Indicator)
WHERE i.name = $indicator OR $indicator IN coalesce(i.aliases, []) OR i.name CONTAINS $indicator
MATCH (d:Document {docId: t.docId})
RETURN i.name AS indicator, d.period AS period, d.title AS document, t.baselineYear AS baselineYear,
       t.baseline AS baseline, t.year AS year, t.value AS value, t.valueText AS valueText, t.unit AS unit,
       t.growth AS growth
ORDER BY year, period, document
