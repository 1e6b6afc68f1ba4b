import { connect } from './src/lib/server/db/connect.ts';
import * as q from './src/lib/server/dashboards/dashboard.queries.ts';
import { teamView, institutionView, networkView } from './src/lib/server/dashboards/dashboard.views.ts';
const c = await connect({ databaseUrl: 'postgres://postgres@127.0.0.1:54400/bench', poolSize: 10 });
const db = c.db;
const teams = (await db.execute(`select t.id, t.institution_id from team t join subject_position sp on sp.subject_id = t.id group by t.id order by random() limit 40`)).rows as { id: string; institution_id: string }[];
async function time(name: string, f: (i: number) => Promise<unknown>, n = 40) {
  const ts: number[] = [];
  for (let i = 0; i < n; i++) { const t = performance.now(); await f(i); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(name, 'p50', ts[Math.floor(n * 0.5)].toFixed(1), 'p95', ts[Math.floor(n * 0.95)].toFixed(1));
}
await time('team query', (i) => q.teamDashboard(db, teams[i % teams.length].id));
await time('team query+view', async (i) => teamView((await q.teamDashboard(db, teams[i % teams.length].id))!, 'nl'));
await time('institution query', (i) => q.institutionDashboard(db, teams[i % teams.length].institution_id), 20);
await time('institution query+view', async (i) => institutionView((await q.institutionDashboard(db, teams[i % teams.length].institution_id))!, 'nl'), 20);
await time('network query', () => q.networkDashboard(db), 20);
await time('network query+view', async () => networkView(await q.networkDashboard(db), 'nl'), 20);
await c.close();
