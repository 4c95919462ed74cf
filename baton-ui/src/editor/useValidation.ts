// Asks the server to validate the definition a moment after each change, and places the diagnostics.
import { useEffect, useState } from 'react';
import { ApiError, post } from '../api/client';
import type { ValidationResult } from '../api/types';
import { heldDefinition, useEditor } from './store';

export type ValidationStatus = 'idle' | 'checking' | 'done' | 'offline';

export function useValidation(delayMs = 400): ValidationStatus {
  const def = useEditor(heldDefinition);
  const [status, setStatus] = useState<ValidationStatus>('idle');
  useEffect(() => {
    if (def.steps.length === 0) return;
    let live = true;
    const timer = setTimeout(() => {
      setStatus('checking');
      post<ValidationResult>('/workflows/validate', def)
        .then((r) => {
          if (!live) return;
          useEditor.getState().setDiagnostics(r.diagnostics ?? []);
          setStatus('done');
        })
        .catch((e: unknown) => {
          if (!live) return;
          // A 400/422 may still carry the diagnostics as a problem document.
          if (e instanceof ApiError && e.problem.errors) {
            useEditor.getState().setDiagnostics(e.problem.errors);
            setStatus('done');
          } else setStatus('offline');
        });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [def, delayMs]);
  return status;
}
