import { describe, expect, test } from 'vitest';
import { parseSse, type SseEvent } from '../../../lib/sync/sse';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(enc.encode(c));
      controller.close();
    },
  });
}

async function collect(chunks: string[]): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const e of parseSse(streamOf(chunks))) out.push(e);
  return out;
}

describe('parseSse', () => {
  test.each<[string, string[], SseEvent[]]>([
    ['one event', ['event: tip\ndata: {"id":"t1"}\n\n'], [{ event: 'tip', data: '{"id":"t1"}', id: null }]],
    ['comments and retry are skipped', ['retry: 3000\n: connected\n\n: heartbeat\n\n'], []],
    [
      'split across chunks, CRLF split too',
      ['event: kp', 'is\r', '\ndata: {"changed"', ':true}\r\n\r\n'],
      [{ event: 'kpis', data: '{"changed":true}', id: null }],
    ],
    ['multi-line data and id', ['id: 7\ndata: a\ndata: b\n\n'], [{ event: 'message', data: 'a\nb', id: '7' }]],
    [
      'two events in one chunk',
      ['event: tip\ndata: 1\n\nevent: library\ndata: 2\n\n'],
      [
        { event: 'tip', data: '1', id: null },
        { event: 'library', data: '2', id: null },
      ],
    ],
    ['an unterminated event at the end is not emitted', ['event: tip\ndata: 1\n'], []],
  ])('%s', async (_name, chunks, expected) => {
    expect(await collect(chunks)).toEqual(expected);
  });

  test('reports every chunk, heartbeats included, for the silence watchdog', async () => {
    let chunks = 0;
    for await (const _ of parseSse(streamOf([': heartbeat\n\n', ': heartbeat\n\n', 'data: x\n\n']), () => chunks++)) {
      // drain
    }
    expect(chunks).toBe(3);
  });
});
