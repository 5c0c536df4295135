// Reading a command line for the CLIs: an unknown or malformed option is one line naming it plus the usage (exit 2),
// never a stack trace; --help / -h prints the usage and exits 0.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

export function readCliArgs<T extends ParseArgsConfig>(
  config: T,
  usage: string,
  fail: (msg: string) => never,
): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    const first = (err as Error).message.split('. To specify')[0]!;
    return fail(`ตัวเลือกไม่ถูกต้อง (${first})`);
  }
  if ((parsed.values as { help?: unknown }).help === true) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}
