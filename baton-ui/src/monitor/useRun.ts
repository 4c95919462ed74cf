// One execution, live: its detail from the API, then the stream's messages after the detail's offset folded in.
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
  const current = useRef(executionId);
  current.current = executionId;

  const refresh = useCallback(async (): Promise<ExecutionDetail | null> => {
    try {
      const detail = await get<ExecutionDetail>(`/executions/${encodeURIComponent(executionId)}`);
      // a detail of the run shown before (the page moved to a re-run) arriving late is not this run's
      setState((s) => (detail.id === current.current ? fromDetail(detail, s) : s));
      setError(null);
      return detail;
    } catch (e) {
      setError(e as Error);
      return null;
    }
  }, [executionId]);

  useEffect(() => {
    setState(emptyRun());
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
    // The detail is the run's state up to its offset: the page shows it and the socket starts after that offset, so
    // a long history (a 1,000-branch map is 4,000 messages) is neither sent nor folded. Without a detail the socket
    // replays everything.
    let start = -1;
    void refresh()
      .then((detail) => (start = detail?.offset ?? -1))
      .finally(() => {
        if (closed) return;
        stream.current = openStream(executionId, {
          lastOffset: () => Math.max(stateRef.current.lastOffset, start),
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
