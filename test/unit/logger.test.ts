import { Writable } from 'node:stream';
import { createLogger } from '../../platform/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('test', 'info', stream), lines };
}

describe('structured logs', () => {
  it('mask phone numbers in messages and in logged objects, and never print an API key', () => {
    const { logger, lines } = capture();
    logger.info(
      { to: '01012345678', nested: { text: '고객 010-9876-5432 님' }, apiKey: 'bmk_secret' },
      'sent to 010-2222-3333',
    );
    const entry = JSON.parse(lines[0]);
    expect(entry.to).toBe('010-****-5678');
    expect(entry.nested.text).toBe('고객 010-****-5432 님');
    expect(entry.msg).toBe('sent to 010-****-3333');
    expect(entry.apiKey).toBe('[redacted]');
    expect(lines[0]).not.toMatch(/12345678|98765432|22223333|bmk_secret/);
  });

  it('are JSON lines with a level, a time and the service name', () => {
    const { logger, lines } = capture();
    logger.warn('careful');
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 40,
      service: 'test',
      msg: 'careful',
      time: expect.any(String),
    });
  });
});
