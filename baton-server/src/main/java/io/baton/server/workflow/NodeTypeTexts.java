package io.baton.server.workflow;

import java.util.Map;

/**
 * What the palette shows of each step type (the engine's and the AI module's), in English,
 * Simplified Chinese and Japanese.
 */
final class NodeTypeTexts {
  private record Text(
      String category,
      String icon,
      boolean composite,
      String en,
      String zh,
      String ja,
      String enDesc,
      String zhDesc,
      String jaDesc) {}

  private static final Map<String, Text> TEXTS =
      Map.ofEntries(
          Map.entry(
              "llm",
              new Text(
                  "agent",
                  "message-square",
                  false,
                  "LLM call",
                  "大模型调用",
                  "LLM 呼び出し",
                  "Sends one prompt to a model and returns its answer.",
                  "向模型发送一个提示并返回回答。",
                  "モデルにプロンプトを一つ送り、回答を返します。")),
          Map.entry(
              "agent",
              new Text(
                  "agent",
                  "bot",
                  false,
                  "Agent",
                  "智能体",
                  "エージェント",
                  "Runs a registered agent on the step's task.",
                  "让已注册的智能体执行该步骤的任务。",
                  "登録済みのエージェントにステップのタスクを実行させます。")),
          Map.entry(
              "chat",
              new Text(
                  "agent",
                  "messages",
                  false,
                  "Chat agent",
                  "对话智能体",
                  "チャットエージェント",
                  "Answers in a conversation with memory.",
                  "在有记忆的对话中回答。",
                  "記憶を持つ会話で応答します。")),
          Map.entry(
              "react",
              new Text(
                  "agent",
                  "wrench",
                  false,
                  "ReAct agent",
                  "ReAct 智能体",
                  "ReAct エージェント",
                  "Reasons and calls tools until it has an answer.",
                  "推理并调用工具直到得出答案。",
                  "答えが出るまで推論し、ツールを呼び出します。")),
          Map.entry(
              "plan",
              new Text(
                  "agent",
                  "list-checks",
                  false,
                  "Planner",
                  "规划智能体",
                  "プランナー",
                  "Plans tasks, runs them as steps, then summarises.",
                  "规划任务并作为步骤执行，然后汇总。",
                  "タスクを計画してステップとして実行し、要約します。")),
          Map.entry(
              "rag",
              new Text(
                  "agent",
                  "book-open",
                  false,
                  "Retrieval (RAG)",
                  "检索增强 (RAG)",
                  "検索拡張 (RAG)",
                  "Answers from documents, with citations.",
                  "基于文档回答并给出引用。",
                  "文書に基づき、引用付きで回答します。")),
          Map.entry(
              "code",
              new Text(
                  "agent",
                  "code",
                  false,
                  "Code agent",
                  "代码智能体",
                  "コードエージェント",
                  "Writes JavaScript and runs it in the sandbox.",
                  "编写 JavaScript 并在沙箱中运行。",
                  "JavaScript を書き、サンドボックスで実行します。")),
          Map.entry(
              "multimodal",
              new Text(
                  "agent",
                  "image",
                  false,
                  "Multimodal agent",
                  "多模态智能体",
                  "マルチモーダルエージェント",
                  "Works on text and images.",
                  "处理文本和图像。",
                  "テキストと画像を扱います。")),
          Map.entry(
              "supervisor",
              new Text(
                  "agent",
                  "users",
                  false,
                  "Supervisor",
                  "主管",
                  "スーパーバイザー",
                  "A model picks the next agent until the work is done.",
                  "由模型选择下一个智能体，直到完成。",
                  "完了までモデルが次のエージェントを選びます。")),
          Map.entry(
              "handoff",
              new Text(
                  "agent",
                  "arrow-right-left",
                  false,
                  "Handoff",
                  "交接",
                  "ハンドオフ",
                  "Agents hand the work to each other.",
                  "智能体之间相互交接工作。",
                  "エージェント同士で作業を引き継ぎます。")),
          Map.entry(
              "debate",
              new Text(
                  "agent",
                  "scale",
                  false,
                  "Debate",
                  "辩论",
                  "ディベート",
                  "Agents argue in rounds; a judge decides.",
                  "智能体多轮辩论，由裁判决定。",
                  "エージェントが討論し、審判が判断します。")),
          Map.entry(
              "vote",
              new Text(
                  "agent",
                  "vote",
                  false,
                  "Vote",
                  "投票",
                  "投票",
                  "Agents answer and the majority wins.",
                  "智能体分别回答，多数胜出。",
                  "各エージェントが回答し、多数決で決めます。")),
          Map.entry(
              "swarm",
              new Text(
                  "agent",
                  "network",
                  false,
                  "Swarm",
                  "群体",
                  "スウォーム",
                  "Agents work side by side; results are merged.",
                  "智能体并行工作，结果合并。",
                  "エージェントが並行して作業し、結果を統合します。")),
          Map.entry(
              "group-chat",
              new Text(
                  "agent",
                  "messages-square",
                  false,
                  "Group chat",
                  "群聊",
                  "グループチャット",
                  "Agents take turns in one conversation until a condition ends it.",
                  "智能体在同一对话中轮流发言，直到满足结束条件。",
                  "エージェントが一つの会話で順番に発言し、条件を満たすと終了します。")),
          Map.entry(
              "supervisor-turn",
              new Text(
                  "agent",
                  "message-circle",
                  false,
                  "Supervisor turn",
                  "主管轮次",
                  "スーパーバイザーのターン",
                  "One turn of a supervisor: its decision and the turn of the agent it picked.",
                  "主管的一个轮次：主管的决定以及被选中智能体的发言。",
                  "スーパーバイザーの一ターン：その判断と、選ばれたエージェントの発言です。")),
          Map.entry(
              "handoff-turn",
              new Text(
                  "agent",
                  "message-circle",
                  false,
                  "Handoff turn",
                  "交接轮次",
                  "ハンドオフのターン",
                  "One turn of a handoff: an agent answers or hands the request to another.",
                  "交接的一个轮次：智能体作答，或将请求交给另一个智能体。",
                  "ハンドオフの一ターン：エージェントが回答するか、別のエージェントに引き継ぎます。")),
          Map.entry(
              "group-chat-turn",
              new Text(
                  "agent",
                  "message-circle",
                  false,
                  "Group chat turn",
                  "群聊发言轮次",
                  "グループチャットの発言ターン",
                  "One turn of a group chat: the step a group chat's child run takes each turn in.",
                  "群聊的一个发言轮次：群聊的子运行中每个轮次对应的步骤。",
                  "グループチャットの一ターン：グループチャットの子ランで各ターンを実行するステップです。")),
          Map.entry(
              "debate-turn",
              new Text(
                  "agent",
                  "message-circle",
                  false,
                  "Debate turn",
                  "辩论轮次",
                  "ディベートのターン",
                  "One turn of a debate: a debater's position, or the judge's verdict.",
                  "辩论的一个轮次：一位辩手的立场，或裁判的裁决。",
                  "ディベートの一ターン：討論者の主張、または審判の判定です。")),
          Map.entry(
              "vote-turn",
              new Text(
                  "agent",
                  "message-circle",
                  false,
                  "Ballot",
                  "投票",
                  "投票",
                  "One agent's ballot in a vote, with its reason.",
                  "一个智能体在投票中的一票及其理由。",
                  "投票における一エージェントの一票とその理由です。")),
          Map.entry(
              "swarm-turn",
              new Text(
                  "agent",
                  "message-circle",
                  false,
                  "Swarm member",
                  "群体成员",
                  "スウォームのメンバー",
                  "One swarm member's answer, or the merge of all the answers.",
                  "一个群体成员的回答，或对所有回答的汇总。",
                  "スウォームの一メンバーの回答、またはすべての回答の統合です。")),
          Map.entry(
              "start",
              new Text(
                  "control",
                  "play",
                  false,
                  "Start",
                  "开始",
                  "開始",
                  "Where the workflow begins.",
                  "工作流的起点。",
                  "ワークフローの開始点。")),
          Map.entry(
              "end",
              new Text(
                  "control",
                  "stop",
                  false,
                  "End",
                  "结束",
                  "終了",
                  "Ends the run with its outputs.",
                  "以输出结束运行。",
                  "出力を返して実行を終了します。")),
          Map.entry(
              "condition",
              new Text(
                  "flow",
                  "git-branch",
                  false,
                  "Condition",
                  "条件",
                  "条件",
                  "Takes one of two paths by an expression.",
                  "按表达式选择两条路径之一。",
                  "式に従って二つの経路の一方を選びます。")),
          Map.entry(
              "switch",
              new Text(
                  "flow",
                  "split",
                  false,
                  "Switch",
                  "分支选择",
                  "スイッチ",
                  "Takes the path of the first matching case.",
                  "选择第一个匹配分支的路径。",
                  "最初に一致したケースの経路を選びます。")),
          Map.entry(
              "parallel",
              new Text(
                  "flow",
                  "columns",
                  true,
                  "Parallel",
                  "并行",
                  "並列",
                  "Runs branches at the same time.",
                  "同时运行多个分支。",
                  "複数の分岐を同時に実行します。")),
          Map.entry(
              "map",
              new Text(
                  "flow",
                  "layers",
                  true,
                  "Map",
                  "映射",
                  "マップ",
                  "Runs its steps once per item of a list.",
                  "对列表中的每一项运行一次其步骤。",
                  "リストの各要素ごとにステップを実行します。")),
          Map.entry(
              "loop",
              new Text(
                  "flow",
                  "repeat",
                  true,
                  "Loop",
                  "循环",
                  "ループ",
                  "Repeats its steps while a condition holds.",
                  "在条件成立时重复其步骤。",
                  "条件が成り立つ間ステップを繰り返します。")),
          Map.entry(
              "subworkflow",
              new Text(
                  "flow",
                  "workflow",
                  false,
                  "Subworkflow",
                  "子工作流",
                  "サブワークフロー",
                  "Runs another workflow and waits for it.",
                  "运行另一个工作流并等待其完成。",
                  "別のワークフローを実行し、完了を待ちます。")),
          Map.entry(
              "wait",
              new Text(
                  "control",
                  "clock",
                  false,
                  "Wait",
                  "等待",
                  "待機",
                  "Waits for a time, a date or an event.",
                  "等待一段时间、某个时刻或某个事件。",
                  "時間・日時・イベントを待ちます。")),
          Map.entry(
              "human",
              new Text(
                  "human",
                  "user",
                  false,
                  "Human input",
                  "人工输入",
                  "人による入力",
                  "Asks a person and waits for the answer.",
                  "向人提问并等待回答。",
                  "人に質問し、回答を待ちます。")),
          Map.entry(
              "transform",
              new Text(
                  "data",
                  "shuffle",
                  false,
                  "Transform",
                  "转换",
                  "変換",
                  "Computes a value from the run's data.",
                  "根据运行数据计算一个值。",
                  "実行のデータから値を計算します。")),
          Map.entry(
              "event",
              new Text(
                  "data",
                  "radio",
                  false,
                  "Event",
                  "事件",
                  "イベント",
                  "Publishes an event.",
                  "发布一个事件。",
                  "イベントを発行します。")),
          Map.entry(
              "module",
              new Text(
                  "module",
                  "box",
                  false,
                  "Module",
                  "模块",
                  "モジュール",
                  "Calls an MPLP coordination module.",
                  "调用 MPLP 协调模块的操作。",
                  "MPLP 協調モジュールの操作を呼び出します。")),
          Map.entry(
              "tool",
              new Text(
                  "action",
                  "wrench",
                  false,
                  "Tool",
                  "工具",
                  "ツール",
                  "Calls a registered tool.",
                  "调用已注册的工具。",
                  "登録済みのツールを呼び出します。")),
          Map.entry(
              "task",
              new Text(
                  "agent",
                  "bot",
                  false,
                  "Task",
                  "任务",
                  "タスク",
                  "Hands work to the agent with a capability.",
                  "把工作交给具备某种能力的智能体。",
                  "能力を持つエージェントに作業を任せます。")));

  private NodeTypeTexts() {}

  /** The catalogue entry of {@code type} with {@code schema}; extension types get neutral texts. */
  static NodeType of(String type, Map<String, Object> schema) {
    Text t = TEXTS.get(type);
    if (t == null) {
      String description = "A step type added by an extension.";
      return new NodeType(
          type,
          "action",
          Map.of("en", type, "zh", type, "ja", type),
          Map.of("en", description, "zh", "由扩展添加的步骤类型。", "ja", "拡張機能が追加したステップ型。"),
          "puzzle",
          schema,
          false);
    }
    return new NodeType(
        type,
        t.category(),
        Map.of("en", t.en(), "zh", t.zh(), "ja", t.ja()),
        Map.of("en", t.enDesc(), "zh", t.zhDesc(), "ja", t.jaDesc()),
        t.icon(),
        schema,
        t.composite());
  }
}
