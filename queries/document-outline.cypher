// 问题: 某份文件的目录结构（篇、章、节、专栏）
// Question: The outline of a document (parts, chapters, sections, boxes)
// Parameters: $document — docId, file name, source path or title
// Example: plankg query document-outline --param document=某规划.txt
MATCH (d:Document)
WHERE d.docId = $document OR d.source = $document OR d.sourcePath = $document OR d.title = $document
MATCH (d)-[:HAS_SECTION*]->(s:Section)
WHERE s.level > 0
RETURN d.title AS document, s.order AS order, s.level AS level, s.number AS number, s.title AS title
ORDER BY order
