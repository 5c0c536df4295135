/**
 * Request-body validation against the official LINE OpenAPI 3.0 spec (`messaging-api.yml`), using Ajv.
 *
 * Invariants:
 * - No schema is written by hand: every schema comes from the spec file, loaded once per spec path and process.
 * - OpenAPI discriminators are rewritten (see `rewriteDiscriminators`) into Ajv's native `discriminator` + `oneOf`,
 *   so a discriminated value is validated against exactly one mapped schema and an unmapped value is an error.
 * - `nullable: true` is OpenAPI 3.0 syntax that Ajv understands natively (it adds `null` to `type`).
 * - Validators are compiled lazily, once per operation, and cached.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { ajvErrorsToDetails } from './validation-errors.js';
import type { ErrorDetail } from './types.js';

type SchemaObject = Record<string, unknown>;
type Schemas = Record<string, SchemaObject>;

const ROOT_ID = 'line-messaging-api';
const SCHEMA_REF = '#/components/schemas/';
/** Suffix of the discriminator-free copy of a discriminated schema (what its mapped children `allOf`). */
export const BASE_SUFFIX = '__base';
/** OpenAPI annotation keywords the spec uses that JSON Schema does not know; they carry no validation. */
const OPENAPI_ANNOTATIONS = ['externalDocs', 'example', 'x-enum-varnames', 'x-enum-descriptions'];

export interface SpecValidator {
  /** True when the spec defines `method` on the path template (e.g. `/v2/bot/richmenu/{richMenuId}`). */
  hasOperation(method: string, pathTemplate: string): boolean;
  /** Validates a parsed JSON body; `[]` when valid or when the operation has no JSON request body. */
  validateRequestBody(method: string, pathTemplate: string, body: unknown): ErrorDetail[];
  /**
   * Validates a request header against the operation's declared header parameter (path-level or operation-level).
   * `undefined` when the operation does not declare that header; `[]` when valid.
   */
  validateHeader(method: string, pathTemplate: string, name: string, value: string): ErrorDetail[] | undefined;
  /** Compiled validator of one `components.schemas` entry (after the discriminator rewrite). */
  componentValidator(name: string): ValidateFunction;
}

/** Default spec location: `$LINE_OPENAPI_SPEC`, else the unedited copy in vendor/line-openapi/ (see its SOURCE.md). */
export function defaultSpecPath(): string {
  const fromEnv = process.env['LINE_OPENAPI_SPEC'];
  if (fromEnv) return fromEnv;
  return fileURLToPath(new URL('../../../vendor/line-openapi/messaging-api.yml', import.meta.url));
}

const cache = new Map<string, SpecValidator>();

/** Loads (once per path) the spec and returns a validator bound to it. Throws if the file is missing. */
export function loadSpecValidator(specPath: string = defaultSpecPath()): SpecValidator {
  const cached = cache.get(specPath);
  if (cached) return cached;
  const validator = buildSpecValidator(parseYaml(readFileSync(specPath, 'utf8')) as SchemaObject);
  cache.set(specPath, validator);
  return validator;
}

function buildSpecValidator(spec: SchemaObject): SpecValidator {
  const components = (spec['components'] ?? {}) as SchemaObject;
  const schemas = (components['schemas'] ?? {}) as Schemas;
  const paths = (spec['paths'] ?? {}) as Record<string, Record<string, SchemaObject>>;
  rewriteDiscriminators(schemas);

  const ajv = new Ajv({ allErrors: true, discriminator: true, verbose: true, strictTypes: false });
  const addFormats = addFormatsModule.default;
  addFormats(ajv);
  // `components` is only the container the $refs point into; as a keyword it validates nothing.
  ajv.addVocabulary([...OPENAPI_ANNOTATIONS, 'components']);
  ajv.addSchema({ $id: ROOT_ID, components: { schemas } });

  const byOperation = new Map<string, ValidateFunction | null>();
  const byComponent = new Map<string, ValidateFunction>();

  function componentValidator(name: string): ValidateFunction {
    let fn = byComponent.get(name);
    if (!fn) {
      if (!schemas[name]) throw new Error(`line-fake: no schema ${name} in the spec`);
      fn = ajv.compile({ $ref: `${ROOT_ID}${SCHEMA_REF}${name}` });
      byComponent.set(name, fn);
    }
    return fn;
  }

  function operationValidator(method: string, pathTemplate: string): ValidateFunction | null {
    const key = `${method.toLowerCase()} ${pathTemplate}`;
    if (byOperation.has(key)) return byOperation.get(key) ?? null;
    const operation = paths[pathTemplate]?.[method.toLowerCase()];
    if (!operation) throw new Error(`line-fake: the spec has no operation ${key}`);
    const schema = jsonRequestSchema(operation);
    let fn: ValidateFunction | null = null;
    if (schema) {
      const ref = schema['$ref'];
      if (typeof ref === 'string' && ref.startsWith(SCHEMA_REF)) {
        fn = componentValidator(ref.slice(SCHEMA_REF.length));
      } else {
        // Inline request schema: register it beside the components so its local $refs resolve.
        const name = `__request_${String(operation['operationId'] ?? key)}`;
        schemas[name] = schema;
        fn = componentValidator(name);
      }
    }
    byOperation.set(key, fn);
    return fn;
  }

  const byHeader = new Map<string, ValidateFunction | null>();
  function headerValidator(method: string, pathTemplate: string, name: string): ValidateFunction | null {
    const key = `${method.toLowerCase()} ${pathTemplate} ${name.toLowerCase()}`;
    if (byHeader.has(key)) return byHeader.get(key) ?? null;
    const pathItem = paths[pathTemplate] ?? {};
    const declared = [...asArray(pathItem['parameters']), ...asArray(pathItem[method.toLowerCase()]?.['parameters'])];
    const parameter = declared.find((p) => p['in'] === 'header' && String(p['name']).toLowerCase() === name.toLowerCase());
    let fn: ValidateFunction | null = null;
    if (parameter) {
      const schemaName = `__header_${key.replace(/[^\w]+/g, '_')}`;
      schemas[schemaName] = (parameter['schema'] ?? {}) as SchemaObject;
      fn = componentValidator(schemaName);
    }
    byHeader.set(key, fn);
    return fn;
  }

  return {
    hasOperation: (method, pathTemplate) => Boolean(paths[pathTemplate]?.[method.toLowerCase()]),
    validateRequestBody(method, pathTemplate, body) {
      const fn = operationValidator(method, pathTemplate);
      if (!fn || fn(body)) return [];
      return ajvErrorsToDetails(fn.errors ?? []);
    },
    validateHeader(method, pathTemplate, name, value) {
      const fn = headerValidator(method, pathTemplate, name);
      if (!fn) return undefined;
      if (fn(value)) return [];
      return ajvErrorsToDetails(fn.errors ?? []).map((detail) => ({ ...detail, property: name }));
    },
    componentValidator,
  };
}

/** The `application/json` (or other `+json`) requestBody schema of an operation, if it has one. */
function jsonRequestSchema(operation: SchemaObject): SchemaObject | undefined {
  const requestBody = operation['requestBody'] as SchemaObject | undefined;
  const content = (requestBody?.['content'] ?? {}) as Record<string, SchemaObject>;
  const jsonType = Object.keys(content).find((type) => /^application\/([\w.-]+\+)?json$/.test(type));
  return jsonType ? (content[jsonType]?.['schema'] as SchemaObject | undefined) : undefined;
}

/**
 * Rewrites every schema that has an OpenAPI `discriminator.mapping` so Ajv can validate it.
 *
 * For a discriminated schema `S` with tag `p` and mapping `{k → C}`:
 * - the original object moves to `S__base` (its discriminator removed); it keeps its own properties;
 * - every mapped child `C` has its `allOf: [{$ref: S}]` re-pointed at `S__base` (this is what breaks the infinite
 *   recursion `S → C → allOf S → C ...`) and gains `properties.p.enum = [keys mapping to C]`, so validating `C`
 *   directly (e.g. carousel `contents` items are `FlexBubble`) still checks the tag;
 * - `S` becomes a dispatcher: `{required: [p], discriminator: {propertyName: p}, oneOf: [{properties: {p: {const: k}},
 *   allOf: [{$ref: C}]}, ...]}` — Ajv's discriminator picks the single branch whose const equals the tag value and
 *   reports `discriminator` (error "mapping") for an unmapped value.
 * Mutates `schemas` in place.
 */
export function rewriteDiscriminators(schemas: Schemas): void {
  const discriminated = Object.entries(schemas).filter(([, s]) => isMapped(s['discriminator']));
  for (const [name, original] of discriminated) {
    const { propertyName, mapping } = original['discriminator'] as { propertyName: string; mapping: Record<string, string> };
    delete original['discriminator'];
    schemas[`${name}${BASE_SUFFIX}`] = original;

    const keysByChild = new Map<string, string[]>();
    for (const [key, ref] of Object.entries(mapping)) {
      keysByChild.set(ref, [...(keysByChild.get(ref) ?? []), key]);
    }
    for (const [ref, keys] of keysByChild) {
      const child = schemas[ref.slice(SCHEMA_REF.length)];
      if (!ref.startsWith(SCHEMA_REF) || !child) throw new Error(`line-fake: discriminator ${name} maps to unknown ${ref}`);
      const allOf = Array.isArray(child['allOf']) ? (child['allOf'] as SchemaObject[]) : [];
      let inheritsParent = false;
      for (const part of allOf) {
        if (part['$ref'] === `${SCHEMA_REF}${name}`) {
          part['$ref'] = `${SCHEMA_REF}${name}${BASE_SUFFIX}`;
          inheritsParent = true;
        }
      }
      // A child that does not `allOf` its parent still gets the parent's own properties checked.
      if (!inheritsParent) allOf.push({ $ref: `${SCHEMA_REF}${name}${BASE_SUFFIX}` });
      allOf.push({ properties: { [propertyName]: { enum: keys } } });
      child['allOf'] = allOf;
    }

    schemas[name] = {
      type: 'object',
      required: [propertyName],
      properties: { [propertyName]: { type: 'string' } },
      discriminator: { propertyName },
      oneOf: Object.entries(mapping).map(([key, ref]) => ({
        properties: { [propertyName]: { const: key } },
        allOf: [{ $ref: ref }],
      })),
    };
  }
}

function asArray(value: unknown): SchemaObject[] {
  return Array.isArray(value) ? (value as SchemaObject[]) : [];
}

function isMapped(discriminator: unknown): boolean {
  return typeof discriminator === 'object' && discriminator !== null && 'mapping' in discriminator;
}
