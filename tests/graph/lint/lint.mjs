// Lint Cypher statements with Neo4j's language support (Cypher 5).
// stdin: a JSON array of statement strings; stdout: a JSON array (same order) of diagnostic lists,
// each diagnostic {message, severity, start, end}; undeclared-parameter diagnostics are left out.
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const statements = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const schema = { defaultLanguage: 'CYPHER 5' };
const out = statements.map((query) =>
  lintCypherQuery(query, schema)
    .diagnostics.filter(isNotParamError)
    .map((d) => ({ message: d.message, severity: d.severity, start: d.offsets.start, end: d.offsets.end })),
);
process.stdout.write(JSON.stringify(out));
