// 问题: 某份文件或某地的规划目标：指标、目标值、基数与年均增长（可按年份、指标筛选）
// Question: The targets of a document or a place, by year and indicator, with baseline and growth
// Parameters: $document — docId, file name or part of the title (optional); $place — a place named in the title or issuer (optional); $year — target year (optional); $indicator — part of the indicator name (optional)
// Example: plankg query targets --param document=某规划.txt --param year=2025
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
