import http from 'node:http';
import net from 'node:net';
import { REPLICA_HOSTS, type Ports } from './harness';

/** A local HTTP proxy that sends the replica's hosts to the replica and refuses everything else. */
export interface ForwardingProxy {
  port: number;
  close(): Promise<void>;
}

const isReplicaHost = (host: string) => REPLICA_HOSTS.includes(host.toLowerCase());

/**
 * Firefox cannot map a host name to another port, so it is pointed at this proxy instead:
 * `CONNECT data.issy.com:443` is tunnelled to the replica's HTTPS port (TLS stays end to end, so
 * the page, its cookies and their Secure/Partitioned attributes are the real host's), and
 * `GET http://data.issy.com/…` is forwarded to its HTTP port. Any other host gets a 403, so the
 * browser under test never reaches the internet.
 */
export async function startForwardingProxy(ports: Ports): Promise<ForwardingProxy> {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    let target: URL;
    try {
      target = new URL(request.url ?? '');
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (target.protocol !== 'http:' || !isReplicaHost(target.hostname) || (target.port && target.port !== '80')) {
      response.writeHead(403).end();
      return;
    }
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: ports.http,
        method: request.method,
        path: target.pathname + target.search,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });

  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const [host, port] = (request.url ?? '').split(':');
    const upstreamPort = port === '443' ? ports.https : port === '80' ? ports.http : 0;
    if (!isReplicaHost(host ?? '') || !upstreamPort) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(upstreamPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
