// What `npm start` prints: where the bot listens, which database, how to talk to it — demo users only when they
// exist in the database, and how to make the first invite codes when there are none (e.g. with DATABASE_URL).
import type { Config } from './config.js';

export interface BannerFacts {
  port: number;
  /** Names of the ready-made demo users that exist in the database (see seed/demo-users.ts). */
  demoUsers: string[];
  demoInvites: { code: string; label: string }[];
  /** Bound users of any role: none means nobody can use the bot until invite codes are made. */
  boundUsers: number;
}

export function startBanner(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'localMode' | 'line'>, f: BannerFacts): string {
  const lines = [
    `otop-sales-bot listening on http://localhost:${f.port} (POST /webhook)`,
    `database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL, data in ${config.dataDir}/pg`}`,
  ];
  if (config.localMode) {
    const users = f.demoUsers.length ? `${f.demoUsers.join('|')}|<any new name>` : '<any name>';
    lines.push(`local mode: LINE is the built-in fake at ${config.line.apiBaseUrl}; talk to the bot with\n  npm run chat -- --user ${users}`);
  } else {
    lines.push(`LINE: ${config.line.apiBaseUrl}`);
  }
  if (f.demoInvites.length) {
    lines.push('demo invite codes (type one as a new user):');
    for (const i of f.demoInvites) lines.push(`  ${i.code}  ${i.label}`);
  } else if (f.boundUsers === 0) {
    lines.push(
      'no users yet: make the first invite codes with the same DATABASE_URL, e.g.',
      '  npm run invite -- --role province --province 24    (a province officer, who then invites district officers)',
      '  npm run invite -- --role district --district 2401  (a district officer, who then invites producers)',
    );
  }
  return lines.join('\n');
}
