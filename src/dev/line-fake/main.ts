/**
 * CLI: run the LINE fake for manual local runs and log every request it answers.
 *
 *   npx tsx src/dev/line-fake/main.ts [port]        # or LINE_FAKE_PORT=4010
 *   env: LINE_FAKE_HOST (default 127.0.0.1), LINE_CHANNEL_ACCESS_TOKEN (require exactly this Bearer token),
 *        LINE_OPENAPI_SPEC (path of messaging-api.yml)
 *
 * Invariant: logs one line per request (plus one line per rejection detail), never the Authorization header.
 */
import { startLineFake, type RecordedRequest } from './index.js';

const DEFAULT_PORT = 4010;

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${raw}`);
  return port;
}

function describe(request: RecordedRequest): string {
  const head = `${new Date(request.at).toISOString()} ${request.status} ${request.method} ${request.path} [${request.endpoint}]`;
  if (request.status >= 400) {
    const details = (request.details ?? []).map((d) => `\n    ${d.property}: ${d.message}`).join('');
    return `${head} — ${request.error ?? ''}${details}`;
  }
  if (request.to && request.messages) {
    const summary = request.messages.map((m) => summarize(m)).join(' | ');
    return `${head} to=${request.to.length > 3 ? `${request.to.length} users` : request.to.join(',')} ${summary}`;
  }
  return head;
}

function summarize(message: unknown): string {
  const m = message as { type?: string; text?: string; altText?: string };
  const text = m.text ?? m.altText ?? '';
  return `${m.type ?? '?'}:${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}`;
}

async function main(): Promise<void> {
  const port = parsePort(process.argv[2] ?? process.env['LINE_FAKE_PORT']);
  const fake = await startLineFake({
    port,
    host: process.env['LINE_FAKE_HOST'] ?? '127.0.0.1',
    channelAccessToken: process.env['LINE_CHANNEL_ACCESS_TOKEN'] || undefined,
    specPath: process.env['LINE_OPENAPI_SPEC'] || undefined,
    onRequest: (request) => console.log(describe(request)),
  });
  console.log(`line-fake listening on ${fake.url} (MessagingApiClient/MessagingApiBlobClient baseURL)`);
  const stop = (): void => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
