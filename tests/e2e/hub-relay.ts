// A TCP relay in front of a test hub, so a test can make the hub unreachable to the extension and bring it back
// while the hub keeps running (and keeps its data).
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

/**
 * A TCP relay in front of the hub. `down()` closes it and cuts every connection (to the extension the hub is
 * gone); `up()` listens again on the same port. The hub itself keeps running, so its data stays.
 */
export async function hubRelay(targetPort: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    const srv = createServer((client) => {
      const upstream = tcpConnect(targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => srv.listen(port, '127.0.0.1', resolve));
    port = (srv.address() as { port: number }).port;
    server = srv;
  };
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    async down() {
      const srv = server;
      server = null;
      for (const s of sockets) s.destroy();
      if (srv) await new Promise<void>((resolve) => srv.close(() => resolve()));
    },
    up: listen,
  };
}

export type HubRelay = Awaited<ReturnType<typeof hubRelay>>;
