// The log lines of a run from before the page opened: the page starts from the run's detail, so these were never
// streamed to it. Read from the run's history when a drawer opens.
import { useEffect, useState } from 'react';
import { get } from '../api/client';
import type { StreamMessage } from '../api/types';
import { logLine, type LogLine } from './runState';

export function useHistoryLogs(executionId: string, upTo: number): LogLine[] {
  const [lines, setLines] = useState<LogLine[]>([]);
  useEffect(() => {
    setLines([]);
    if (upTo < 0) return;
    let current = true;
    get<StreamMessage[]>(`/executions/${encodeURIComponent(executionId)}/events`)
      .then((messages) => {
        if (current) setLines(messages.filter((m) => m.type === 'log' && m.offset <= upTo).map(logLine));
      })
      .catch(() => undefined); // the drawer still shows the lines streamed since
    return () => {
      current = false;
    };
  }, [executionId, upTo]);
  return lines;
}
