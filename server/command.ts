// One hub CLI command (server/cli.ts keeps the list; feature modules add theirs).
import type { BackgroundTask } from './app';
import type { HubContext } from './context';

export interface Command {
  summary: string;
  usage: string;
  /** Flags for node:util parseArgs; --data is added to every command. */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
  run(args: {
    values: Record<string, unknown>;
    positionals: string[];
    db: () => Promise<HubContext>;
    /** Jobs `serve` starts with the hub (a wrapper of `serve` adds its scheduled sync here). */
    tasks: BackgroundTask[];
  }): Promise<void>;
}
