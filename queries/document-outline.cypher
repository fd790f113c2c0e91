// 问题: 某份文件的目录结构（篇、章、节、专栏）
// Question: The outline of a document (parts, chapters, sections, boxes)
// Parameters: $document — docId, file name, source path or title
// Example (corpus graph, $document = '002_6a0b3333f6247809.txt'; 271 rows, first 4):
//   document                                                           | order | level | number | title
//   -------------------------------------------------------------------+-------+-------+--------+---------------------------------------
//   洛阳市偃师区国民经济和社会发展第十四个五年规划和2035年远景目标纲要 | 1     | 1     | 第一章 | 开启全面建设社会主义现代化强区新征程
//   洛阳市偃师区国民经济和社会发展第十四个五年规划和2035年远景目标纲要 | 2     | 2     | 第一节 | “十三五”全面建成小康社会取得决定性胜利
//   洛阳市偃师区国民经济和社会发展第十四个五年规划和2035年远景目标纲要 | 3     | 3     | 一、   | 综合实力大幅提升
//   洛阳市偃师区国民经济和社会发展第十四个五年规划和2035年远景目标纲要 | 4     | 3     | 二、   | 产业结构明显优化
MATCH (d:Document)
WHERE d.docId = $document OR d.source = $document OR d.sourcePath = $document OR d.title = $document
MATCH (d)-[:HAS_SECTION*]->(s:Section)
WHERE s.level > 0
RETURN d.title AS document, s.order AS order, s.level AS level, s.number AS number, s.title AS title
ORDER BY order
