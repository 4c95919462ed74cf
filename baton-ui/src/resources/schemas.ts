// The JSON Schemas of the forms for agents (the fields of an agent file, docs/agents.md) and MCP servers (the body
// of POST /api/v1/mcp-servers), with their descriptions in each language of the UI.
import type { JsonSchema, Lang, Localized } from '../api/types';

/** A JSON Schema whose descriptions are given per language. */
export type LocalizedSchema = Omit<JsonSchema, 'description' | 'properties'> & {
  description?: Localized;
  properties?: Record<string, LocalizedSchema>;
};

/** The schema with each description in `lang` (English when a language lacks one). */
export function localize(schema: LocalizedSchema, lang: Lang): JsonSchema {
  const { description, properties, ...rest } = schema;
  const out: JsonSchema = { ...rest };
  if (description) out.description = description[lang] ?? description.en;
  if (properties) out.properties = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, localize(v, lang)]));
  return out;
}

const names: LocalizedSchema = {
  oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
};

export const AGENT_SCHEMA: LocalizedSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', description: { en: 'What steps call it: agent: <name>', zh: '步骤引用它的名称：agent: <name>', ja: 'ステップが呼ぶ名前：agent: <name>' } },
    version: { type: 'string', description: { en: 'Each save registers a new version; steps use the latest, or <name>@<version>', zh: '每次保存都会注册一个新版本；步骤使用最新版本，或 <name>@<version>', ja: '保存するたびに新しいバージョンが登録されます。ステップは最新版か <name>@<version> を使います' } },
    type: { enum: ['chat', 'react', 'plan', 'tool', 'rag', 'code', 'multimodal'], description: { en: 'How it works (another registered type can be written in YAML)', zh: '工作方式（其他已注册的类型可在 YAML 中填写）', ja: '動作の種類（ほかに登録された種類は YAML で書けます）' } },
    role: { type: 'string', description: { en: 'Its role, shown to the model and to other agents', zh: '其角色，告知模型和其他智能体', ja: 'その役割。モデルとほかのエージェントに示されます' } },
    description: { type: 'string', description: { en: 'What it does', zh: '它做什么', ja: '何をするか' } },
    capabilities: { ...names, description: { en: 'What it can do, comma-separated (for discovery)', zh: '它的能力，用逗号分隔（用于发现）', ja: 'できること。カンマ区切り（検索用）' } },
    model: { type: 'object', description: { en: 'The model: {use: provider/model, fallbacks, temperature, maxTokens}; {use: offline} needs no provider', zh: '模型：{use: 提供方/模型, fallbacks, temperature, maxTokens}；{use: offline} 无需提供方', ja: 'モデル：{use: プロバイダー/モデル, fallbacks, temperature, maxTokens}。{use: offline} はプロバイダー不要' } },
    systemPrompt: { type: 'string', description: { en: 'The system prompt', zh: '系统提示词', ja: 'システムプロンプト' } },
    tools: { ...names, description: { en: 'The tools it may call, comma-separated (MCP tools are <server>_<tool>)', zh: '可调用的工具，用逗号分隔（MCP 工具为 <server>_<tool>）', ja: '呼べるツール。カンマ区切り（MCP のツールは <server>_<tool>）' } },
    memory: { type: 'object', description: { en: 'Conversation memory: {window: 20, summarize: true} or {maxTokens: 4000}', zh: '对话记忆：{window: 20, summarize: true} 或 {maxTokens: 4000}', ja: '会話の記憶：{window: 20, summarize: true} または {maxTokens: 4000}' } },
    maxIterations: { type: 'integer', minimum: 1, description: { en: 'The most turns of a react agent', zh: 'react 智能体的最大轮数', ja: 'react エージェントの最大ターン数' } },
    outputSchema: { type: 'object', description: { en: 'The JSON Schema its answer must match', zh: '回答必须符合的 JSON Schema', ja: '回答が従う JSON Schema' } },
    options: { type: 'object', description: { en: 'Options of its type (rag: documents, topK; plan: maxTasks; code: timeLimitMs)', zh: '该类型的选项（rag：documents、topK；plan：maxTasks；code：timeLimitMs）', ja: '種類ごとのオプション（rag: documents, topK / plan: maxTasks / code: timeLimitMs）' } },
  },
};

export const MCP_SCHEMA: LocalizedSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', description: { en: 'Letters, digits or -; its tools are named <name>_<tool>', zh: '字母、数字或 -；其工具命名为 <name>_<tool>', ja: '英数字または -。ツール名は <name>_<tool> になります' } },
    transport: { enum: ['stdio', 'http', 'sse'], description: { en: 'stdio starts the command; http (streamable) and sse connect to the URL', zh: 'stdio 启动命令；http（可流式）和 sse 连接到 URL', ja: 'stdio はコマンドを起動し、http（ストリーミング可）と sse は URL に接続します' } },
    command: { type: 'array', items: { type: 'string' }, description: { en: 'For stdio: the program and its arguments, a YAML list', zh: 'stdio：程序及其参数，YAML 列表', ja: 'stdio 用：プログラムと引数（YAML のリスト）' } },
    environment: { type: 'object', description: { en: 'For stdio: variables set for the process (the server keeps only their names visible)', zh: 'stdio：为进程设置的环境变量（服务器只显示名称）', ja: 'stdio 用：プロセスの環境変数（サーバーは名前だけを表示します）' } },
    url: { type: 'string', description: { en: 'For http and sse: the endpoint', zh: 'http 和 sse：端点地址', ja: 'http と sse 用：エンドポイント' } },
    timeoutMs: { type: 'integer', minimum: 1, description: { en: 'The limit on one tool call, in ms (default 60000)', zh: '单次工具调用的时限，毫秒（默认 60000）', ja: '1 回のツール呼び出しの上限（ミリ秒、既定 60000）' } },
  },
};
