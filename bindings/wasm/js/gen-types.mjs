// Generates the TypeScript declarations of the record (CellYear), the plan
// (Plan) and the assessment (Assessment), from the JSON Schemas in schema/ (which the Rust types generate: see
// schema-tests/). No dependency: the schemas use a small part of JSON
// Schema ($ref to $defs, oneOf/anyOf, const/enum, type, properties,
// required, items, prefixItems-free tuples by minItems/maxItems,
// additionalProperties), and an unknown keyword that would change a type
// is an error here rather than a silently wider type.
//
// It writes js/types/record.d.ts (the record and the plan, and every type in
// them), js/types/assessment.d.ts (the assessment; it imports what it shares
// with the record) and js/types.d.ts (both, for index.d.ts).
//
//   node bindings/wasm/js/gen-types.mjs           rewrite them
//   node bindings/wasm/js/gen-types.mjs --check   fail when one is stale
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
/** Where each group of declarations goes, by file relative to js/. */
export const OUTPUTS = ['types.d.ts', 'types/record.d.ts', 'types/assessment.d.ts'];

/** The schemas, each with the name of its root type; earlier ones win a shared name. */
const SCHEMAS = [
  { file: 'schema/record.schema.json', root: 'CellYear', prefix: '', out: 'record' },
  { file: 'schema/plan.schema.json', root: 'Plan', prefix: '', out: 'record' },
  // The assessment is what the library writes: where a definition differs
  // from the input's (a decimal is then always a string), it is prefixed.
  { file: 'schema/assessment.schema.json', root: 'Assessment', prefix: 'Assessment', out: 'assessment' },
];

/** Keywords that only annotate or constrain within a TypeScript type. */
const IGNORED = new Set([
  '$schema', '$comment', 'title', 'description', 'format', 'minimum', 'maximum', 'pattern',
  'default', 'examples', 'additionalProperties', 'required', 'minItems', 'maxItems', 'items',
  'properties', 'type', '$ref', 'anyOf', 'oneOf', 'enum', 'const', '$defs', 'deprecated',
]);

const pascal = (name) => name.split(/[^A-Za-z0-9]+/u).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');

function doc(text, indent) {
  if (!text) return '';
  const lines = String(text).replaceAll('*/', '*\\/').split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/u;
const key = (k) => (IDENT.test(k) ? k : JSON.stringify(k));

/** The TypeScript type of a schema; `ref` maps a $defs name to its TS name. */
function typeOf(schema, ref, indent) {
  if (schema === true || (typeof schema === 'object' && Object.keys(schema).every((k) => ['description', '$comment', 'title'].includes(k)))) {
    return 'unknown';
  }
  if (schema === false) return 'never';
  for (const k of Object.keys(schema)) {
    if (!IGNORED.has(k)) throw new Error(`gen-types: keyword ${k} is not supported (in ${JSON.stringify(schema).slice(0, 120)})`);
  }
  const parts = [];
  if (schema.$ref) {
    const m = /^#\/\$defs\/(.+)$/u.exec(schema.$ref);
    if (!m) throw new Error(`gen-types: $ref ${schema.$ref} is not to $defs`);
    parts.push(ref(decodeURIComponent(m[1])));
  }
  if ('const' in schema) parts.push(JSON.stringify(schema.const));
  if (schema.enum) parts.push(schema.enum.map((v) => JSON.stringify(v)).join(' | '));
  for (const combo of ['oneOf', 'anyOf']) {
    if (schema[combo]) {
      const alternatives = [...new Set(schema[combo].map((s) => typeOf(s, ref, indent)))];
      parts.push(alternatives.length > 1 ? alternatives.map((t) => (t.includes(' ') && !t.startsWith('{') ? `(${t})` : t)).join(' | ') : alternatives[0]);
    }
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    // A type alongside a const/enum/combination narrows it: keep the narrower.
    const narrowed = parts.length > 0;
    const fromTypes = types
      .map((t) => {
        if (narrowed && t !== 'null') return null;
        switch (t) {
          case 'string':
            return 'string';
          case 'integer':
          case 'number':
            return 'number';
          case 'boolean':
            return 'boolean';
          case 'null':
            return 'null';
          case 'array':
            return arrayOf(schema, ref, indent);
          case 'object':
            return objectOf(schema, ref, indent);
          default:
            throw new Error(`gen-types: type ${t}`);
        }
      })
      .filter((t) => t !== null);
    if (narrowed) {
      const inner = parts.length > 1 ? parts.map((p) => `(${p})`).join(' & ') : parts[0];
      return fromTypes.length ? `${wrap(inner)} | ${fromTypes.join(' | ')}` : inner;
    }
    return fromTypes.join(' | ');
  }
  if (parts.length === 0 && typeof schema.pattern === 'string') return patternType(schema.pattern);
  if (parts.length === 0) throw new Error(`gen-types: no type in ${JSON.stringify(schema).slice(0, 120)}`);
  return parts.length > 1 ? parts.map((p) => `(${p})`).join(' & ') : parts[0];
}

/**
 * A string pattern as a template literal type where it has the shape of an
 * indexed path (`^members\\[[0-9]+\\]\\.(a|b)$`), else `string`.
 */
function patternType(pattern) {
  const m = /^\^((?:[A-Za-z_]|\\\.)+)\\\[\[0-9\]\+\\\]\\\.\(([A-Za-z_|]+)\)\$$/u.exec(pattern);
  if (!m) return 'string';
  const list = m[1].replaceAll('\\.', '.');
  const fields = m[2].split('|').map((f) => JSON.stringify(f)).join(' | ');
  return `\`${list}[\${number}].\${${fields}}\``;
}

const wrap = (t) => (t.includes(' | ') ? `(${t})` : t);

function arrayOf(schema, ref, indent) {
  const item = schema.items === undefined ? 'unknown' : typeOf(schema.items, ref, indent);
  if (Number.isInteger(schema.minItems) && schema.minItems === schema.maxItems && schema.minItems <= 8) {
    return `[${Array(schema.minItems).fill(item).join(', ')}]`;
  }
  return `${wrap(item)}[]`;
}

function objectOf(schema, ref, indent) {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = Object.entries(props).map(
    ([k, s]) => `${doc(s.description, inner)}${inner}${key(k)}${required.has(k) ? '' : '?'}: ${typeOf(s, ref, inner)};\n`,
  );
  // A map (`additionalProperties` a schema) gets an index signature. An
  // object left open (the assessment's: a reader ignores fields a later
  // version adds) lists its known fields only: TypeScript's object types
  // are open to extra fields already, and an index signature would let
  // every misspelt field through.
  const extra = schema.additionalProperties;
  if (extra && extra !== true && typeof extra === 'object') {
    lines.push(`${inner}[key: string]: ${typeOf(extra, ref, inner)};\n`);
  }
  return lines.length ? `{\n${lines.join('')}${indent}}` : '{}';
}

const HEADER =
  '// Generated by bindings/wasm/js/gen-types.mjs from schema/record.schema.json,\n' +
  '// schema/plan.schema.json and schema/assessment.schema.json (which the Rust\n' +
  '// types generate); do not edit. Regenerate with:\n' +
  '//   node bindings/wasm/js/gen-types.mjs\n' +
  '// Decimals are strings (a record may also give a JSON number; an assessment\n' +
  '// always writes a string); counts are integers.\n';

/** A declaration without its doc comments. */
const code = (text) => text.replace(/\/\*\*[\s\S]*?\*\//gu, '');

/** The text of each output file, by its path relative to js/. */
export function generate() {
  const emitted = new Map(); // TS name -> declaration text
  const home = new Map(); // TS name -> output group
  const groups = new Map([['record', []], ['assessment', []]]);
  for (const { file, root: rootName, prefix, out } of SCHEMAS) {
    const schema = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    const defs = schema.$defs ?? {};
    // The TS name of each definition, prefixed on a conflict.
    const names = new Map();
    const declare = (tsName, body) => `${doc(body.description, '')}${isInterface(body) ? `export interface ${tsName} ${typeOf(body, (n) => names.get(n), '')}` : `export type ${tsName} = ${typeOf(body, (n) => names.get(n), '')};`}\n`;
    const plain = (n) => pascal(n);
    for (const n of Object.keys(defs)) names.set(n, plain(n));
    // A definition identical to one emitted keeps its name; one that differs is prefixed.
    for (const n of Object.keys(defs)) {
      const text = declare(plain(n), defs[n]);
      if (emitted.has(plain(n)) && emitted.get(plain(n)) !== text) names.set(n, prefix + plain(n));
    }
    const add = (tsName, text) => {
      if (emitted.has(tsName)) {
        if (emitted.get(tsName) !== text) throw new Error(`gen-types: ${tsName} differs between schemas and cannot be prefixed`);
        return;
      }
      emitted.set(tsName, text);
      home.set(tsName, out);
      groups.get(out).push(tsName);
    };
    for (const n of Object.keys(defs)) add(names.get(n), declare(names.get(n), defs[n]));
    const { $defs, ...body } = schema;
    add(rootName, declare(rootName, body));
  }
  const files = {};
  for (const [group, list] of groups) {
    const parts = [HEADER];
    // What this group uses from another: a name declared there and used here.
    const used = [...emitted.keys()].filter((n) => home.get(n) !== group && list.some((m) => new RegExp(`\\b${n}\\b`).test(code(emitted.get(m)))));
    if (used.length) {
      const from = [...new Set(used.map((n) => home.get(n)))];
      for (const other of from) {
        parts.push(`\nimport type { ${used.filter((n) => home.get(n) === other).sort().join(', ')} } from './${other}';\n`);
      }
    }
    for (const name of list) parts.push(`\n${emitted.get(name)}`);
    files[`types/${group}.d.ts`] = parts.join('');
  }
  files['types.d.ts'] = `${HEADER}\nexport * from './types/record';\nexport * from './types/assessment';\n`;
  return files;
}

function isInterface(schema) {
  return schema.type === 'object' && !schema.oneOf && !schema.anyOf && !schema.$ref && schema.properties !== undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = generate();
  if (process.argv.includes('--check')) {
    const stale = Object.entries(files).filter(([file, text]) => {
      try {
        return readFileSync(path.join(here, file), 'utf8') !== text;
      } catch {
        return true;
      }
    });
    if (stale.length) {
      console.error(`stale: ${stale.map(([f]) => `bindings/wasm/js/${f}`).join(', ')}; regenerate with: node bindings/wasm/js/gen-types.mjs`);
      process.exit(1);
    }
  } else {
    mkdirSync(path.join(here, 'types'), { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(here, file), text);
    console.log(`wrote ${Object.keys(files).map((f) => `bindings/wasm/js/${f}`).join(', ')}`);
  }
}
