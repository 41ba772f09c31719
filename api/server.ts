/**
 * The API's HTTP server. Requests Node's own parser refuses before Express sees them (a header block
 * over 16 KB, a malformed request line) are answered in the one error shape too (SPEC §7).
 */
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';

const PARSER_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'the request line and headers exceed 16 KB'],
  HPE_URI_OVERFLOW: [414, 'uri_too_long', 'the request URI is too long'],
};

export function createApiServer(app: Express): Server {
  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const [status, code, message] = PARSER_ERRORS[err.code ?? ''] ?? [
      400,
      'malformed_request',
      'malformed HTTP request',
    ];
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${code}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
