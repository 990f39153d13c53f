import { planFixture } from '../../../../tools/testing/plan-fixture';
import { renderPlanMermaid } from './render-plan-mermaid';
import { renderPlanMarkdown } from './render-plan-markdown';

describe('renderPlanMermaid', () => {
  it('draws one subgraph per wave and every edge kind, with titles escaped', () => {
    expect(renderPlanMermaid(planFixture())).toMatchInlineSnapshot(`
"flowchart LR
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
  t2 -.-|"apps/api/src/errors.ts +1 more"| t5"
`);
  });

  it('is the picture inside the Markdown rendering', () => {
    const plan = planFixture();
    expect(renderPlanMarkdown(plan)).toContain('```mermaid\n' + renderPlanMermaid(plan) + '\n```');
  });

  it('names a task a wave lists but the plan does not', () => {
    const plan = planFixture();
    plan.waves[2].push('ghost');
    expect(() => renderPlanMermaid(plan)).toThrow('wave 3 names task ghost');
  });

  it('names an edge to a task that is in no wave', () => {
    const plan = planFixture();
    plan.edges.push({ kind: 'depends-on', from: 'readme', to: 'ghost', paths: [] });
    expect(() => renderPlanMermaid(plan)).toThrow('a depends-on edge names task ghost, which is in no wave of the plan');
  });

  it('draws a write-write edge without paths as a bare dotted line', () => {
    const plan = planFixture();
    plan.edges = [{ kind: 'write-write', from: 'readme', to: 'api-docs', paths: [] }];
    expect(renderPlanMermaid(plan).split('\n').pop()).toBe('  t3 -.- t6');
  });
});
