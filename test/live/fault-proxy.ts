import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP proxy on loopback in front of moto, for faults a child process (the real CLI) cannot get from
 * SDK middleware: whole services answered with AWS's own AccessDenied errors (by the SigV4 credential
 * scope of each request), or an endpoint that dies after a number of requests.
 */
export interface FaultProxy {
  endpoint: string;
  /** Requests seen per service (credential scope), denied or forwarded. */
  seen: Map<string, number>;
  forwarded: number;
  stop(): Promise<void>;
}

export interface FaultOptions {
  /** Services (SigV4 scope names: rds, s3, ec2, cloudtrail) whose every request is denied. */
  deny?: string[];
  /** Forward this many requests, then stop listening and drop every connection. */
  dieAfter?: number;
}

function serviceOf(req: IncomingMessage): string {
  const auth = String(req.headers.authorization ?? '');
  return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(auth)?.[1] ?? 'unknown';
}

/** AccessDenied as each protocol family answers it, so the SDK parses it as AWS would send it. */
function deny(service: string, res: ServerResponse): void {
  const msg = `User: arn:aws:iam::123456789012:user/auditor is not authorized to perform this ${service} action`;
  if (service === 'ec2') {
    res.writeHead(403, { 'content-type': 'text/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>${msg}</Message></Error></Errors><RequestID>fault-proxy</RequestID></Response>`);
  } else if (service === 's3') {
    res.writeHead(403, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>fault-proxy</RequestId></Error>`);
  } else if (['rds', 'elasticache', 'elasticloadbalancing', 'iam', 'sts'].includes(service)) {
    res.writeHead(403, { 'content-type': 'text/xml' });
    res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${msg}</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>`);
  } else {
    // JSON protocols (cloudtrail, kms, logs, secretsmanager, ...)
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'AccessDeniedException' });
    res.end(JSON.stringify({ __type: 'AccessDeniedException', message: msg }));
  }
}

export async function startFaultProxy(target: string, opts: FaultOptions): Promise<FaultProxy> {
  const to = new URL(target);
  const denied = new Set(opts.deny ?? []);
  const sockets = new Set<Socket>();
  const seen = new Map<string, number>();
  let forwarded = 0;
  let dead = false;
  const server: Server = createServer((req, res) => {
    const service = serviceOf(req);
    seen.set(service, (seen.get(service) ?? 0) + 1);
    if (dead || (opts.dieAfter !== undefined && forwarded >= opts.dieAfter)) {
      req.socket.destroy();
      return;
    }
    if (denied.has(service)) {
      req.resume();
      deny(service, res);
      return;
    }
    forwarded++;
    const last = opts.dieAfter !== undefined && forwarded >= opts.dieAfter;
    const up = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      if (last) res.on('finish', () => die());
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  const die = (): void => {
    dead = true;
    server.close();
    for (const s of sockets) s.destroy();
  };
  server.on('connection', (s) => {
    if (dead) {
      s.destroy();
      return;
    }
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    get forwarded() {
      return forwarded;
    },
    stop: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        if (!server.listening) return ok();
        server.close(() => ok());
      }),
  };
}
