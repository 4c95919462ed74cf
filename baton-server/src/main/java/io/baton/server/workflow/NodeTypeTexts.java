package io.baton.server.workflow;

import java.util.Map;

/** What the palette shows of each step type, in English, Simplified Chinese and Japanese. */
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
