// `npm run reminders -- plan [--at 2026-12-03T09:00+07:00]`  who would get what and why (dry run: nothing written)
// `npm run reminders -- run`                                  plan and send now (as the cron job does)
// `npm run reminders -- status --month 2026-11`               sent / waiting / failed, and who reported after
import { loadConfig } from '../config.js';
import { createLineClients } from '../line/messenger.js';
import { createBulkSender } from '../line/bulk-sender.js';
import { parseMonthKey, defaultReportingMonth } from '../domain/fiscal-period.js';
import { reminderStatus } from '../domain/reminders/status.js';
import { DEFAULT_REMINDER_SETTINGS, planAt, run } from '../jobs/reminders.js';
import { planProgressAt } from '../jobs/reminder-progress.js';
import { openCliDb } from './open-db.js';
import { HELP_OPTION, readCliArgs } from './cli-args.js';

const USAGE = 'usage: npm run reminders -- plan [--at 2026-12-03T09:00+07:00] | run | status [--month 2026-11]';
function fail(msg: string): never {
  console.error(`${msg}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = readCliArgs({ options: { ...HELP_OPTION, at: { type: 'string' }, month: { type: 'string' } }, allowPositionals: true, strict: true }, USAGE, fail);
const at = values.at ? new Date(values.at) : new Date();
if (Number.isNaN(at.getTime())) fail(`--at: "${values.at}" is not a date-time such as 2026-12-03T09:00+07:00`);
const command = positionals[0];
if (!['plan', 'run', 'status'].includes(command ?? '')) fail(`unknown command ${command ?? '(none)'}`);

const settings = () => ({ ...DEFAULT_REMINDER_SETTINGS, progressDay: loadConfig().reminderProgressDay });
const { db, close } = await openCliDb();
const log = { info: (m: string, x?: object) => console.log(m, x ?? ''), warn: (m: string, x?: object) => console.warn(m, x ?? ''), error: (m: string, x?: object) => console.error(m, x ?? '') };
try {
  if (command === 'plan') {
    const months = await planAt(db, at, settings());
    let total = 0;
    for (const { month, reminders } of months) {
      console.log(`month ${month}: ${reminders.length} reminders`);
      for (const r of reminders) console.log(`  ${r.lineUserId}\t${r.kind}/${r.step}\tpriority ${r.priority}\tfrom ${r.notBefore.toISOString()}\t${r.reason}`);
      total += reminders.length;
    }
    for (const { month, cards } of await planProgressAt(db, at, settings())) {
      console.log(`month ${month}: ${cards.length} target-progress cards (sent only where the unit has a target)`);
      for (const r of cards) console.log(`  ${r.lineUserId}\t${r.kind}/${r.step}\tpriority ${r.priority}\tfrom ${r.notBefore.toISOString()}\t${r.reason}`);
      total += cards.length;
    }
    console.log(total ? `dry run at ${at.toISOString()}: ${total} reminders would be planned (nothing written, nothing sent)` : `dry run at ${at.toISOString()}: nobody owes anything that is due`);
  } else if (command === 'run') {
    const config = loadConfig();
    const bulk = createBulkSender(createLineClients(config.line));
    console.log(await run({ db, bulk, log, settings: { progressDay: config.reminderProgressDay } }, at));
  } else {
    const month = values.month ? (parseMonthKey(values.month) ?? fail(`--month: "${values.month}" is not YYYY-MM`)) : defaultReportingMonth(new Date());
    const s = await reminderStatus(db, month);
    console.log(`reminders for ${month}`);
    console.log(['kind', 'sent', 'waiting', 'failed', 'in reply', 'settled'].join('\t'));
    for (const k of s.byKind) console.log([k.kind, k.sent, k.waiting, k.failed, k.inReply, k.settled].join('\t'));
    console.log(`producers reminded: ${s.producersReminded}, reported after the reminder: ${s.reportedAfter}`);
  }
} finally {
  await close();
}
