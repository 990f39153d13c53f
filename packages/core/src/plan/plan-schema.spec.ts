import Ajv from 'ajv';
import { join } from 'node:path';
import { Node, Project, SyntaxKind, type InterfaceDeclaration, type TypeNode } from 'ts-morph';
import { planFixture } from '../../../../tools/testing/plan-fixture';
import { PLAN_SCHEMA_VERSION } from './plan';
import { PLAN_JSON_SCHEMA } from './plan-schema';

interface SchemaNode {
  type?: string;
  $ref?: string;
  const?: unknown;
  enum?: string[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

const definitions = PLAN_JSON_SCHEMA.definitions as Record<string, SchemaNode>;

describe('plan.schema.json', () => {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(PLAN_JSON_SCHEMA);
  const errorsOf = (plan: unknown) => (validate(plan) ? [] : validate.errors!.map((error) => `${error.instancePath} ${error.message}`));

  it('accepts a plan with every optional field and edge kind', () => {
    expect(errorsOf(planFixture())).toEqual([]);
  });

  it('rejects an unknown key, an unknown edge kind and a missing field', () => {
    type Loose = { tasks: { footprint: { writes: Record<string, unknown>[] } }[]; edges: { kind: string }[]; stats: Record<string, unknown> };
    const plan = planFixture() as unknown as Loose;
    plan.tasks[1].footprint.writes[0].weight = 2;
    plan.edges[0].kind = 'read-read';
    delete plan.stats.optimal;
    expect(errorsOf(plan)).toEqual([
      '/tasks/1/footprint/writes/0 must NOT have additional properties',
      '/edges/0/kind must be equal to one of the allowed values',
      "/stats must have required property 'optimal'",
    ]);
  });

  it('rejects another schema version', () => {
    expect(errorsOf({ ...planFixture(), schemaVersion: 2 })).toEqual(['/schemaVersion must be equal to constant']);
  });
});

/** The schema must say what plan.ts and footprint.ts say: same definitions, properties, optionality and shapes. */
describe('plan.schema.json against plan.ts and footprint.ts', () => {
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  const files = [join(__dirname, 'plan.ts'), join(__dirname, '../footprint/footprint.ts')].map((file) => project.addSourceFileAtPath(file));
  const interfaces = files.flatMap((file) => file.getInterfaces().filter((node) => node.isExported()));
  const aliases = files.flatMap((file) => file.getTypeAliases().filter((node) => node.isExported()));
  const definedObjects = Object.keys(definitions).filter((name) => definitions[name].type === 'object');
  const definedEnums = Object.keys(definitions).filter((name) => definitions[name].enum !== undefined);

  it('has an object definition for every interface and an enum for every type alias, and no others', () => {
    const names = interfaces.map((node) => node.getName());
    expect(names).toEqual(expect.arrayContaining(['Plan', 'PlannedTask', 'ConflictEdge', 'PlanStats', 'PlanPolicy', 'Footprint', 'FootprintEntry']));
    expect(definedObjects.sort()).toEqual([...names].sort());
    expect(definedEnums.sort()).toEqual(aliases.map((node) => node.getName()).sort());
  });

  it.each(interfaces.map((node) => [node.getName(), node] as const))('matches %s property by property', (name, node) => {
    expectPlainInterface(node);
    const definition = definitions[name];
    const properties = node.getProperties();
    const names = properties.map((property) => property.getName());
    const required = properties.filter((property) => !property.hasQuestionToken()).map((property) => property.getName());
    expect(Object.keys(definition.properties ?? {}).sort()).toEqual(names.sort());
    expect([...(definition.required ?? [])].sort()).toEqual(required.sort());
    // Listing the misfits makes a failure name the property, not just `false`.
    const shapes = properties.map((property) => ({ property: property.getName(), fits: fits(property.getTypeNodeOrThrow(), definition.properties![property.getName()]) }));
    expect(shapes.filter((shape) => !shape.fits)).toEqual([]);
  });

  it.each(aliases.map((node) => [node.getName(), node.getTypeNodeOrThrow()] as const))('lists the values of %s', (name, typeNode) => {
    expect([...definitions[name].enum!].sort()).toEqual(stringLiterals(typeNode).sort());
  });
});

/** Extends clauses, methods and index signatures would slip past a property-by-property comparison. */
function expectPlainInterface(node: InterfaceDeclaration): void {
  expect({ extends: node.getExtends().length, methods: node.getMethods().length, indexSignatures: node.getIndexSignatures().length }).toEqual({
    extends: 0,
    methods: 0,
    indexSignatures: 0,
  });
}

/** Whether a schema node can hold exactly the values of a TypeScript type as plan.ts writes them. */
function fits(typeNode: TypeNode, schema: SchemaNode): boolean {
  const target = schema.$ref ? definitions[schema.$ref.replace('#/definitions/', '')] : schema;
  if (Node.isArrayTypeNode(typeNode)) return target.type === 'array' && fits(typeNode.getElementTypeNode(), target.items!);
  if (Node.isTypeReference(typeNode)) return schema.$ref === `#/definitions/${typeNode.getTypeName().getText()}`;
  if (Node.isTypeQuery(typeNode) && typeNode.getExprName().getText() === 'PLAN_SCHEMA_VERSION') return target.const === PLAN_SCHEMA_VERSION;
  switch (typeNode.getKind()) {
    case SyntaxKind.StringKeyword:
      return target.type === 'string';
    case SyntaxKind.NumberKeyword:
      return target.type === 'number' || target.type === 'integer';
    case SyntaxKind.BooleanKeyword:
      return target.type === 'boolean';
    default:
      throw new Error(`plan-schema.spec.ts cannot compare the type \`${typeNode.getText()}\` yet: teach fits() about it`);
  }
}

function stringLiterals(typeNode: TypeNode): string[] {
  const members = Node.isUnionTypeNode(typeNode) ? typeNode.getTypeNodes() : [typeNode];
  return members.map((member) => {
    const literal = Node.isLiteralTypeNode(member) ? member.getLiteral() : undefined;
    if (!literal || !Node.isStringLiteral(literal)) throw new Error(`only unions of string literals map to a schema enum, not \`${typeNode.getText()}\``);
    return literal.getLiteralValue();
  });
}
