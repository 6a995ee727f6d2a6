// Scheduled pulls inside `serve` (`--connectors-interval SECONDS`): every configured Zendesk and Freshdesk
// connector is synced now and then every interval, one run at a time; a failed run is in the connector's
// status and retried on the next tick (a helpdesk being down never takes the hub down).
import type { HubContext } from '../../context';
import { syncFreshdesk } from '../freshdesk/sync';
import { syncZendesk } from '../zendesk/sync';
import { listConnectors } from './registry';

export function scheduleConnectorSyncs(hub: HubContext, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      for (const cfg of await listConnectors(hub.db)) {
        if (stopped) return;
        const r = cfg.kind === 'zendesk' ? await syncZendesk(hub, cfg) : await syncFreshdesk(hub, cfg);
        if (r.ok) hub.log.info({ connector: cfg.slug, inserted: r.inserted }, 'connector sync');
      }
    })()
      .catch((err) => hub.log.warn({ err: (err as Error).message }, 'connector sync failed; will retry'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
