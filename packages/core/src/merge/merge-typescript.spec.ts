import { mergeTypeScriptText } from './merge-typescript';

const merge = (base: string, ours: string, theirs: string, file = 'routes.ts') => mergeTypeScriptText(base, ours, theirs, file);

/** Lines compared as the guard does: trimmed, without a trailing comma. */
const lines = (text: string) => text.split('\n').map((line) => line.trim().replace(/,$/, '')).filter(Boolean);

/** True when `part`'s lines appear in `whole` in the same order: nothing of that side was lost. */
function isLineSubsequence(part: string, whole: string): boolean {
  const target = lines(whole);
  let at = 0;
  for (const line of lines(part)) {
    while (at < target.length && target[at] !== line) at++;
    if (at === target.length) return false;
    at++;
  }
  return true;
}

describe('mergeTypeScriptText: additive conflicts merge, everything else stays a conflict', () => {
  const base = `import { a } from './a';

export const routes = [
  { path: 'a', handler: a },
];

export class Api {
  get() {
    return routes;
  }
}
`;

  it('keeps imports, route entries and class members both sides added, ours first', () => {
    const ours = base
      .replace(`import { a } from './a';`, `import { a } from './a';\nimport { b } from './b';`)
      .replace(`  { path: 'a', handler: a },`, `  { path: 'a', handler: a },\n  { path: 'b', handler: b },`)
      .replace(`    return routes;\n  }`, `    return routes;\n  }\n\n  post() {\n    return 'b';\n  }`);
    const theirs = base
      .replace(`import { a } from './a';`, `import { a } from './a';\nimport { c } from './c';`)
      .replace(`  { path: 'a', handler: a },`, `  { path: 'a', handler: a },\n  { path: 'c', handler: c },`)
      .replace(`    return routes;\n  }`, `    return routes;\n  }\n\n  put() {\n    return 'c';\n  }`);
    const merged = merge(base, ours, theirs);
    expect(merged).toBe(`import { a } from './a';
import { b } from './b';
import { c } from './c';

export const routes = [
  { path: 'a', handler: a },
  { path: 'b', handler: b },
  { path: 'c', handler: c },
];

export class Api {
  get() {
    return routes;
  }

  post() {
    return 'b';
  }

  put() {
    return 'c';
  }
}
`);
  });

  it('merges specifiers added to the same import and entries added to a list without a trailing comma', () => {
    const b = `import { a } from './lib';\nexport const all = [\n  a\n];\n`;
    const o = `import { a, b } from './lib';\nexport const all = [\n  a,\n  b\n];\n`;
    const t = `import { a, c } from './lib';\nexport const all = [\n  a,\n  c\n];\n`;
    expect(merge(b, o, t)).toBe(`import { a, b, c } from './lib';\nexport const all = [\n  a,\n  b,\n  c\n];\n`);
  });

  it('merges entries both sides added to an Angular decorator and registrations added to one function', () => {
    const b = `@NgModule({\n  declarations: [AppComponent],\n})\nexport class AppModule {}\n\nexport function register(app: App) {\n  app.get('/a', a);\n}\n`;
    const o = `@NgModule({\n  declarations: [AppComponent, UsersComponent],\n})\nexport class AppModule {}\n\nexport function register(app: App) {\n  app.get('/a', a);\n  app.post('/users', users);\n}\n`;
    const t = `@NgModule({\n  declarations: [AppComponent, OrdersComponent],\n  providers: [OrdersService],\n})\nexport class AppModule {}\n\nexport function register(app: App) {\n  app.get('/a', a);\n  app.post('/orders', orders);\n}\n`;
    expect(merge(b, o, t)).toBe(
      `@NgModule({\n  declarations: [AppComponent, UsersComponent, OrdersComponent],\n  providers: [OrdersService],\n})\nexport class AppModule {}\n\nexport function register(app: App) {\n  app.get('/a', a);\n  app.post('/users', users);\n  app.post('/orders', orders);\n}\n`,
    );
  });

  it('keeps a sorted list sorted when both sides add to it', () => {
    const b = `export * from './alpha';\nexport * from './delta';\nexport * from './kilo';\n`;
    const o = `export * from './alpha';\nexport * from './charlie';\nexport * from './echo';\nexport * from './delta';\nexport * from './kilo';\n`;
    const t = `export * from './alpha';\nexport * from './bravo';\nexport * from './delta';\nexport * from './kilo';\n`;
    expect(merge(b, o, t)).toBe(`export * from './alpha';\nexport * from './bravo';\nexport * from './charlie';\nexport * from './echo';\nexport * from './delta';\nexport * from './kilo';\n`);
  });

  it('adds an identical import once', () => {
    const b = `export const x = 1;\n`;
    const o = `import { z } from './z';\nexport const x = 1;\nexport const y = z;\n`;
    const t = `import { z } from './z';\nexport const x = 1;\nexport const w = z;\n`;
    expect(merge(b, o, t)).toBe(`import { z } from './z';\nexport const x = 1;\nexport const y = z;\nexport const w = z;\n`);
  });

  it('keeps a licence header once when a side adds an import above the first one', () => {
    const b = `/* Licence */\n\nimport { a } from './a';\nexport const x = a;\n`;
    const o = `/* Licence */\n\nimport { a } from './a';\nexport const x = a;\nexport const y = 2;\n`;
    const t = `/* Licence */\n\nimport { z } from './z';\nimport { a } from './a';\nexport const x = a;\nexport const w = z;\n`;
    expect(merge(b, o, t)).toBe(`/* Licence */\n\nimport { z } from './z';\nimport { a } from './a';\nexport const x = a;\nexport const y = 2;\nexport const w = z;\n`);
  });

  it('keeps documentation with its statement when a side adds above the first one', () => {
    const b = `/* Licence */\n\n/** The answer. */\nexport const a = 42;\n`;
    const o = `/* Licence */\n\n/** The answer. */\nexport const a = 42;\nexport const y = 1;\n`;
    const t = `/* Licence */\n\nimport { c } from './c';\n/** The answer. */\nexport const a = 42;\n`;
    expect(merge(b, o, t)).toBe(`/* Licence */\n\nimport { c } from './c';\n/** The answer. */\nexport const a = 42;\nexport const y = 1;\n`);
    expect(merge(b, t, o)).toBe(`/* Licence */\n\nimport { c } from './c';\n/** The answer. */\nexport const a = 42;\nexport const y = 1;\n`);
  });

  it.each([
    ['both edit the same expression', `export const port = 3000;\n`, `export const port = 3001;\n`, `export const port = 3002;\n`],
    ['both rewrite the same unnamed statement', `app.listen(3000);\n`, `app.listen(3001);\n`, `app.listen(3002);\n`],
    ['both add a function of the same name', `export const a = 1;\n`, `export const a = 1;\nexport function f() {\n  return 1;\n}\n`, `export const a = 1;\nexport function f() {\n  return 2;\n}\n`],
    ['one removes what the other edits', `export function f() {\n  return 1;\n}\nexport const a = 1;\n`, `export const a = 1;\n`, `export function f() {\n  return 2;\n}\nexport const a = 1;\n`],
    ['both bind the same import name from different modules', `export const a = 1;\n`, `import { x } from './one';\nexport const a = 1;\n`, `import { x } from './two';\nexport const a = 1;\n`],
    ['both add a parameter', `export function f(a: number) {\n  return a;\n}\n`, `export function f(a: number, b = 1) {\n  return a;\n}\n`, `export function f(a: number, c = 2) {\n  return a;\n}\n`],
    ['a side does not parse', `export const a = 1;\n`, `export const a = 1;\nexport const b = ;\n`, `export const a = 1;\nexport const c = 3;\n`],
    ['a side moves a declaration', `export const a = 1;\nexport const b = 2;\n`, `export const b = 2;\nexport const a = 1;\n`, `export const a = 1;\nexport const b = 2;\nexport const c = 3;\n`],
  ])('does not resolve when %s', (_why, b, o, t) => {
    expect(merge(b, o, t)).toBeUndefined();
  });

  it('merges a TSX file whose two sides add routes to the same JSX element', () => {
    const b = `export const App = () => (\n  <Routes>\n    <Route path="/" element={<Home />} />\n  </Routes>\n);\n`;
    const o = b.replace(`    <Route path="/" element={<Home />} />\n`, `    <Route path="/" element={<Home />} />\n    <Route path="/users" element={<Users />} />\n`);
    const t = b.replace(`    <Route path="/" element={<Home />} />\n`, `    <Route path="/" element={<Home />} />\n    <Route path="/orders" element={<Orders />} />\n`);
    const merged = merge(b, o, t, 'app.tsx');
    expect(merged).toContain('<Route path="/users" element={<Users />} />\n    <Route path="/orders" element={<Orders />} />');
  });

  it('never loses a line either side added: random additive edits on both sides of a real-shaped file', () => {
    // A seeded generator: each side inserts declarations, imports, members and entries at random
    // valid places. Every resolution must contain both sides, line for line and in order.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const baseFile = [
      `import { a } from './a';`,
      `import { b } from './b';`,
      ``,
      `export const routes = [`,
      `  { path: 'a', handler: a },`,
      `  { path: 'b', handler: b },`,
      `];`,
      ``,
      `export class Service {`,
      `  one() {`,
      `    return 1;`,
      `  }`,
      `}`,
      ``,
      `export function helper() {`,
      `  return routes.length;`,
      `}`,
      ``,
    ].join('\n');
    const edit = (side: string, n: number) => {
      const name = `${side}${n}`;
      const edits: Array<(text: string) => string> = [
        (text) => text.replace(`import { b } from './b';`, `import { b } from './b';\nimport { ${name} } from './${name}';`),
        (text) => text.replace(`  { path: 'b', handler: b },`, `  { path: 'b', handler: b },\n  { path: '${name}', handler: b },`),
        (text) => text.replace(`    return 1;\n  }`, `    return 1;\n  }\n\n  ${name}() {\n    return '${name}';\n  }`),
        (text) => text.replace(`export function helper() {`, `export const ${name}Value = '${name}';\n\nexport function helper() {`),
        (text) => `${text}\nexport function ${name}Fn() {\n  return ${n};\n}\n`,
      ];
      return edits[random(edits.length)]!;
    };
    let resolved = 0;
    for (let round = 0; round < 60; round++) {
      let ours = baseFile;
      let theirs = baseFile;
      for (let i = 0; i < 1 + random(3); i++) ours = edit('ours', i)(ours);
      for (let i = 0; i < 1 + random(3); i++) theirs = edit('theirs', i)(theirs);
      const merged = merge(baseFile, ours, theirs);
      if (merged === undefined) continue;
      resolved++;
      expect(isLineSubsequence(ours, merged)).toBe(true);
      expect(isLineSubsequence(theirs, merged)).toBe(true);
    }
    expect(resolved).toBe(60);
  });
});
