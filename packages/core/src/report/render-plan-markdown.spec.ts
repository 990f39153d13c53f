import { planFixture } from '../../../../tools/testing/plan-fixture';
import { renderPlanMarkdown } from './render-plan-markdown';

describe('renderPlanMarkdown', () => {
  it('renders the title, the picture, a table per wave and the reasons', () => {
    expect(renderPlanMarkdown(planFixture())).toMatchInlineSnapshot(`
"## codewaves plan: 6 tasks in 3 waves (lower bound 3, optimal), predicted speed-up 1.75x

From \`3f1c2a9b7e\`; hotspots serialised; at most 4 agents at once.

\`\`\`mermaid
flowchart LR
  subgraph w1 ["Wave 1"]
    t1["Create the validation library"]
    t2["Refactor error handling (orders) #124; phase 1"]
    t3["Update the README's #91;Usage#93; section"]
  end
  subgraph w2 ["Wave 2"]
    t4["Paginate the product listing"]
    t5["Add #quot;strict#quot; validation to POST /api/users #91;v2#93;"]
  end
  subgraph w3 ["Wave 3"]
    t6["Document the users API"]
  end
  w1 ~~~ w2 ~~~ w3
  t1 --> t5
  t1 -.->|reads| t4
  t5 -.->|reads| t6
  t2 -.-|"apps/api/src/errors.ts +1 more"| t5
\`\`\`

### Wave 1

| Task | Project | Title | Predicted writes | Lowest confidence |
| --- | --- | --- | --- | --- |
| \`create-validation-lib\` | validation | Create the validation library | \`libs/validation/src/**\`, \`libs/validation/src/index.ts\` | 80% |
| \`error-refactor\` | api | Refactor error handling (orders) \\| phase 1 | \`apps/api/src/errors.ts\`, \`apps/api/src/orders.ts\`, \`package.json\` | 40% |
| \`readme\` | - | Update the README's \\[Usage\\] section | \`README.md\` | 100% |

### Wave 2

| Task | Project | Title | Predicted writes | Lowest confidence |
| --- | --- | --- | --- | --- |
| \`paginate-products\` | api | Paginate the product listing | \`apps/api/src/products.ts\` | 75% |
| \`users-validation\` | api | Add "strict" validation to POST /api/users \\[v2\\] | \`apps/api/src/routes/users.ts\`, \`apps/api/src/errors.ts\`, \`apps/api/src/routes/users.spec.ts\`, +1 more | 60% |

### Wave 3

| Task | Project | Title | Predicted writes | Lowest confidence |
| --- | --- | --- | --- | --- |
| \`api-docs\` | docs | Document the users API | \`docs/api.md\` | 60% |

### Why tasks were kept apart

- \`users-validation\` depends on \`create-validation-lib\`
- \`paginate-products\` reads \`libs/validation/src/index.ts\` that \`create-validation-lib\` writes
- \`api-docs\` reads \`apps/api/src/routes/users.ts\` that \`users-validation\` writes
- \`error-refactor\` and \`users-validation\` both write \`apps/api/src/errors.ts\`, \`package.json\`

### What the prediction could not see

- shallow clone: no history evidence (\`readme\`)"
`);
  });

  it('says when the wave count is not proven optimal and leaves out an absent concurrency', () => {
    const plan = planFixture();
    plan.stats = { ...plan.stats, optimal: false, lowerBound: 2 };
    plan.policy = { hotspots: 'merge' };
    const [title, , policy] = renderPlanMarkdown(plan).split('\n');
    expect(title).toBe('## codewaves plan: 6 tasks in 3 waves (lower bound 2), predicted speed-up 1.75x');
    expect(policy).toBe('From `3f1c2a9b7e`; hotspots left to the merge.');
  });

  it('keeps an empty plan to its title', () => {
    const plan = { ...planFixture(), tasks: [], edges: [], waves: [], stats: { tasks: 0, waves: 0, lowerBound: 0, optimal: true, predictedSpeedup: 1 } };
    expect(renderPlanMarkdown(plan)).not.toContain('```');
  });

  it('marks a fallback footprint and a task with no predicted writes', () => {
    const plan = planFixture();
    plan.tasks[0].footprint = { ...plan.tasks[0].footprint, writes: [], fallback: true };
    expect(renderPlanMarkdown(plan)).toContain('| `api-docs` | docs | Document the users API | - (project fallback) | - |');
  });
});
