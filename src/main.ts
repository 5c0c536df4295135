// `npm start`: the bot. With no LINE credentials in .env it runs in local mode (embedded PostgreSQL, demo data,
// the built-in LINE fake) and `npm run chat` talks to it; with credentials the same server talks to LINE.
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { startServices } from './services.js';
import { DEMO_USERS, demoLineUserId } from './seed/demo-users.js';
import { startBanner } from './start-banner.js';
import { StartupError } from './startup-guards.js';

try {
  process.loadEnvFile?.('.env');
} catch {
  /* no .env: defaults */
}

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
/** SIGTERM/SIGINT: stop taking events, drain, close pools, stop the embedded PostgreSQL, exit 0 within SHUTDOWN_MS.
 * Listening from the first moment, so a signal during start-up or shutdown is never left to the default action. */
const SHUTDOWN_MS = 10_000;
let services: Awaited<ReturnType<typeof startServices>> | undefined;
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${sig}: stopping…`);
    setTimeout(() => process.exit(0), SHUTDOWN_MS + 1_000).unref(); // last resort: never hang
    if (!services) return void setTimeout(() => process.exit(0), 0);
    services.close({ timeoutMs: SHUTDOWN_MS }).then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(0);
      },
    );
  });
}

const log = createLogger(config.logLevel);
try {
  services = await startServices(config, log);
} catch (err) {
  if (err instanceof StartupError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const demoIds = Object.keys(DEMO_USERS).map((n) => [n, demoLineUserId(n)] as const);
const present = new Set(
  (await services.db.user.findMany({ where: { lineUserId: { in: demoIds.map(([, id]) => id) }, role: { not: null } }, select: { lineUserId: true } })).map((u) => u.lineUserId),
);
console.log(
  startBanner(config, {
    port: services.port,
    demoUsers: demoIds.filter(([, id]) => present.has(id)).map(([n]) => n),
    demoInvites: services.demoInvites,
    boundUsers: await services.db.user.count({ where: { role: { not: null } } }),
  }),
);
