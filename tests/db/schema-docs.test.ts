// The schema documents every field (README, Database): each field line of every model has a `///` line directly
// above it, which Prisma carries into the generated client's doc comments.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SCHEMA = new URL('../../prisma/schema.prisma', import.meta.url);

interface SchemaFields {
  models: string[];
  fields: string[];
  undocumented: string[];
}

/** Every field of every `model {}` block as `Model.field`, and those not directly preceded by a `///` line. */
function fieldDocs(schema: string): SchemaFields {
  const models: string[] = [];
  const fields: string[] = [];
  const undocumented: string[] = [];
  let model: string | null = null;
  let previous = '';
  for (const raw of schema.split(/\r?\n/)) {
    const line = raw.trim();
    const opening = /^model\s+(\w+)\s*\{/.exec(line);
    if (opening) {
      model = opening[1]!;
      models.push(model);
    } else if (model !== null && line.startsWith('}')) {
      model = null;
    } else if (model !== null && line !== '' && !line.startsWith('//') && !line.startsWith('@@')) {
      const field = `${model}.${line.split(/\s+/)[0]}`;
      fields.push(field);
      if (!/^\/\/\/\s*\S/.test(previous)) undocumented.push(field);
    }
    previous = line;
  }
  return { models, fields, undocumented };
}

describe('prisma/schema.prisma', () => {
  it('has a /// comment directly above every field of every model', () => {
    const { models, fields, undocumented } = fieldDocs(readFileSync(SCHEMA, 'utf8'));
    expect(models.length, 'no model found: has the schema moved?').toBeGreaterThan(0);
    expect(fields.length).toBeGreaterThan(models.length);
    expect(undocumented, `fields without a /// line directly above:\n  ${undocumented.join('\n  ')}`).toEqual([]);
  });

  it('reports fields whose /// line is missing or separated by a blank line', () => {
    const schema = [
      'model A {',
      '  /// Documented.',
      '  id Int @id',
      '  name String',
      '  /// Separated from its field.',
      '',
      '  other B[]',
      '',
      '  @@index([name])',
      '}',
      '/// Not in a model.',
      'enum E {',
      '  X',
      '}',
    ].join('\n');
    expect(fieldDocs(schema)).toEqual({ models: ['A'], fields: ['A.id', 'A.name', 'A.other'], undocumented: ['A.name', 'A.other'] });
  });
});
