// Generates bindings/wasm/js/types.d.ts, the TypeScript declarations of the
// record (CellYear), the plan (Plan) and the assessment (Assessment), from
// the JSON Schemas in schema/ (which the Rust types generate: see
// schema-tests/). No dependency: the schemas use a small part of JSON
// Schema ($ref to $defs, oneOf/anyOf, const/enum, type, properties,
// required, items, prefixItems-free tuples by minItems/maxItems,
// additionalProperties), and an unknown keyword that would change a type
// is an error here rather than a silently wider type.
//
//   node bindings/wasm/js/gen-types.mjs           rewrite js/types.d.ts
//   node bindings/wasm/js/gen-types.mjs --check   fail when it is stale
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
export const OUTPUT = path.join(here, 'types.d.ts');

/** The schemas, each with the name of its root type; earlier ones win a shared name. */
const SCHEMAS = [
  { file: 'schema/record.schema.json', root: 'CellYear', prefix: '' },
  { file: 'schema/plan.schema.json', root: 'Plan', prefix: '' },
  // The assessment is what the library writes: where a definition differs
  // from the input's (a decimal is then always a string), it is prefixed.
  { file: 'schema/assessment.schema.json', root: 'Assessment', prefix: 'Assessment' },
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
  const extra = schema.additionalProperties;
  if (extra && extra !== true && typeof extra === 'object') {
    lines.push(`${inner}[key: string]: ${typeOf(extra, ref, inner)};\n`);
  } else if (extra === undefined || extra === true) {
    lines.push(`${inner}[key: string]: unknown;\n`);
  }
  return lines.length ? `{\n${lines.join('')}${indent}}` : '{}';
}

/** The text of types.d.ts. */
export function generate() {
  const emitted = new Map(); // TS name -> declaration text
  const order = [];
  const out = [];
  for (const { file, root: rootName, prefix } of SCHEMAS) {
    const schema = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    const defs = schema.$defs ?? {};
    // First pass: the TS name of each definition, prefixed on a conflict.
    const names = new Map();
    const declare = (tsName, body) => `${doc(body.description, '')}${isInterface(body) ? `export interface ${tsName} ${typeOf(body, (n) => names.get(n), '')}` : `export type ${tsName} = ${typeOf(body, (n) => names.get(n), '')};`}\n`;
    const plain = (n) => pascal(n);
    for (const n of Object.keys(defs)) names.set(n, plain(n));
    // A definition identical to one emitted keeps its name; one that differs is prefixed.
    for (const n of Object.keys(defs)) {
      const text = declare(plain(n), defs[n]);
      if (emitted.has(plain(n)) && emitted.get(plain(n)) !== text) names.set(n, prefix + plain(n));
    }
    for (const n of Object.keys(defs)) {
      const tsName = names.get(n);
      const text = declare(tsName, defs[n]);
      if (emitted.has(tsName)) {
        if (emitted.get(tsName) !== text) throw new Error(`gen-types: ${tsName} differs between schemas and cannot be prefixed`);
        continue;
      }
      emitted.set(tsName, text);
      order.push(tsName);
    }
    const { $defs, ...body } = schema;
    const text = declare(rootName, body);
    if (emitted.has(rootName)) {
      if (emitted.get(rootName) !== text) throw new Error(`gen-types: the root ${rootName} differs from its definition`);
    } else {
      emitted.set(rootName, text);
      order.push(rootName);
    }
  }
  out.push(
    '// Generated by bindings/wasm/js/gen-types.mjs from schema/record.schema.json,\n' +
      '// schema/plan.schema.json and schema/assessment.schema.json (which the Rust\n' +
      '// types generate); do not edit. Regenerate with:\n' +
      '//   node bindings/wasm/js/gen-types.mjs\n' +
      '// Decimals are strings (a record may also give a JSON number; an assessment\n' +
      '// always writes a string); counts are integers.\n',
  );
  for (const name of order) out.push(`\n${emitted.get(name)}`);
  return out.join('');
}

function isInterface(schema) {
  return schema.type === 'object' && !schema.oneOf && !schema.anyOf && !schema.$ref && schema.properties !== undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = generate();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUTPUT, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error('bindings/wasm/js/types.d.ts is stale; regenerate it with: node bindings/wasm/js/gen-types.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${path.relative(root, OUTPUT)}`);
  }
}
