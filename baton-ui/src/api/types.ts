// The shapes of docs/api-contract.md, as the UI reads them.
import type { WorkflowDef } from '../model/definition';

export type Lang = 'en' | 'zh' | 'ja';
export type Localized = Partial<Record<Lang, string>>;

export interface NodeType {
  type: string;
  category: 'control' | 'flow' | 'action' | 'agent' | 'human' | 'data' | 'module' | string;
  label: Localized;
  description: Localized;
  icon?: string;
  configSchema: JsonSchema;
  composite: boolean;
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  $ref?: string;
  [k: string]: unknown;
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  pointer?: string | null;
  stepId?: string | null;
  line?: number | null;
  column?: number | null;
  hint?: string | null;
}

export interface ValidationResult {
  valid: boolean;
  diagnostics: Diagnostic[];
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface WorkflowSummary {
  id: string;
  name?: string;
  description?: string;
  latestVersion?: string;
  publishedVersion?: string | null;
  updatedAt?: string;
}

export interface Workflow {
  id: string;
  name?: string;
  description?: string;
  version: string;
  status: 'draft' | 'published';
  definition: WorkflowDef;
  createdAt?: string;
  updatedAt?: string;
}

export interface VersionInfo {
  version: string;
  status: 'draft' | 'published';
  createdAt?: string;
}

export type RunStatus = 'PENDING' | 'RUNNING' | 'PAUSED' | 'WAITING' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT';
export type StepStatus =
  | 'PENDING'
  | 'READY'
  | 'RUNNING'
  | 'WAITING'
  | 'RETRYING'
  | 'COMPLETED'
  | 'FAILED'
  | 'SKIPPED'
  | 'CANCELLED';

export interface Execution {
  id: string;
  workflowId: string;
  workflowVersion?: string;
  status: RunStatus;
  createdAt?: string;
}

export interface StepError {
  kind?: string;
  category?: string;
  message?: string;
}

export interface StepDetail {
  path: string;
  stepId: string;
  type?: string;
  status: StepStatus;
  attempt?: number;
  input?: unknown;
  output?: unknown;
  error?: StepError | null;
  startedAt?: string | null;
  endedAt?: string | null;
  durationMs?: number | null;
  waitId?: string | null;
  tokens?: number | { input?: number; output?: number; total?: number } | null;
  cost?: number | null;
}

export interface PendingInput {
  waitId: string;
  executionId: string;
  path: string;
  stepId: string;
  prompt?: string;
  form?: JsonSchema | null;
  assignees?: string[];
  createdAt?: string;
  deadline?: string | null;
}

export interface ExecutionDetail extends Execution {
  inputs?: Record<string, unknown>;
  outputs?: unknown;
  error?: StepError | null;
  failedStep?: string | null;
  startedAt?: string | null;
  endedAt?: string | null;
  steps: StepDetail[];
  pendingInputs?: PendingInput[];
  /** The stream offset of the last journal event this state includes (-1: none); the stream is followed after it. */
  offset?: number;
}

export type StreamType =
  | 'execution_started'
  | 'node_started'
  | 'node_completed'
  | 'node_failed'
  | 'execution_completed'
  | 'execution_paused'
  | 'log'
  | 'user_input_required'
  | 'token'
  | string;

export interface StreamMessage {
  type: StreamType;
  offset: number;
  executionId: string;
  timestamp: string;
  data: unknown;
  /** A transient message (streamed tokens, a step's log line): it carries the offset of the last journal event, and is never replayed. */
  live?: boolean;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Diagnostic[];
}
