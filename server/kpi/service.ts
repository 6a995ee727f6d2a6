// KPI reads for agents and leads: rings and targets from the team, the agent's slices from SQL, and team
// medians from a per-process cache (see below).
import { type KpiKey, type KpiWindow, resolveRings } from '../../lib/kpi/index';
import type { Db } from '../db/index';
import type { Realtime } from '../realtime/bus';
import { computeKpis, type Kpi, type KpiInputs, loadAgentValues, teamMedians, windowBounds } from './engine';
import { KPI_WINDOWS } from '../../lib/contract/vocab';

// Team medians are context, not the agent's own number, and the costly part of a KPI read (every agent of
// the team). They are kept per process in memory: computed once (at start-up for every team, see
// warmAll, or on first use), served immediately afterwards, and refreshed in the background when older than
// FRESH_MS or when any process ingests data for the team (the bus marks them stale). Only a team/window never
// computed before (or a new day) is computed in line; concurrent requests share that computation.
const FRESH_MS = 15_000;
const WINDOWS: readonly KpiWindow[] = KPI_WINDOWS;

type Medians = Record<KpiKey, number | null>;

export class KpiService {
  private medians = new Map<string, { at: number; gen: number; value: Medians }>();
  /** Bumped per team on every change notification; an entry computed under an older number is stale. */
  private generation = new Map<string, number>();
  private inflight = new Map<string, Promise<Medians>>();
  private stopped = false;

  constructor(
    private db: Db,
    realtime: Realtime,
    private now: () => Date,
  ) {
    realtime.onKpiChange((teams) => {
      for (const t of teams) this.generation.set(t, (this.generation.get(t) ?? 0) + 1);
    });
  }

  stop(): void {
    this.stopped = true;
  }

  /** Computes every team's medians for every window, one at a time (start-up, after a bulk load). */
  async warmAll(): Promise<number> {
    const teams = await this.db.query<{ id: string }>('SELECT id FROM teams ORDER BY id');
    let n = 0;
    for (const t of teams) {
      for (const w of WINDOWS) {
        if (this.stopped) return n;
        await this.compute(t.id, w);
        n++;
      }
    }
    return n;
  }

  private async inputs(teamId: string, window: KpiWindow): Promise<KpiInputs> {
    const [team, targets, medians] = await Promise.all([
      this.db.query<{ rings: unknown }>('SELECT rings FROM teams WHERE id = $1', [teamId]),
      this.db.query<{ kpi: KpiKey; value: number }>(
        `SELECT kpi, value FROM targets WHERE team_id = $1 AND channel = ''`,
        [teamId],
      ),
      this.teamMedians(teamId, window),
    ]);
    return {
      rings: resolveRings(team[0]?.rings),
      targets: Object.fromEntries(targets.map((t) => [t.kpi, t.value])),
      medians,
    };
  }

  private key(teamId: string, window: KpiWindow): string {
    return `${teamId}|${window}|${windowBounds(window, this.now()).since}`;
  }

  private compute(teamId: string, window: KpiWindow): Promise<Medians> {
    const key = this.key(teamId, window);
    const running = this.inflight.get(key);
    if (running) return running;
    const { since, until } = windowBounds(window, this.now());
    const started = Date.now();
    const gen = this.generation.get(teamId) ?? 0;
    const p = loadAgentValues(this.db, teamId, since, until)
      .then((values) => {
        const value = teamMedians(values);
        this.medians.set(key, { at: started, gen, value });
        return value;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  private async teamMedians(teamId: string, window: KpiWindow): Promise<Medians> {
    const hit = this.medians.get(this.key(teamId, window));
    if (!hit) return this.compute(teamId, window);
    const stale = hit.gen !== (this.generation.get(teamId) ?? 0) || Date.now() - hit.at >= FRESH_MS;
    if (stale && !this.stopped) this.compute(teamId, window).catch(() => {});
    return hit.value;
  }

  async forAgent(agentId: string, teamId: string, window: KpiWindow): Promise<Kpi[]> {
    const inputs = await this.inputs(teamId, window);
    return computeKpis(this.db, { agentId }, window, this.now(), inputs);
  }

  async forTeam(teamId: string, window: KpiWindow) {
    const inputs = await this.inputs(teamId, window);
    const members = await this.db.query<{ id: string; name: string }>(
      `SELECT id, name FROM users WHERE team_id = $1 AND role = 'agent' ORDER BY name`,
      [teamId],
    );
    const [team, ...agents] = await Promise.all([
      computeKpis(this.db, { teamId }, window, this.now(), inputs),
      ...members.map((m) => computeKpis(this.db, { agentId: m.id }, window, this.now(), inputs)),
    ]);
    return {
      window,
      team: team as Kpi[],
      agents: members.map((m, i) => ({ id: m.id, name: m.name, kpis: agents[i] as Kpi[] })),
    };
  }
}
