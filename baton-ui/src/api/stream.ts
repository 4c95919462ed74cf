// The execution stream over the WebSocket: subscribes after the last offset seen, reconnects with back-off.
import { apiKey } from './client';
import type { StreamMessage } from './types';

export interface StreamHandlers {
  onMessage(msg: StreamMessage): void;
  onState?(state: 'connecting' | 'open' | 'closed'): void;
  /** The last offset seen, asked again on every (re)connect. */
  lastOffset(): number;
}

export interface Stream {
  send(msg: unknown): boolean;
  close(): void;
}

export function streamUrl(executionId: string, location: Pick<Location, 'protocol' | 'host'>, key: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const q = key ? `?api_key=${encodeURIComponent(key)}` : '';
  return `${scheme}//${location.host}/ws/v1/executions/${encodeURIComponent(executionId)}${q}`;
}

export function openStream(executionId: string, handlers: StreamHandlers): Stream {
  let socket: WebSocket | null = null;
  let closed = false;
  let delay = 500;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    handlers.onState?.('connecting');
    socket = new WebSocket(streamUrl(executionId, window.location, apiKey()));
    socket.onopen = () => {
      delay = 500;
      handlers.onState?.('open');
      const after = handlers.lastOffset();
      // batch: messages waiting together arrive as one array frame (a large run catches up in a few frames)
      socket?.send(JSON.stringify(after >= 0 ? { type: 'subscribe', after, batch: true } : { type: 'subscribe', batch: true }));
    };
    socket.onmessage = (event) => {
      try {
        const parsed = JSON.parse(String(event.data)) as StreamMessage | StreamMessage[];
        for (const m of Array.isArray(parsed) ? parsed : [parsed]) handlers.onMessage(m);
      } catch {
        // A frame that is not JSON is not ours to interpret.
      }
    };
    socket.onclose = () => {
      handlers.onState?.('closed');
      if (closed) return;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10_000);
    };
  };
  connect();

  return {
    send(msg) {
      if (socket?.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(msg));
      return true;
    },
    close() {
      closed = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}
