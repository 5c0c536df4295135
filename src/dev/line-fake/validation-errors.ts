/**
 * Converts Ajv errors into LINE's error `details` entries: `{ message, property }` where `property` uses LINE's
 * dotted notation (`messages[0].contents.body.contents[1].action`).
 *
 * Invariants: output is de-duplicated (same property + message once) and keeps Ajv's order.
 */
import type { ErrorObject } from 'ajv';
import type { ErrorDetail } from './types.js';

/** `/messages/0/quickReply/items` → `messages[0].quickReply.items` */
export function pointerToProperty(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

/** Joins a base property and a child name (`messages[0]` + `text` → `messages[0].text`). */
export function childProperty(base: string, child: string | number): string {
  if (typeof child === 'number') return `${base}[${child}]`;
  return base === '' ? child : `${base}.${child}`;
}

export function ajvErrorsToDetails(errors: readonly ErrorObject[]): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const detail = toDetail(error);
    const key = `${detail.property}\u0000${detail.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push(detail);
  }
  return details;
}

function toDetail(error: ErrorObject): ErrorDetail {
  const base = pointerToProperty(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { property: childProperty(base, String(params['missingProperty'])), message: 'must be specified' };
    case 'discriminator': {
      const tag = String(params['tag']);
      if (params['error'] === 'tag') return { property: childProperty(base, tag), message: 'must be specified' };
      return { property: childProperty(base, tag), message: `invalid value ${JSON.stringify(params['tagValue'])}; must be one of: ${mappedValues(error).join(', ')}` };
    }
    case 'maxLength':
      return { property: base, message: `Length must be at most ${String(params['limit'])}` };
    case 'minLength':
      return { property: base, message: `Length must be at least ${String(params['limit'])}` };
    case 'maxItems':
      return { property: base, message: `Size must be at most ${String(params['limit'])}` };
    case 'minItems':
      return { property: base, message: `Size must be at least ${String(params['limit'])}` };
    case 'enum':
      return { property: base, message: `must be one of: ${(params['allowedValues'] as unknown[]).join(', ')}` };
    case 'const':
      return { property: base, message: `must be ${JSON.stringify(params['allowedValue'])}` };
    case 'type':
      return { property: base, message: `must be ${String(params['type'])}` };
    case 'format':
      return { property: base, message: `invalid ${String(params['format'])}` };
    default:
      return { property: base, message: error.message ?? `invalid (${error.keyword})` };
  }
}

/** The tag values a dispatcher accepts (available because Ajv runs with `verbose: true`). */
function mappedValues(error: ErrorObject): string[] {
  const parent = error.parentSchema as { oneOf?: { properties?: Record<string, { const?: unknown }> }[] } | undefined;
  const tag = String((error.params as Record<string, unknown>)['tag']);
  return (parent?.oneOf ?? []).map((branch) => String(branch.properties?.[tag]?.const));
}
