// One execution, live: its detail from the API, then the stream's messages folded in.
import { useCallback, useEffect, useRef, useState } from 'react';
import { get } from '../api/client';
import { openStream, type Stream } from '../api/stream';
import type { ExecutionDetail, StreamMessage } from '../api/types';
import { applyMessages, emptyRun, fromDetail, isFinished, type RunState } from './runState';

export type Connection = 'connecting' | 'open' | 'closed';

export function useRun(executionId: string) {
  const [state, setState] = useState<RunState>(emptyRun);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [error, setError] = useState<Error | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const stream = useRef<Stream | null>(null);

  const refresh = useCallback(async () => {
    try {
      const detail = await get<ExecutionDetail>(`/executions/${encodeURIComponent(executionId)}`);
      setState((s) => fromDetail(detail, s));
      setError(null);
    } catch (e) {
      setError(e as Error);
    }
  }, [executionId]);

  useEffect(() => {
    setState(emptyRun());
    void refresh();
    // Messages arriving in one burst are folded together, so a 1,000-branch map renders once per frame.
    let queue: StreamMessage[] = [];
    let frame = 0;
    let closed = false;
    const flush = () => {
      frame = 0;
      const batch = queue;
      queue = [];
      setState((s) => applyMessages(s, batch));
    };
    const receive = (msg: StreamMessage) => {
      queue.push(msg);
      if (!frame) frame = requestAnimationFrame(flush);
      if (msg.type === 'execution_completed' || msg.type === 'execution_paused') setTimeout(() => void refresh(), 50);
    };
    // What happened before the page opened comes in one request (the journal as stream messages), not as thousands
    // of socket frames; the socket then starts after the last of them.
    let caughtUp = -1;
    void get<StreamMessage[]>(`/executions/${encodeURIComponent(executionId)}/events`)
      .then((missed) => {
        for (const m of missed) if (m.offset >= 0) receive(m);
        caughtUp = missed.reduce((max, m) => Math.max(max, m.offset), -1);
      })
      .catch(() => undefined) // the socket replays everything instead
      .finally(() => {
        if (closed) return;
        stream.current = openStream(executionId, {
          lastOffset: () => Math.max(stateRef.current.lastOffset, caughtUp),
          onState: setConnection,
          onMessage: receive,
        });
      });
    return () => {
      closed = true;
      cancelAnimationFrame(frame);
      stream.current?.close();
    };
  }, [executionId, refresh]);

  // While running, the detail is re-read now and then: the stream carries steps, the detail the run's fields.
  useEffect(() => {
    if (isFinished(state.status)) return;
    const timer = setInterval(() => void refresh(), 5000);
    return () => clearInterval(timer);
  }, [state.status, refresh]);

  return { state, connection, error, refresh };
}
