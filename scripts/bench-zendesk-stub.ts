// Worker thread for `bench:hub --only zendesk`: builds the Zendesk stub's data and serves it on its own event
// loop, as the real Zendesk is another machine (its JSON encoding must not share the hub's event loop).
import { parentPort, workerData } from 'node:worker_threads';
import { audit, child, startZendeskStub } from '../tests/hub/stubs/zendesk';

const { events, agents } = workerData as { events: number; agents: number };
const stub = await startZendeskStub({ email: 'bench@acme.test', token: 'bench-token' });
for (let a = 0; a < agents; a++) {
  stub.users.set(100 + a, { id: 100 + a, email: `zd-agent${a}@bench.test`, role: 'agent', name: `A${a}` });
}
stub.users.set(1, { id: 1, email: 'customer@client.test', role: 'end-user', name: 'C' });
// Per ticket: created, customer reply, agent reply, solved (one hub event per audit), one second apart.
const t0 = Date.UTC(2026, 0, 1) / 1000;
for (let i = 0; i < Math.ceil(events / 4); i++) {
  const agent = 100 + (i % agents);
  const ts = t0 + i * 4;
  stub.audits.push(
    audit(i + 1, ts, 1, [child.create()]),
    audit(i + 1, ts + 1, 1, [child.comment(1, true, 'Where is my parcel?')]),
    audit(i + 1, ts + 2, agent, [child.comment(agent, true, 'It ships today.'), child.notification()]),
    audit(i + 1, ts + 3, agent, [child.status('open', 'solved')]),
  );
}
stub.audits.length = Math.min(stub.audits.length, events);
stub.sort();
parentPort?.postMessage({ url: stub.url });
parentPort?.on('message', async (m) => {
  if (m === 'close') {
    await stub.close();
    process.exit(0);
  }
});
