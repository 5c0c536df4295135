// Driver adapter for the Prisma CLI only (migrate diff / status / deploy). Works around three adapter-pg 6.19
// issues met offline (README "Database"): catalog columns of type name/"char" that it cannot decode
// (prisma/prisma#27403), the shadow database silently pointing at the main one when configured from a
// connection string, and its shadow cleanup dropping a database whose pool still holds a connection.
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';

type Conn = { host: string; port: number; user: string; password?: string; database: string };
type Queryable = { executeScript(sql: string): Promise<void>; dispose(): Promise<void> };
type PgResult = { fields?: { dataTypeID: number }[] };

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

function connFromEnv(): Conn {
  const raw = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL || '';
  const url = new URL(/^postgres(ql)?:/.test(raw) ? raw : 'postgresql://postgres@127.0.0.1:5432/postgres');
  return {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: url.pathname.replace(/^\//, '') || 'postgres',
  };
}

let patched = false;
/** Wraps the shared queryable prototype once so name/"char" catalog columns decode as text. */
function patchCatalogTypes(adapter: object): void {
  if (patched) return;
  let proto = Object.getPrototypeOf(adapter) as Record<string, unknown> | null;
  while (proto && !Object.hasOwn(proto, 'performIO')) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error('adapter-pg changed: performIO not found; re-check prisma-cli-adapter.ts');
  const original = proto.performIO as (this: unknown, q: unknown) => Promise<PgResult>;
  proto.performIO = async function (this: unknown, q: unknown) {
    const result = await original.call(this, q);
    for (const f of result?.fields ?? []) {
      if (f.dataTypeID === NAME_OID || f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
    }
    return result;
  };
  patched = true;
}

async function connect(conn: Conn): Promise<Queryable> {
  const adapter = await new PrismaPg({ ...conn, max: 2 }).connect();
  patchCatalogTypes(adapter);
  return adapter as unknown as Queryable;
}

export function cliAdapter() {
  const conn = connFromEnv();
  const factory = new PrismaPg({ ...conn, max: 2 });
  const f = factory as unknown as Record<string, unknown>;
  f.connect = () => connect(conn);
  f.connectToShadowDb = async () => {
    const name = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
    const admin = await connect(conn);
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await connect({ ...conn, database: name });
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  };
  return factory;
}
