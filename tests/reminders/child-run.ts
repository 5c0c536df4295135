// One instance of the reminders job in its own process (for the two-process and kill -9 tests).
// argv: databaseUrl lineBaseUrl atIso settingsJson
import { createDb } from '../../src/db/client.js';
import { createBulkSender } from '../../src/line/bulk-sender.js';
import { createLineClients } from '../../src/line/messenger.js';
import { run } from '../../src/jobs/reminders.js';
import { TEST_TOKEN } from '../support/bot.js';

const [url, lineUrl, at, settings] = process.argv.slice(2) as [string, string, string, string];
const db = createDb(url, { poolSize: 4 });
const bulk = createBulkSender(createLineClients({ channelAccessToken: TEST_TOKEN, apiBaseUrl: lineUrl, dataApiBaseUrl: lineUrl }));
const quiet = () => {};
process.stdout.write('started\n');
const result = await run({ db, bulk, log: { info: quiet, warn: quiet, error: quiet }, settings: JSON.parse(settings) }, new Date(at));
process.stdout.write(`${JSON.stringify(result)}\n`);
await db.$disconnect();
