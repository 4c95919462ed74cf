// The W8 workloads, shared by the benchmark and the browser tests.

/** 500 transform steps in 25 chains of 20, laid out on a grid (as a saved workflow is). */
export function bigWorkflow(n = 500) {
  const chains = 25;
  const steps = [];
  for (let i = 0; i < n; i++) {
    const chain = i % chains;
    const pos = Math.floor(i / chains);
    const step = { id: `s${i}`, type: 'transform', expression: `${i}`, ui: { x: pos * 260, y: chain * 110 } };
    if (pos > 0) step.dependsOn = [`s${i - chains}`];
    steps.push(step);
  }
  return { id: 'w8-editor', name: 'W8 editor', steps };
}

